// Comparison: what two graphs (two articles, two outlets, two weeks) agree and
// disagree on: edges only in A / only in B / in both, modality changes, actors
// added and removed, and the Jaccard similarity of actor sets and typed edge sets.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct DiffOptions {
  // Negated edges ("X did not sanction Y") take part unless false; when they do,
  // an edge asserted in A and negated in B is a modality change.
  bool include_negated = true;
};

struct ModalityChange {
  EdgeKey key;
  Modality a = Modality::asserted;
  Modality b = Modality::asserted;
};

// A -> B: "added" is what B has and A has not, "removed" the reverse.
// Every list is sorted (edges by key, actors by code).
struct GraphDiff {
  std::vector<EdgeKey> only_a, only_b, both;  // typed edges (source, target, type)
  std::vector<ModalityChange> modality_changed;  // subset of both
  std::vector<ActorCode> actors_added, actors_removed, actors_shared;
  double jaccard_actors = 1;  // |A ∩ B| / |A ∪ B| of actor codes; 1 when both are empty
  double jaccard_edges = 1;   // the same for typed edge keys
};

// Jaccard index of two sorted, duplicate-free ranges; 1 when both are empty.
template <class T>
double jaccard_sorted(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// Actors of g (every node) sorted by code.
std::vector<ActorCode> actor_set(const ActorGraph& g);
// Typed edge keys of g sorted, negated edges left out unless include_negated.
std::vector<EdgeKey> edge_set(const ActorGraph& g, bool include_negated = true);

GraphDiff diff_graphs(const ActorGraph& a, const ActorGraph& b, const DiffOptions& options = {});

// {"only_a": [edge], "only_b": [edge], "both": [edge],
//  "modality_changed": [{"edge": {source, target, type, directed}, "a": m, "b": m}],
//  "actors_added": [code], "actors_removed": [code], "jaccard_actors": x, "jaccard_edges": y}
// Edges are written as in the graph JSON (graph_to_json): only_a from A, only_b
// from B, both as merged from the two (count and weight summed, strongest
// modality, evidence of A then B, each naming its article). Keys in this order.
nlohmann::ordered_json diff_to_json(const GraphDiff& d, const ActorGraph& a, const ActorGraph& b, bool evidence = true);

// A readable report: the Jaccard figures, then each list, one item per line.
void write_diff_text(std::ostream& out, const GraphDiff& d, const ActorGraph& a, const ActorGraph& b);

// The union of A and B as DOT: removed edges (only in A) red, added edges (only
// in B) green, shared edges grey, shared edges whose modality changed orange with
// "a → b" in the label; actors only in A or B drawn in the same colours. Nodes and
// edges carry code/kind/type/modality attributes (plus diff="added|removed|shared|
// modality_changed"), so read_dot_graph() reads the picture back as the union.
void write_diff_dot(std::ostream& out, const GraphDiff& d, const ActorGraph& a, const ActorGraph& b,
                    const std::string& layout = "dot");

// The colours of write_diff_dot (hex RGB).
inline constexpr const char* kDiffAddedColor = "#1a9850";
inline constexpr const char* kDiffRemovedColor = "#d73027";
inline constexpr const char* kDiffSharedColor = "#8c8c8c";
inline constexpr const char* kDiffChangedColor = "#f28e2b";

}  // namespace actorgraph
