// Stage 5 (export): the graph as JSON, compatible with the gold format of
// ANNOTATION.md (actors and edges), and read back for render/diff/merge.
#pragma once
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct JsonOptions {
  bool include_negated = true;  // negated edges are kept and marked in JSON by default
  bool evidence = true;         // write the evidence list of each edge
};

nlohmann::json graph_to_json(const ActorGraph& g, const JsonOptions& options = {});
void write_json(std::ostream& out, const ActorGraph& g, const JsonOptions& options = {});

// Reads a graph written by write_json (or a gold file: actors as plain codes, the
// first code of an alt list). Throws InputError naming `name` when malformed.
ActorGraph graph_from_json(const nlohmann::json& j, const std::string& name);
ActorGraph read_json_graph(const std::string& text, const std::string& name);

}  // namespace actorgraph
