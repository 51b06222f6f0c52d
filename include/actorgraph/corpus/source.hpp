// Corpus input: one sequence of articles from article files and JSONL streams, in
// input order, with duplicate ids across all JSONL streams rejected.
#pragma once
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/corpus/jsonl.hpp"

namespace actorgraph {

// One article of the corpus, or a bad JSONL line (error set, nothing else).
struct CorpusItem {
  std::string id;    // file stem, or the record's id
  std::string ref;   // where messages point: the path, or "name:line (id ID)"
  std::string path;  // article file to read (the text is not read here); "" for JSONL
  std::string text;  // the JSONL record's text
  std::string source;
  std::optional<Date> date;
  std::optional<Lang> lang;
  std::string error;  // a bad JSONL line: report it in its turn, no work
  // A JSONL line still to parse (CorpusSource with parse_later): see parse().
  std::string json;
  std::uint32_t stream = 0;  // JSONL items: the stream's index in the source's SeenIds
  std::size_t line = 0;      // JSONL items: 1-based line number; 0 for article files
};

// For expanders of command-line inputs: true for "-" and for an existing file;
// false for a directory. Both are registered as inputs of the run (output.hpp).
// Throws InputError "no such file or directory: P".
bool is_single_input(const std::string& path);

// The regular files below directory dir, recursively (what cannot be read is
// skipped), sorted.
std::vector<std::string> files_below(const std::string& dir);

// An article file of a batch and the id it gets (see expand_article_inputs).
struct ArticleFile {
  std::string path;  // "-" = stdin
  std::string id;
};

// What expand_article_inputs() found: the articles, and per directory what it left out.
struct ArticleInputs {
  std::vector<ArticleFile> files;
  std::vector<std::string> notes;  // "DIR: skipped N files that are not *.txt (...)"
};

// Expands article inputs: files as given (id: the file's stem), "-" as stdin (id
// "stdin"), directories recursively to their *.txt files, the extension in any
// case (.TXT too), sorted, each with its path relative to the directory without
// the extension as id ("dir/a/x.txt" -> "a/x"). Ids are unique by relative path:
// inputs whose ids would clash ("a/x.txt" and "b/x.txt" given as files) get their
// path as given, normalised, without the extension. Throws InputError for a
// missing path or a directory without articles.
ArticleInputs expand_article_inputs(const std::vector<std::string>& paths);

// Gives the single article of files (expanded from inputs) the id id (--id). Throws
// UsageError unless inputs is one file or "-" (not a directory) and there is no
// JSONL stream, or when id is empty or not UTF-8.
void set_single_id(std::vector<ArticleFile>& files, const std::vector<std::string>& inputs, bool jsonl,
                   const std::string& id);

class CorpusSource {
 public:
  // files: article files with their ids (expand_article_inputs(); path "-" = stdin,
  // read later by whoever reads path), yielded first; jsonl: JSONL streams ("-" = stdin), opened one after the other. With
  // parse_later, next() yields JSONL lines unparsed (item.json set): the caller
  // parses them with parse(), on any thread, and checks each with check_id() in
  // input order before using it.
  CorpusSource(std::vector<ArticleFile> files, std::vector<std::string> jsonl, bool parse_later = false);
  // The next item; nullopt at the end. Throws InputError when a stream cannot be
  // opened or read.
  std::optional<CorpusItem> next();
  // Parses item.json (a no-op for other items) into the record fields and appends
  // " (id X)" to item.ref, or sets item.error. Thread-safe; never throws on bad JSON.
  static void parse(CorpusItem& item);
  // For a parsed JSONL record: records its id; when the id was seen before, sets
  // item.error (item.ref back to "name:line") and returns false. Call in input order.
  bool check_id(CorpusItem& item);
  // JSONL bytes consumed so far (for progress against the streams' total size).
  std::uint64_t bytes_read() const;
  // The weight of an item when items are batched for workers (ordered_map size_of):
  // its text or JSONL line in bytes; an article file counts 4 KB (read later).
  static std::size_t batch_bytes(const CorpusItem& item) {
    return item.path.empty() ? item.text.size() + item.json.size() : 4096;
  }

 private:
  std::vector<ArticleFile> files_;
  std::vector<std::string> jsonl_;
  bool parse_later_ = false;
  std::size_t next_file_ = 0, next_jsonl_ = 0;
  std::unique_ptr<std::ifstream> stream_;
  std::unique_ptr<JsonlReader> reader_;
  SeenIds seen_;
  std::uint64_t done_bytes_ = 0;
};

// The file name without directory and extension: "dir/de-001.txt" -> "de-001"; "-" -> "stdin".
std::string article_id_of_path(const std::string& path);

}  // namespace actorgraph
