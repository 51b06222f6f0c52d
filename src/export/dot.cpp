#include "actorgraph/export/dot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <ostream>
#include <set>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "actorgraph/export/escape.hpp"

namespace actorgraph {
namespace {

constexpr const char* kNegatedColor = "#9e9e9e";
constexpr std::size_t kTooltipSentences = 3;
constexpr std::size_t kTooltipBytes = 300;

std::string truncate_utf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// Escapes for Graphviz HTML-like labels.
std::string html_label_escape(std::string_view s) { return markup_escape(s, Markup::graphviz_label); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Graph attributes that keep a picture legible in each engine. dot ranks the
// directed edges; the force-directed engines need overlap removal (prism), room
// between nodes (sep) and edges routed around nodes (splines=true).
//
// Routing edges around nodes in the force-directed engines costs about the cube of
// the graph size (sfdp: 60 actors and 180 edges 3 s, 150 and 300 40 s, 250 and 500
// over 100 s); bigger graphs get straight edges (splines=line: 10,000 actors and
// edges in about 9 s) and a drawing of at most 60 x 60 inches (size: a PNG of
// 10,000 actors is then 5760 pixels wide and needs 180 MB, not 60 MB and 2.6 GB).
constexpr std::size_t kSplineNodeLimit = 60, kSplineEdgeLimit = 200;

std::string engine_attributes(const std::string& layout, std::size_t nodes, std::size_t edges) {
  bool big = nodes > 20 || edges > kFullEdgeLabelLimit;
  if (layout == "dot") {
    return big ? "rankdir=TB, nodesep=0.3, ranksep=\"0.9\", splines=true"
               : "rankdir=TB, nodesep=0.5, ranksep=\"0.7\", splines=true";
  }
  // circo: no splines=true, Graphviz 2.42's circo corrupts memory with it.
  if (layout == "circo") return "mindist=0.6, overlap=false";
  const std::string splines =
      nodes <= kSplineNodeLimit && edges <= kSplineEdgeLimit ? "splines=true" : "splines=line, size=\"60,60\"";
  if (layout == "sfdp") return "overlap=prism, overlap_scaling=-4, sep=\"+10\", " + splines + ", K=1.2, repulsiveforce=1.5";
  if (layout == "fdp") return "overlap=prism, sep=\"+10\", " + splines + ", K=1.3";
  // neato
  return big ? "overlap=prism, overlap_scaling=-6, sep=\"+10\", esep=\"+4\", " + splines +
                   ", mode=major, model=subset, len=2.2"
             : "overlap=prism, sep=\"+14\", esep=\"+6\", splines=true, mode=major, len=1.8";
}

// Legend swatch colour of a kind: a darker tone of its node fill, legible as a
// text glyph on white.
const char* kind_swatch(ActorKind k) {
  switch (k) {
    case ActorKind::state: return "#8fb3d9";
    case ActorKind::igo: return "#efb45c";
    case ActorKind::group: return "#dc8a8a";
    case ActorKind::collective: return "#b0b0b0";
  }
  return "#b0b0b0";
}

// The legend as an HTML-like table of one column: the title, then rows of text
// runs (relation types, five per row; modalities; actor kinds). Text rows, not
// nested tables, because Graphviz stretches a nested table to its cell's width.
std::string legend_label(const std::string& title, const std::set<RelationType>& types,
                         const std::set<Modality>& modalities, const std::set<ActorKind>& kinds, bool short_labels) {
  const std::string gap = "&#160;&#160;&#160;";
  auto row = [](const std::string& text) { return "<tr><td>" + text + "</td></tr>"; };
  std::string o = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
  if (!title.empty()) o += row("<font point-size=\"14\"><b>" + html_label_escape(title) + "</b></font>");
  std::string text;
  std::size_t i = 0;
  for (RelationType t : types) {
    if (i > 0 && i % 5 == 0) {
      o += row(text);
      text.clear();
    }
    if (!text.empty()) text += gap;
    text += "<font color=\"" + std::string(type_color(t)) + "\">" +
            (is_directed(t) ? "&#9472;&#9472;&#9654;" : "&#9472;&#9472;&#9472;") + "</font> " +
            html_label_escape(type_label(t)) + (is_directed(t) ? "" : " (mutual)") +
            (short_labels && type_short_label(t) != type_label(t)
                 ? " <i>" + std::string(type_short_label(t)) + "</i>"
                 : "");
    ++i;
  }
  if (!text.empty()) o += row(text);
  text.clear();
  for (Modality m : modalities) {
    const char* line = m == Modality::asserted       ? "&#9472;&#9472;&#9472;"
                       : m == Modality::hypothetical ? "&#183;&#183;&#183;&#183;&#183;"
                                                     : "&#8211; &#8211;";
    if (!text.empty()) text += gap;
    if (m == Modality::negated) {
      text += "<font color=\"" + std::string(kNegatedColor) + "\">" + line + " negated</font>";
    } else {
      text += std::string(line) + " " + std::string(to_string(m));
    }
  }
  for (ActorKind k : kinds) {
    const char* name = k == ActorKind::state        ? "state"
                       : k == ActorKind::igo        ? "organisation (box)"
                       : k == ActorKind::group      ? "group (hexagon)"
                                                    : "collective (dashed)";
    text += gap + "<font color=\"" + std::string(kind_swatch(k)) + "\">&#9632;</font> " + name;
  }
  o += row(text);
  o += "</table>>";
  return o;
}

}  // namespace

// Nine hues that stay apart for readers with any of the three colour-vision
// deficiencies: the smallest CIEDE2000 distance between two of them, or between
// one of them and the grey of negated edges, is above 13 in normal vision and in
// the protanopia, deuteranopia and tritanopia simulations of Machado et al. (2009)
// (tests/test_regression_issue14_outputs.cpp checks it); lightness L* 30-68 keeps
// thin lines legible on white. Found by a seeded search that maximised that
// smallest distance. Each edge also names its type in its label.
std::string_view type_color(RelationType type) {
  switch (type) {
    case RelationType::partnership: return "#0b6a38";
    case RelationType::meeting: return "#0396b0";
    case RelationType::support: return "#658000";
    case RelationType::aid: return "#ca85ff";
    case RelationType::arms_supply: return "#8404c8";
    case RelationType::sanctions: return "#87135c";
    case RelationType::criticism: return "#c39e00";
    case RelationType::threat: return "#9c6482";
    case RelationType::military_action: return "#d75c6c";
  }
  return "#000000";
}

std::string_view negated_color() { return kNegatedColor; }

std::string_view type_short_label(RelationType type) {
  switch (type) {
    case RelationType::partnership: return "partner";
    case RelationType::meeting: return "meet";
    case RelationType::support: return "support";
    case RelationType::aid: return "aid";
    case RelationType::arms_supply: return "arms";
    case RelationType::sanctions: return "sanct";
    case RelationType::criticism: return "crit";
    case RelationType::threat: return "threat";
    case RelationType::military_action: return "force";
  }
  return "";
}

std::string_view modality_style(Modality m) {
  switch (m) {
    case Modality::asserted: return "solid";
    case Modality::alleged: return "dashed";
    case Modality::hypothetical: return "dotted";
    case Modality::negated: return "dashed";
  }
  return "solid";
}

std::string_view kind_color(ActorKind kind) {
  switch (kind) {
    case ActorKind::state: return "#dbe9f6";
    case ActorKind::igo: return "#fde9c9";
    case ActorKind::group: return "#f4d0d0";
    case ActorKind::collective: return "#e8e8e8";
  }
  return "#ffffff";
}

std::string_view kind_shape(ActorKind kind) {
  switch (kind) {
    case ActorKind::state: return "ellipse";
    case ActorKind::igo: return "box";
    case ActorKind::group: return "hexagon";
    case ActorKind::collective: return "ellipse";
  }
  return "ellipse";
}

std::string type_label(RelationType type) {
  std::string s(to_string(type));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string actor_element_id(const ActorCode& code) { return "actor-" + code.str(); }

std::string edge_element_id(const EdgeKey& key) {
  return "edge-" + key.source.str() + "-" + key.target.str() + "-" + std::string(to_string(key.type));
}

std::string dot_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out.push_back(' ');  // new lines, tabs, and NUL, which would end the DOT text for Graphviz
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

bool keep_edge(const RelationEdge& d, const DotOptions& options) {
  return options.include_negated || d.modality != Modality::negated;
}

// Vertices with at least one kept edge.
std::vector<bool> connected(const GraphStore& store, const DotOptions& options) {
  std::vector<bool> out(boost::num_vertices(store), false);
  for (auto [it, end] = boost::edges(store); it != end; ++it) {
    if (!keep_edge(store[*it], options)) continue;
    out[boost::source(*it, store)] = true;
    out[boost::target(*it, store)] = true;
  }
  return out;
}

bool hide_isolated(const ActorGraph& g, const DotOptions& options) {
  using I = DotOptions::Isolated;
  return options.isolated == I::hide || (options.isolated == I::automatic && g.articles > 1);
}

}  // namespace

DotView dot_view(const ActorGraph& g, const DotOptions& options) {
  const GraphStore& store = g.store();
  DotView v;
  std::vector<bool> linked = connected(store, options);
  const bool hide = hide_isolated(g, options);
  for (std::size_t i = 0; i < linked.size(); ++i) {
    if (linked[i] || !hide) ++v.nodes;
    else ++v.hidden_nodes;
  }
  for (auto [it, end] = boost::edges(store); it != end; ++it) v.edges += keep_edge(store[*it], options) ? 1 : 0;
  v.layout = resolve_layout(options.layout, v.nodes, v.edges);
  return v;
}

void write_dot(std::ostream& out, const ActorGraph& g, const DotOptions& options) {
  const GraphStore& store = g.store();
  const DotView shown = dot_view(g, options);
  const std::vector<bool> linked = connected(store, options);
  const bool hide = hide_isolated(g, options);
  std::function<bool(EdgeId)> edge_filter = [&](EdgeId e) { return keep_edge(store[e], options); };
  std::function<bool(Vertex)> vertex_filter = [&](Vertex v) { return !hide || linked[v]; };
  boost::filtered_graph<GraphStore, std::function<bool(EdgeId)>, std::function<bool(Vertex)>> view(
      store, edge_filter, vertex_filter);

  std::set<RelationType> types;
  std::set<Modality> modalities{Modality::asserted};
  std::set<ActorKind> kinds;
  for (auto [it, end] = boost::edges(view); it != end; ++it) {
    types.insert(store[*it].type);
    modalities.insert(store[*it].modality);
  }
  for (auto [it, end] = boost::vertices(view); it != end; ++it) kinds.insert(store[*it].kind);
  const bool full_labels = shown.edges <= kFullEdgeLabelLimit;

  auto vertex_writer = [&](std::ostream& o, Vertex v) {
    const ActorNode& n = store[v];
    std::string label = options.code_labels ? n.code.str() : n.label;
    std::string kind(to_string(n.kind));
    std::string id = options.id_prefix + actor_element_id(n.code);
    o << "[label=\"" << dot_escape(label) << "\", code=\"" << n.code.str() << "\", kind=\"" << kind
      << "\", mentions=" << n.mentions << ", id=\"" << id << "\", shape=" << kind_shape(n.kind)
      << ", style=\"filled" << (n.kind == ActorKind::collective ? ",dashed" : "") << "\", fillcolor=\""
      << kind_color(n.kind) << "\", tooltip=\""
      << dot_escape(n.label + " (" + n.code.str() + ", " + kind + "): " + plural(n.mentions, "mention", "mentions"))
      << "\"";
    if (options.links) o << ", URL=\"#" << options.id_prefix << "row-" << actor_element_id(n.code) << "\"";
    o << "]";
  };

  auto edge_writer = [&](std::ostream& o, EdgeId e) {
    const RelationEdge& d = store[e];
    const EdgeKey key = g.key(e);
    const bool negated = d.modality == Modality::negated;
    const std::string color(negated ? kNegatedColor : type_color(d.type));
    char width[16];
    std::snprintf(width, sizeof width, "%.1f",
                  std::min(1.2 + std::log2(static_cast<double>(std::max<std::size_t>(d.count, 1))), 5.0));
    std::string id = options.id_prefix + edge_element_id(key);
    o << "[type=\"" << to_string(d.type) << "\", modality=\"" << to_string(d.modality) << "\", count=" << d.count
      << ", weight=" << d.weight << ", cameo=\"" << cameo_roots(d.type) << "\", plover=\""
      << plover_category(d.type) << "\", id=\"" << id << "\", color=\"" << color << "\", fontcolor=\"" << color
      << "\", style=\"" << modality_style(d.modality) << "\", penwidth=" << width;
    if (!is_directed(d.type)) o << ", dir=none";
    if (options.edge_labels) {
      std::string label;
      if (full_labels) {
        label = (negated ? "not " : "") + type_label(d.type);
        if (d.modality == Modality::alleged || d.modality == Modality::hypothetical) {
          label += " (" + std::string(to_string(d.modality)) + ")";
        }
        if (d.count > 1) label += " ×" + std::to_string(d.count);
      } else {
        // Big graphs: the short type name, so the type never rests on colour alone.
        label = (negated ? "not " : "") + std::string(type_short_label(d.type));
        if (d.count > 1) label += " ×" + std::to_string(d.count);
      }
      if (!label.empty()) o << ", label=\"" << dot_escape(label) << "\"";
    }
    // Tooltip: "type, modality, N mentions" then up to three evidence sentences,
    // one per line ("\n" is Graphviz's line break in escString attributes).
    std::string tip = dot_escape(store[boost::source(e, store)].label + (is_directed(d.type) ? " → " : " – ") +
                                 store[boost::target(e, store)].label +
                                 ": " + type_label(d.type) + ", " + std::string(to_string(d.modality)) + ", " +
                                 plural(d.count, "mention", "mentions"));
    for (std::size_t i = 0; i < d.evidence.size() && i < kTooltipSentences; ++i) {
      tip += "\\n• " + dot_escape(truncate_utf8(d.evidence[i].text, kTooltipBytes));
    }
    if (d.evidence.size() > kTooltipSentences) {
      tip += "\\n(+" + std::to_string(d.evidence.size() - kTooltipSentences) + " more)";
    }
    o << ", tooltip=\"" << tip << "\"";
    if (options.links) o << ", URL=\"#" << options.id_prefix << "row-" << edge_element_id(key) << "\"";
    o << "]";
  };

  auto graph_writer = [&](std::ostream& o) {
    std::string title = g.id;
    if (!g.date.empty() && g.articles <= 1) title += " (" + g.date.str() + ")";
    if (g.articles > 1) title += ": " + plural(g.articles, "article", "articles");
    if (shown.hidden_nodes > 0) {
      title += " (" + plural(shown.hidden_nodes, "actor", "actors") + " without relations not drawn)";
    }
    // Data attributes first (read back by read_dot_graph), then the picture's.
    o << "graph [article_id=\"" << dot_escape(g.id) << "\", date=\"" << g.date.str() << "\", lang=\""
      << to_string(g.lang) << "\", articles=" << g.articles;
    if (!g.source.empty()) o << ", publisher=\"" << dot_escape(g.source) << "\"";
    o << "];\n";
    o << "graph [layout=" << shown.layout << ", fontname=\"Helvetica\", fontsize=11, labelloc=b, labeljust=c"
      << ", outputorder=edgesfirst, pad=0.3, bgcolor=\"#ffffff\", "
      << engine_attributes(shown.layout, shown.nodes, shown.edges);
    if (options.legend) {
      o << ", label=" << legend_label(title, types, modalities, kinds, options.edge_labels && !full_labels);
    } else if (!title.empty()) {
      o << ", label=\"" << dot_escape(title) << "\"";
    }
    o << "];\n"
      << "node [fontname=\"Helvetica\", fontsize=12, margin=\"0.08,0.03\", color=\"#555555\"];\n"
      << "edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.8];\n";
  };
  auto ids = boost::make_function_property_map<Vertex, std::string>([&](Vertex v) { return store[v].code.str(); });
  boost::write_graphviz(out, view, vertex_writer, edge_writer, graph_writer, ids);
}

}  // namespace actorgraph
