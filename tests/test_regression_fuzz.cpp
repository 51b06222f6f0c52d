// Regression: every input a fuzzer ever crashed on (fuzz/regressions/TARGET/NAME,
// NAME saying what it found) and every seed (fuzz/corpus/TARGET/) is replayed
// through the same code the fuzz target runs (fuzz/targets.hpp): no exception but
// actorgraph::Error, and every property checked there holds. Found so far:
//  - dot_reader/invalid-utf8-*: a DOT label with invalid UTF-8 reached the JSON
//    writer, which threw nlohmann::type_error (readers now replace the bytes);
//  - json_graph, jsonl/number-overflow-*: "1e999" made nlohmann throw out_of_range,
//    not parse_error, which escaped the readers and ended a whole batch;
//  - dict/invalid-utf8-label-*: a --dict file with invalid UTF-8 was accepted and
//    broke the JSON writer (now "file:line: invalid UTF-8 at column N");
//  - dot_reader/trailing-text-*: text after the graph stayed in libcgraph's lexer
//    and was parsed first by the next read, so our own DOT "had a syntax error";
//  - json_graph/nul-in-label-*: a "\u0000" in a name went into our DOT as a NUL
//    byte and cut it short for Graphviz.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "../fuzz/targets.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> out;
  for (const char* kind : {"regressions", "corpus"}) {
    fs::path dir = fs::path(ACTORGRAPH_TEST_DIR) / ".." / "fuzz" / kind / target;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void replay(const std::string& target, const std::function<void(const std::uint8_t*, std::size_t)>& run) {
  auto files = inputs_of(target);
  CHECK(!files.empty());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    INFO(target << ": " << f.filename().string());
    CHECK_NOTHROW(run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  }
}

}  // namespace

TEST_CASE("regression: fuzz inputs for the article pipeline", "[text]") {
  replay("article", actorgraph::fuzz::run_article);
}

TEST_CASE("regression: fuzz inputs for the DOT reader (invalid UTF-8 in labels, text after the graph)", "[export]") {
  replay("dot_reader", actorgraph::fuzz::run_dot_reader);
}

TEST_CASE("regression: fuzz inputs for the JSON graph reader (number overflow, NUL in names)", "[export]") {
  replay("json_graph", actorgraph::fuzz::run_json_graph);
}

TEST_CASE("regression: fuzz inputs for the JSONL corpus reader (number overflow)", "[corpus]") {
  replay("jsonl", actorgraph::fuzz::run_jsonl);
}

TEST_CASE("regression: fuzz inputs for the dictionary loader (invalid UTF-8 labels)", "[actors]") {
  replay("dict", actorgraph::fuzz::run_dict);
}

TEST_CASE("regression: fuzz inputs for drawing user DOT (bounds before Graphviz's parser and layout)", "[export]") {
  replay("render", actorgraph::fuzz::run_render);
}

TEST_CASE("regression: fuzz inputs for the SQLite store reader (stats, query, writers)", "[store]") {
  replay("store", actorgraph::fuzz::run_store);
}
