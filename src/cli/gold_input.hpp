// Annotated articles for eval and train: gold files beside their texts (NAME.txt +
// NAME.gold.json), or gold files stored by corpus id (ID.gold.json with "cut_bytes")
// whose texts are records of JSONL corpora.
#pragma once
#include <string>
#include <vector>

#include "actorgraph/pipeline.hpp"

namespace actorgraph::cli {

struct GoldInput {
  std::string id;
  std::string gold_path;
  std::string gold_json;
  std::string text;        // the article as annotated (empty when with_text is false)
  ArticleOptions options;  // the record's language and date, for corpus records
};

// paths: directories or NAME.txt files. A directory holding NAME.txt files with gold
// beside them is read that way; any other directory is read as ID.gold.json files
// whose texts come from the jsonl corpora (each cut at the gold's "cut_bytes").
// Throws InputError for a path without gold, a missing record, a bad gold file.
std::vector<GoldInput> load_gold_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& jsonl,
                                        bool with_text);

}  // namespace actorgraph::cli
