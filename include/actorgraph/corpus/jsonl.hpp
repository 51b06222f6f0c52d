// Corpus input: a JSONL stream of articles, one JSON object per line
// ({"id", "text", optional "date", "lang", "source"}), read line by line so
// memory stays flat however long the stream is.
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <unordered_map>

#include "actorgraph/core/types.hpp"

namespace actorgraph {

// One article of a corpus stream.
struct CorpusRecord {
  std::string id;    // non-empty; an integer id is kept as its decimal text
  std::string text;  // the article as given (not yet checked as UTF-8)
  std::optional<Date> date;  // "YYYY[-MM[-DD]]"; an ISO timestamp keeps its date part
  std::optional<Lang> lang;  // "de" or "en"
  std::string source;        // outlet or feed name, may be empty
};

// One non-blank line of the stream: a record, or the reason it is not one.
struct JsonlLine {
  std::size_t line = 0;                // 1-based line number in the stream
  std::optional<CorpusRecord> record;  // set when the line is a valid record
  std::string error;                   // one-line reason when record is empty
};

// Article ids already seen, with the "name:line" of their first occurrence; several
// readers may share one to reject an id repeated across files.
using SeenIds = std::unordered_map<std::string, std::string>;

class JsonlReader {
 public:
  // Reads from in (which must outlive the reader); name is used in line references
  // ("name:line"). Ids are checked against *seen when given, else against the
  // reader's own set (the only memory that grows with the stream: one id per record).
  JsonlReader(std::istream& in, std::string name, SeenIds* seen = nullptr);

  // The next non-blank line (blank lines are skipped silently); nullopt at the end.
  // Bad lines come back with an error and no record: truncated or malformed JSON,
  // not an object, missing/empty "id" or "text", wrong field types, an impossible
  // date, a language other than de/en, or an id seen before. Throws InputError
  // when the stream itself cannot be read.
  std::optional<JsonlLine> next();

  // "name:line" for messages.
  std::string ref(std::size_t line) const;
  const std::string& name() const { return name_; }
  // Bytes consumed so far (for progress against a known file size).
  std::uint64_t bytes_read() const { return bytes_; }

 private:
  std::istream& in_;
  std::string name_;
  SeenIds own_;
  SeenIds* seen_;
  std::size_t line_ = 0;
  std::uint64_t bytes_ = 0;
};

// Parses one line (without its newline) into a record; on failure returns nullopt
// and sets *error. Does not check for duplicate ids.
std::optional<CorpusRecord> parse_corpus_line(const std::string& line, std::string* error);

}  // namespace actorgraph
