// Dictionaries and rules from data/, compiled into the library at build time.
#pragma once
#include <string_view>
#include <vector>

namespace actorgraph {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "actors/states.tsv"
  std::string_view content;  // the file's bytes
};

// Every embedded data file, sorted by path. Lives for the whole program.
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace actorgraph
