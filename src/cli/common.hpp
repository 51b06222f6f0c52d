// Helpers shared by the subcommands: building the pipeline, reading inputs,
// writing outputs atomically (temporary file + rename, never a half-written file).
#pragma once
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "actorgraph/pipeline.hpp"

namespace actorgraph::cli {

// Options every article-reading command shares.
struct CommonOptions {
  std::vector<std::string> dicts;
  std::string lang;  // "", "de", "en"
  std::string date;  // "" or YYYY[-MM[-DD]]
  ArticleOptions article_options() const;  // throws UsageError for bad values
};
void add_common_options(CLI::App& cmd, CommonOptions& opts);

// The pipeline with the embedded data plus --dict files (built once per process).
std::unique_ptr<Pipeline> make_pipeline(const CommonOptions& opts);

// Reads a whole file ("-" = stdin); throws InputError "cannot read PATH: reason".
std::string read_file(const std::string& path);

// An article to process: its id (file stem or JSONL id) and raw bytes.
struct ArticleInput {
  std::string id;
  std::string path;  // "" for JSONL records
  std::string bytes;
  std::string date, lang, source;  // from JSONL, may be empty
};

// Expands paths: files as given, directories recursively to their *.txt files
// (sorted), "-" as stdin. Throws InputError for a missing path or an empty directory.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

// The file name without directory and extension: "dir/de-001.txt" -> "de-001".
std::string stem(const std::string& path);

// Writes through fill() to path atomically; "-" writes to stdout. Throws Error
// "cannot write PATH: reason" and leaves no partial file behind.
void write_output(const std::string& path, const std::function<void(std::ostream&)>& fill);
void write_output_bytes(const std::string& path, const std::string& bytes);

// True when path names an existing directory.
bool is_directory(const std::string& path);

// Prints "actorgraph: message" on stderr.
void warn(const std::string& message);

}  // namespace actorgraph::cli
