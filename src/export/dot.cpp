#include "actorgraph/export/dot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <set>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/function_property_map.hpp>

namespace actorgraph {
namespace {

struct KindStyle {
  const char* shape;
  const char* fill;
};

KindStyle kind_style(ActorKind k) {
  switch (k) {
    case ActorKind::state: return {"ellipse", "#dbe9f6"};
    case ActorKind::igo: return {"box", "#fde9c9"};
    case ActorKind::group: return {"hexagon", "#f4d0d0"};
    case ActorKind::collective: return {"ellipse", "#eeeeee"};
  }
  return {"ellipse", "#ffffff"};
}

std::string truncate_utf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string_view type_color(RelationType type) {
  switch (type) {
    case RelationType::partnership: return "#1b9e77";
    case RelationType::meeting: return "#7570b3";
    case RelationType::support: return "#66a61e";
    case RelationType::aid: return "#e6ab02";
    case RelationType::arms_supply: return "#a6761d";
    case RelationType::sanctions: return "#e7298a";
    case RelationType::criticism: return "#d95f02";
    case RelationType::threat: return "#8c2d04";
    case RelationType::military_action: return "#d62728";
  }
  return "#000000";
}

std::string_view modality_style(Modality m) {
  switch (m) {
    case Modality::asserted: return "solid";
    case Modality::alleged: return "dashed";
    case Modality::hypothetical: return "dotted";
    case Modality::negated: return "tapered";
  }
  return "solid";
}

std::string dot_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n' || c == '\r') {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void write_dot(std::ostream& out, const ActorGraph& g, const DotOptions& options) {
  const GraphStore& store = g.store();
  auto keep_edge = [&](EdgeId e) { return options.include_negated || store[e].modality != Modality::negated; };
  boost::filtered_graph<GraphStore, std::function<bool(EdgeId)>> view(store, keep_edge);

  std::set<RelationType> used;
  for (auto [it, end] = boost::edges(view); it != end; ++it) used.insert(store[*it].type);

  auto vertex_writer = [&](std::ostream& o, Vertex v) {
    const ActorNode& n = store[v];
    KindStyle ks = kind_style(n.kind);
    std::string label = options.code_labels ? n.code.str() : n.label;
    o << "[label=\"" << dot_escape(label) << "\", code=\"" << n.code.str() << "\", kind=\""
      << to_string(n.kind) << "\", mentions=" << n.mentions << ", shape=" << ks.shape
      << ", style=\"filled" << (n.kind == ActorKind::collective ? ",dashed" : "") << "\", fillcolor=\""
      << ks.fill << "\", tooltip=\"" << dot_escape(n.code.str() + ": " + n.label + ", " +
                                                  std::to_string(n.mentions) + " mentions")
      << "\"]";
  };
  auto edge_writer = [&](std::ostream& o, EdgeId e) {
    const RelationEdge& d = store[e];
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", std::min(1.0 + std::log2(static_cast<double>(std::max<std::size_t>(d.count, 1))), 5.0));
    o << "[type=\"" << to_string(d.type) << "\", modality=\"" << to_string(d.modality) << "\", count=" << d.count
      << ", weight=" << d.weight << ", cameo=\"" << cameo_roots(d.type) << "\", plover=\""
      << plover_category(d.type) << "\", color=\"" << type_color(d.type) << "\", fontcolor=\""
      << type_color(d.type) << "\", style=\"" << modality_style(d.modality) << "\", penwidth=" << width;
    if (!is_directed(d.type)) o << ", dir=none";
    if (options.edge_labels) {
      std::string label(to_string(d.type));
      std::replace(label.begin(), label.end(), '_', ' ');
      if (d.modality != Modality::asserted) label += " (" + std::string(to_string(d.modality)) + ")";
      if (d.count > 1) label += " ×" + std::to_string(d.count);
      o << ", label=\"" << dot_escape(label) << "\"";
    }
    if (!d.evidence.empty()) o << ", tooltip=\"" << dot_escape(truncate_utf8(d.evidence.front().text, 400)) << "\"";
    o << "]";
  };
  auto graph_writer = [&](std::ostream& o) {
    std::string title = g.id;
    if (!g.date.empty()) title += " (" + g.date.str() + ")";
    o << "graph [label=\"" << dot_escape(title) << "\", labelloc=t, fontname=\"Helvetica\", fontsize=14, "
      << "overlap=false, splines=true, outputorder=edgesfirst, pad=0.3, nodesep=0.5, ranksep=0.8];\n"
      << "node [fontname=\"Helvetica\", fontsize=12];\n"
      << "edge [fontname=\"Helvetica\", fontsize=9];\n";
    if (options.legend && !used.empty()) {
      o << "subgraph cluster_legend {\nlabel=\"\"; color=\"#cccccc\";\n"
        << "legend [shape=plaintext, fontsize=10, label=<<table border=\"0\" cellspacing=\"2\">"
        << "<tr><td colspan=\"2\"><b>relations</b></td></tr>";
      for (RelationType t : used) {
        std::string name(to_string(t));
        std::replace(name.begin(), name.end(), '_', ' ');
        o << "<tr><td><font color=\"" << type_color(t) << "\">&#9472;&#9472;&#9654;</font></td><td align=\"left\">"
          << html_escape(name) << (is_directed(t) ? "" : " (mutual)") << "</td></tr>";
      }
      o << "<tr><td>solid</td><td align=\"left\">asserted</td></tr>"
        << "<tr><td>dashed</td><td align=\"left\">alleged</td></tr>"
        << "<tr><td>dotted</td><td align=\"left\">hypothetical</td></tr>";
      if (options.include_negated) o << "<tr><td>tapered</td><td align=\"left\">negated</td></tr>";
      o << "</table>>];\n}\n";
    }
  };
  auto ids = boost::make_function_property_map<Vertex, std::string>(
      [&](Vertex v) { return store[v].code.str(); });
  boost::write_graphviz(out, view, vertex_writer, edge_writer, graph_writer, ids);
}

}  // namespace actorgraph
