// Comparison across a corpus: the pairwise similarity matrix of article graphs
// (Jaccard of actor sets, of typed edge sets, or their mean) and the most and
// least similar pairs.
#pragma once
#include <iosfwd>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

enum class Measure { actors, edges, mean };
std::string_view to_string(Measure m);
std::optional<Measure> parse_measure(std::string_view s);

// What the matrix needs of a graph: its id, date and sorted actor and edge sets.
struct GraphSignature {
  std::string id;
  Date date;
  std::vector<ActorCode> actors;
  std::vector<EdgeKey> edges;
};
GraphSignature signature_of(const ActorGraph& g, bool include_negated = true);

// In the matrix a set that is empty in both graphs says nothing about similarity:
// its Jaccard is undefined (reported as null / n/a and counted as 0 by its own
// measure), and `mean` then uses the other set alone. Two graphs with no actor and
// no edge score 0. (diff_graphs() instead calls two empty sets identical: 1.)
struct PairScore {
  std::size_t a = 0, b = 0;  // indices into the signature list, a < b
  double actors = 0, edges = 0, score = 0;
  bool actors_defined = false, edges_defined = false;
  std::size_t shared_actors = 0, shared_edges = 0;
};
PairScore score_pair(const std::vector<GraphSignature>& sigs, std::size_t a, std::size_t b, Measure m);

struct SimilarityReport {
  Measure measure = Measure::mean;
  std::vector<std::string> ids;
  std::vector<std::vector<double>> matrix;  // symmetric, 1 on the diagonal
  std::size_t pairs = 0;                    // n (n - 1) / 2
  std::size_t disjoint_pairs = 0;           // pairs that share no actor
  std::size_t edgeless_pairs = 0;           // pairs of two graphs without any edge
  // The `top` highest-scoring pairs that share at least one actor or edge, and
  // the `top` lowest-scoring pairs that share at least one actor (same actors,
  // different story); equal scores go to more shared edges, then more shared
  // actors, then the pair whose ids sort first. Pairs of two edgeless graphs are
  // in neither list: sharing actors without any relation says nothing.
  std::vector<PairScore> most_similar, least_similar;
};
// with_matrix = false leaves `matrix` empty (the rankings need no n x n table).
SimilarityReport similarity_report(const std::vector<GraphSignature>& sigs, Measure m, std::size_t top = 5,
                                   bool with_matrix = true);
// Bytes of write_similarity_csv() for n graphs, roughly (ids not counted).
std::size_t similarity_csv_bytes(std::size_t n);

// "id,<id1>,<id2>,...\n<id1>,1.0000,..." with four decimals; ids quoted when needed.
void write_similarity_csv(std::ostream& out, const SimilarityReport& r);
// {"measure", "ids", "matrix", "pairs", "disjoint_pairs", "most_similar": [{"a","b","similarity",
//  "jaccard_actors","jaccard_edges","shared_actors","shared_edges"}], "least_similar": [...]}
nlohmann::json similarity_to_json(const SimilarityReport& r);
void write_similarity_text(std::ostream& out, const SimilarityReport& r);

}  // namespace actorgraph
