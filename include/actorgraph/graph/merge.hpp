// Stage 4 (graph): the union of several article graphs into one corpus graph.
#pragma once
#include <vector>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

// Union of graphs: every actor (mentions summed; kind and label from the first
// graph naming it) and every edge. Per edge: weight = number of input graphs
// containing it (sum of their weights, so merging merged graphs stays right),
// count summed, modality = the strongest, evidence concatenated in input order
// (each Evidence keeps its article id). The result's id is "merged" (or the
// single input's id), date the latest, lang the common one or unknown, and
// articles the sum of the inputs' articles. An empty input gives an empty graph.
ActorGraph merge_graphs(const std::vector<ActorGraph>& graphs);

}  // namespace actorgraph
