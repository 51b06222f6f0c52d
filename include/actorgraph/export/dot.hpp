// Stage 5 (export): the graph as Graphviz DOT, written with Boost.Graph's
// write_graphviz: nodes styled by kind, edges coloured by type with a legend,
// line style by modality, pen width by count, evidence as tooltip.
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct DotOptions {
  bool include_negated = false;  // negated edges are left out unless asked for
  bool code_labels = false;      // label nodes with codes instead of names
  bool legend = true;
  bool edge_labels = true;       // "type ×count" on each edge
};

// Colour of a relation type in every picture (hex RGB).
std::string_view type_color(RelationType type);
// "solid", "dashed", "dotted" or "tapered" by modality.
std::string_view modality_style(Modality m);

void write_dot(std::ostream& out, const ActorGraph& g, const DotOptions& options = {});

// Escapes s for a double-quoted DOT string.
std::string dot_escape(std::string_view s);

}  // namespace actorgraph
