// Data files (dictionaries, rules) as a bundle: the embedded defaults plus user
// files given with --dict, each stage taking the files whose header tag it reads.
#pragma once
#include "actorgraph/core/lines.hpp"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

struct DataFile {
  std::string name;     // for messages: "data/actors/states.tsv" or the user's path
  std::string content;  // UTF-8 text
  // For built-in rows compiled at build time (DataBundle::defaults()): the compiled
  // table, which lives for the whole program; content is then only the format tag.
  std::string_view compiled = {};
  // For the built-in rules files (DataBundle::defaults()): their lemma cues resolved at
  // build time against the built-in lemma tables (relations/lemma_table.hpp, lives for
  // the whole program); empty for every other file, whose cues are looked up at start.
  std::string_view resolved_lemmas = {};
};

// A parsed row of a tab-separated data file; views point into the DataFile.
struct TsvRow {
  std::size_t line = 0;  // 1-based line number in the file
  std::vector<std::string_view> cols;
};

class DataBundle {
 public:
  // The dictionaries compiled into the binary (src/core/defaults.cpp): the actor rows
  // as one file with the compiled table, the other files as text.
  static DataBundle defaults();
  // Adds a user file read from disk; throws InputError when unreadable and
  // DataError when its first line is not a known "#actorgraph-KIND N" tag.
  void add_file(const std::string& path);
  // Adds a file from memory (tests, embedded data).
  void add(DataFile file);
  // Every file whose first line is exactly "#actorgraph-" + kind + " 1", in order added.
  std::vector<const DataFile*> files_of(std::string_view kind) const;
  // A copy without the files of one kind (training the model without the model).
  DataBundle without(std::string_view kind) const;

 private:
  std::vector<DataFile> files_;
};

// Splits a data file into rows: skips the tag line, comments (#) and blank lines;
// throws DataError "name:line: ..." when a row has fewer than min_cols or more than
// max_cols tab-separated columns. Trailing '\r' is ignored.
std::vector<TsvRow> read_tsv(const DataFile& file, std::size_t min_cols, std::size_t max_cols);

// Reads the line as a row of file into row (its columns replaced); false for a line
// read_tsv skips. Throws DataError as read_tsv does.
bool read_tsv_row(const DataFile& file, std::string_view line, std::size_t line_no, std::size_t min_cols,
                  std::size_t max_cols, TsvRow& row);

// Calls fn(row) for every row read_tsv(file, min_cols, max_cols) gives, in order, with
// one TsvRow reused (valid during the call): the rows without a vector of them. A row
// with the wrong number of columns throws when it is reached, after fn saw the rows
// before it.
template <typename F>
void for_each_tsv_row(const DataFile& file, std::size_t min_cols, std::size_t max_cols, F&& fn) {
  TsvRow row;
  for_each_line(file.content, [&](std::string_view line, std::size_t line_no) {
    if (read_tsv_row(file, line, line_no, min_cols, max_cols, row)) fn(static_cast<const TsvRow&>(row));
  });
}

}  // namespace actorgraph
