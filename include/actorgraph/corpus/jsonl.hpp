// Corpus input: a JSONL stream of articles, one JSON object per line
// ({"id", "text", optional "date", "lang", "source"}), read line by line so
// memory stays flat however long the stream is.
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// One non-blank line of the stream as read (without a BOM or a trailing '\r').
struct RawJsonlLine {
  std::size_t line = 0;  // 1-based line number in the stream
  std::string text;
};

// One non-blank line of the stream: a record, or the reason it is not one.
struct JsonlLine {
  std::size_t line = 0;                // 1-based line number in the stream
  std::optional<CorpusRecord> record;  // set when the line is a valid record
  std::string error;                   // one-line reason when record is empty
};

// Article ids already seen, with the stream and line of their first occurrence;
// several readers may share one to reject an id repeated across files. Keeps a
// 64-bit hash of each id, not the id: 16 bytes per slot in an open-addressing table
// at most 3/4 full, i.e. 21-43 bytes per article (1 M articles: 32 MB). Two different
// ids with the same hash (odds about n^2 / 2^65: 3e-8 for a million ids) would be
// reported as a duplicate.
class SeenIds {
 public:
  // Registers a stream name for insert(); returns its index.
  std::uint32_t add_stream(std::string name);
  // Records id as first seen at line of stream (an index from add_stream). Returns
  // the error "duplicate id 'X' (first seen at name:line)" when the id was seen
  // before (this one is not recorded), nullopt when it is new.
  std::optional<std::string> insert(std::string_view id, std::uint32_t stream, std::size_t line);
  // "name:line" of a stream registered with add_stream.
  std::string ref(std::uint32_t stream, std::size_t line) const;
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;   // 0 = empty (a hash of 0 is stored as 1)
    std::uint64_t where = 0;  // stream << 40 | line
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::vector<std::string> streams_;
};

class JsonlReader {
 public:
  // Reads from in (which must outlive the reader); name is used in line references
  // ("name:line"). Ids are checked against *seen when given, else against the
  // reader's own set (the only memory that grows with the stream: one hash per record).
  JsonlReader(std::istream& in, std::string name, SeenIds* seen = nullptr);

  // The next non-blank line (blank lines are skipped silently); nullopt at the end.
  // Bad lines come back with an error and no record: truncated or malformed JSON,
  // not an object, missing/empty "id" or "text", wrong field types, an impossible
  // date, a language other than de/en, or an id seen before. Throws InputError
  // when the stream itself cannot be read.
  std::optional<JsonlLine> next();
  // The next non-blank line, neither parsed nor checked for a duplicate id (to parse
  // on another thread with parse_corpus_line and check with seen().insert in input
  // order); nullopt at the end. Throws InputError as next() does.
  std::optional<RawJsonlLine> next_raw();

  // "name:line" for messages.
  std::string ref(std::size_t line) const;
  const std::string& name() const { return name_; }
  // The ids seen so far (shared or the reader's own) and this stream's index in them.
  SeenIds& seen() { return *seen_; }
  std::uint32_t stream() const { return stream_; }
  // Bytes consumed so far (for progress against a known file size).
  std::uint64_t bytes_read() const { return bytes_; }

 private:
  std::istream& in_;
  std::string name_;
  SeenIds own_;
  SeenIds* seen_;
  std::uint32_t stream_;  // name_'s index in *seen_
  std::size_t line_ = 0;
  std::uint64_t bytes_ = 0;
};

// How parse_corpus_line reads JSON: its own scanner for ordinary records, with
// nlohmann's SAX parser for everything else and for error messages; or nlohmann's
// parser alone (the reference the scanner is tested against). Same results.
enum class JsonlParser { scanner, nlohmann };

// Parses one line (without its newline) into a record; on failure returns nullopt
// and sets *error to a one-line reason. Does not check for duplicate ids. Only the
// fields of CorpusRecord are kept (no DOM is built); never throws a JSON exception.
// Thread-safe.
std::optional<CorpusRecord> parse_corpus_line(const std::string& line, std::string* error,
                                              JsonlParser parser = JsonlParser::scanner);

}  // namespace actorgraph
