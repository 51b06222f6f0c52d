// Stage 5 (export), read back: a graph from DOT (written by actorgraph, or plain
// DOT from other tools that carries the needed attributes) or actorgraph JSON,
// for render, diff and merge.
#pragma once
#include <string>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

// Reads the graph file at path; DOT or actorgraph/gold JSON is detected from the
// content (first non-blank character '{' means JSON), not from the extension.
// Throws InputError ("path: what", one line) when unreadable or malformed.
ActorGraph read_graph_file(const std::string& path);

// As read_graph_file, from text already in memory; name is used in messages and
// as the graph id when the text carries none.
ActorGraph read_graph_text(const std::string& text, const std::string& name);

// Reads DOT through libcgraph. Nodes take their code from the `code` attribute,
// else from the node name when it is a valid ActorCode; kind/mentions/label from
// the attributes of the same names (label defaults to the code). Edges need a
// valid `type` attribute; modality/count/weight are optional (asserted, 1, 1).
// Nodes without a usable code, edges without a valid type, or malformed DOT
// throw InputError naming `name`. Subgraph-only nodes such as the legend
// (no code, shape=plaintext or name "legend") are skipped.
ActorGraph read_dot_graph(const std::string& text, const std::string& name);

}  // namespace actorgraph
