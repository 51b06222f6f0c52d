// Stage 5 (export): the graph as Graphviz DOT, written with Boost.Graph's
// write_graphviz: nodes styled by kind, edges coloured by type with a legend,
// line style by modality, pen width by count, evidence sentences as tooltips.
// The DOT carries the data attributes code/kind/mentions and
// type/modality/count/weight, so read_dot_graph() (readers.hpp) reads it back.
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "actorgraph/export/render.hpp"
#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct DotOptions {
  bool include_negated = false;  // negated edges are left out unless asked for
  bool code_labels = false;      // label nodes with codes instead of names
  bool legend = true;            // title and legend as the graph label (every engine draws it)
  bool edge_labels = true;       // "type ×count" on each edge (only "×count" on big graphs)
  // Engine the picture is meant for ("auto" or one of layout_engines()): sets
  // the graph attributes that make it legible there (overlap removal, spline
  // routing, separation) and is written, resolved, as the `layout` graph
  // attribute, so `dot -Tsvg file.dot` draws the same picture.
  std::string layout{kDefaultLayout};
  // Actors without a drawn edge: drawn in article graphs, left out of merged
  // graphs (articles > 1) where they would crowd the picture; the legend says
  // how many were left out.
  enum class Isolated { automatic, draw, hide } isolated = Isolated::automatic;
  // Prefix of the SVG element ids ("actor-CODE", "edge-SRC-TGT-type") so that
  // several pictures can share one HTML page.
  std::string id_prefix;
  // When true, nodes and edges link to "#<id_prefix>row-actor-CODE" and
  // "#<id_prefix>row-edge-SRC-TGT-type" (the tables of the HTML report).
  bool links = false;
};

// Edges above which labels shrink to the short type name and "×count" ("crit ×3"; the
// legend gives the short names).
inline constexpr std::size_t kFullEdgeLabelLimit = 40;

// Colour of a relation type in every picture (hex RGB): nine hues told apart also
// under colour-vision deficiencies, and from negated_color() (grey).
std::string_view type_color(RelationType type);
std::string_view negated_color();
// "crit": the type's name on the edges of big graphs.
std::string_view type_short_label(RelationType type);
// "solid", "dashed", "dotted" by modality (negated: dashed and grey).
std::string_view modality_style(Modality m);
// Fill colour and Graphviz shape of an actor kind.
std::string_view kind_color(ActorKind kind);
std::string_view kind_shape(ActorKind kind);
// "arms supply": the type as people read it.
std::string type_label(RelationType type);
// Element id of an actor or edge in SVG and HTML (ASCII: codes are [A-Z0-9_]).
std::string actor_element_id(const ActorCode& code);
std::string edge_element_id(const EdgeKey& key);

// What write_dot draws: the actors and edges kept by the options.
struct DotView {
  std::size_t nodes = 0, edges = 0, hidden_nodes = 0;
  std::string layout;  // options.layout with "auto" resolved
};
DotView dot_view(const ActorGraph& g, const DotOptions& options);

void write_dot(std::ostream& out, const ActorGraph& g, const DotOptions& options = {});

// Escapes s for a double-quoted DOT string (quotes, backslashes; new lines become spaces).
std::string dot_escape(std::string_view s);

}  // namespace actorgraph
