// Shared test helpers: one default pipeline for the whole test binary, and
// shortcuts from a sentence of our own to actors and edges.
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "actorgraph/pipeline.hpp"

namespace actorgraph::test {

// The rule stages only (built-in data without the learned edge model): the rule
// tables test what the rules do. full_pipeline() adds the model (data/model/edges.tsv).
const Pipeline& pipeline();
const Pipeline& full_pipeline();

// Runs the whole pipeline on text (language given).
ArticleResult run(const std::string& text, Lang lang, const std::string& date = "");

// The acting actor codes of the graph, sorted: "CHN RUS".
std::string actors(const ArticleResult& r);

// Every edge as "SRC>TGT type modality" (symmetric: "A-B type modality", A < B),
// sorted and joined by "; ".
std::string edges(const ArticleResult& r);

// A table row: an invented sentence and the edges() it must give.
struct EdgeCase {
  Lang lang;
  const char* text;
  const char* edges;
};
// Checks every row (Catch2 CHECK, the sentence captured).
void check_edge_cases(const std::vector<EdgeCase>& cases);

// The result of running the real binary.
struct Ran {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::filesystem::path& p);

// count strings of 0..max_pieces pieces drawn from alphabet, the same for a seed
// (differential tests of the fast breakers against ICU).
std::vector<std::string> random_strings(const std::vector<std::string>& alphabet, std::size_t max_pieces, int count,
                                        unsigned seed);
void spit(const std::filesystem::path& p, const std::string& s);

// A fresh temporary directory (removed at the end) to run the CLI in.
struct Scratch {
  std::filesystem::path dir;
  // prefix names the test file, name the test: "actorgraph-PREFIX-NAME-PID".
  Scratch(const std::string& prefix, const std::string& name);
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  // Runs `actorgraph ARGS` in dir with ACTORGRAPH_DB unset; "| AG " in args stands for
  // the binary after a pipe; stdin is /dev/null unless args redirect it.
  Ran run(std::string args) const;
};

}  // namespace actorgraph::test
