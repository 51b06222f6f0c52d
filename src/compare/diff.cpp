#include "actorgraph/compare/diff.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/graph/merge.hpp"

namespace actorgraph {
namespace {

std::string fixed(double x, int digits = 3) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string key_text(const EdgeKey& k) {
  return k.source.str() + (is_directed(k.type) ? " -> " : " -- ") + k.target.str() + " " +
         std::string(to_string(k.type));
}

// A graph holding only the given edges of g (and their actors), with g's metadata.
ActorGraph subgraph(const ActorGraph& g, const std::vector<EdgeKey>& keys) {
  ActorGraph s;
  s.id = g.id;
  s.lang = g.lang;
  s.date = g.date;
  s.source = g.source;
  s.articles = g.articles;
  for (const EdgeKey& k : keys) {
    auto e = g.find_edge(k);
    if (!e) continue;
    for (const ActorCode& c : {k.source, k.target}) {
      if (auto v = g.find(c)) {
        const ActorNode& n = g.node(*v);
        s.add_actor(n.code, n.kind, n.label, n.mentions);
      }
    }
    RelationEdge d = g.store()[*e];
    for (Evidence& x : d.evidence) {
      if (x.article.empty()) x.article = g.id;
    }
    s.put_edge(k, d);
  }
  return s;
}

// Edges exactly as graph_to_json() writes them (same keys, same order).
nlohmann::ordered_json edges_json(const ActorGraph& g, bool evidence) {
  JsonOptions jo;
  jo.include_negated = true;
  jo.evidence = evidence;
  return nlohmann::ordered_json::parse(graph_to_json(g, jo)["edges"].dump());
}

nlohmann::ordered_json codes_json(const std::vector<ActorCode>& codes) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& c : codes) j.push_back(c.str());
  return j;
}

const ActorNode* node_of(const ActorGraph& g, const ActorCode& c) {
  auto v = g.find(c);
  return v ? &g.node(*v) : nullptr;
}

}  // namespace

std::vector<ActorCode> actor_set(const ActorGraph& g) {
  std::vector<ActorCode> out;
  for (Vertex v : g.sorted_nodes()) out.push_back(g.node(v).code);
  return out;
}

std::vector<EdgeKey> edge_set(const ActorGraph& g, bool include_negated) {
  std::vector<EdgeKey> out;
  for (EdgeId e : g.sorted_edges()) {
    if (!include_negated && g.store()[e].modality == Modality::negated) continue;
    out.push_back(g.key(e));
  }
  return out;
}

GraphDiff diff_graphs(const ActorGraph& a, const ActorGraph& b, const DiffOptions& options) {
  GraphDiff d;
  std::vector<ActorCode> aa = actor_set(a), ab = actor_set(b);
  std::set_difference(ab.begin(), ab.end(), aa.begin(), aa.end(), std::back_inserter(d.actors_added));
  std::set_difference(aa.begin(), aa.end(), ab.begin(), ab.end(), std::back_inserter(d.actors_removed));
  std::set_intersection(aa.begin(), aa.end(), ab.begin(), ab.end(), std::back_inserter(d.actors_shared));
  d.jaccard_actors = jaccard_sorted(aa, ab);
  std::vector<EdgeKey> ea = edge_set(a, options.include_negated), eb = edge_set(b, options.include_negated);
  std::set_difference(ea.begin(), ea.end(), eb.begin(), eb.end(), std::back_inserter(d.only_a));
  std::set_difference(eb.begin(), eb.end(), ea.begin(), ea.end(), std::back_inserter(d.only_b));
  std::set_intersection(ea.begin(), ea.end(), eb.begin(), eb.end(), std::back_inserter(d.both));
  d.jaccard_edges = jaccard_sorted(ea, eb);
  for (const EdgeKey& k : d.both) {
    Modality ma = a.store()[*a.find_edge(k)].modality;
    Modality mb = b.store()[*b.find_edge(k)].modality;
    if (ma != mb) d.modality_changed.push_back(ModalityChange{k, ma, mb});
  }
  return d;
}

nlohmann::ordered_json diff_to_json(const GraphDiff& d, const ActorGraph& a, const ActorGraph& b, bool evidence) {
  using json = nlohmann::ordered_json;
  json j;
  j["only_a"] = edges_json(subgraph(a, d.only_a), evidence);
  j["only_b"] = edges_json(subgraph(b, d.only_b), evidence);
  ActorGraph both = merge_graphs({subgraph(a, d.both), subgraph(b, d.both)});
  both.id = "";  // every evidence item names its article
  j["both"] = edges_json(both, evidence);
  json changed = json::array();
  for (const ModalityChange& m : d.modality_changed) {
    changed.push_back({{"edge",
                        {{"source", m.key.source.str()},
                         {"target", m.key.target.str()},
                         {"type", std::string(to_string(m.key.type))},
                         {"directed", is_directed(m.key.type)}}},
                       {"a", std::string(to_string(m.a))},
                       {"b", std::string(to_string(m.b))}});
  }
  j["modality_changed"] = std::move(changed);
  j["actors_added"] = codes_json(d.actors_added);
  j["actors_removed"] = codes_json(d.actors_removed);
  j["jaccard_actors"] = d.jaccard_actors;
  j["jaccard_edges"] = d.jaccard_edges;
  return j;
}

void write_diff_text(std::ostream& out, const GraphDiff& d, const ActorGraph& a, const ActorGraph& b) {
  out << "A: " << a.id << " (" << num_vertices(a.store()) << " actors, " << num_edges(a.store()) << " edges)\n";
  out << "B: " << b.id << " (" << num_vertices(b.store()) << " actors, " << num_edges(b.store()) << " edges)\n";
  out << "jaccard actors: " << fixed(d.jaccard_actors) << "   jaccard edges: " << fixed(d.jaccard_edges) << "\n";
  auto codes = [&](const char* title, const std::vector<ActorCode>& cs) {
    out << title << " (" << cs.size() << "):";
    for (const auto& c : cs) out << " " << c.str();
    out << "\n";
  };
  codes("actors added", d.actors_added);
  codes("actors removed", d.actors_removed);
  auto edges = [&](const char* title, const std::vector<EdgeKey>& ks, const ActorGraph& g) {
    out << title << " (" << ks.size() << ")\n";
    for (const auto& k : ks) {
      const RelationEdge& e = g.store()[*g.find_edge(k)];
      out << "  " << key_text(k) << " [" << to_string(e.modality) << ", " << e.count
          << (e.count == 1 ? " mention" : " mentions") << "]\n";
    }
  };
  edges("only in A (removed)", d.only_a, a);
  edges("only in B (added)", d.only_b, b);
  out << "in both (" << d.both.size() << ")\n";
  for (const auto& k : d.both) {
    const RelationEdge& ea = a.store()[*a.find_edge(k)];
    const RelationEdge& eb = b.store()[*b.find_edge(k)];
    out << "  " << key_text(k) << " [A: " << to_string(ea.modality) << ", " << ea.count
        << (ea.count == 1 ? " mention" : " mentions") << "; B: " << to_string(eb.modality) << ", " << eb.count
        << (eb.count == 1 ? " mention" : " mentions") << "]\n";
  }
  out << "modality changed (" << d.modality_changed.size() << ")\n";
  for (const auto& m : d.modality_changed) {
    out << "  " << key_text(m.key) << ": " << to_string(m.a) << " -> " << to_string(m.b) << "\n";
  }
}

void write_diff_dot(std::ostream& out, const GraphDiff& d, const ActorGraph& a, const ActorGraph& b,
                    const std::string& layout) {
  std::string title = a.id + " → " + b.id;
  out << "digraph diff {\n";
  out << "graph [layout=\"" << dot_escape(layout) << "\", fontname=\"Helvetica\", fontsize=11, labelloc=b, "
      << "outputorder=edgesfirst, pad=0.3, overlap=false, splines=true, nodesep=0.5, a_id=\"" << dot_escape(a.id)
      << "\", b_id=\"" << dot_escape(b.id) << "\", label=<<table border=\"0\" cellborder=\"0\" cellspacing=\"1\">"
      << "<tr><td colspan=\"4\"><font point-size=\"14\"><b>";
  for (char c : title) {
    if (c == '<') out << "&lt;";
    else if (c == '>') out << "&gt;";
    else if (c == '&') out << "&amp;";
    else out << c;
  }
  out << "</b></font></td></tr><tr><td colspan=\"4\">Jaccard actors " << fixed(d.jaccard_actors, 2) << ", edges "
      << fixed(d.jaccard_edges, 2) << "</td></tr><tr>"
      << "<td><font color=\"" << kDiffAddedColor << "\">&#9472;&#9472;&#9654;</font></td><td align=\"left\">added ("
      << d.only_b.size() << ")</td>"
      << "<td><font color=\"" << kDiffRemovedColor << "\">&#9472;&#9472;&#9654;</font></td><td align=\"left\">removed ("
      << d.only_a.size() << ")</td></tr><tr>"
      << "<td><font color=\"" << kDiffSharedColor << "\">&#9472;&#9472;&#9654;</font></td><td align=\"left\">shared ("
      << d.both.size() - d.modality_changed.size() << ")</td>"
      << "<td><font color=\"" << kDiffChangedColor
      << "\">&#9472;&#9472;&#9654;</font></td><td align=\"left\">modality changed (" << d.modality_changed.size()
      << ")</td></tr></table>>];\n";
  out << "node [fontname=\"Helvetica\", fontsize=12, style=\"filled\", fillcolor=\"#ffffff\"];\n";
  out << "edge [fontname=\"Helvetica\", fontsize=9];\n";

  std::set<ActorCode> added(d.actors_added.begin(), d.actors_added.end());
  std::set<ActorCode> removed(d.actors_removed.begin(), d.actors_removed.end());
  std::set<ActorCode> all(added);
  all.insert(removed.begin(), removed.end());
  all.insert(d.actors_shared.begin(), d.actors_shared.end());
  for (const ActorCode& c : all) {
    const ActorNode* n = node_of(b, c);
    if (!n) n = node_of(a, c);
    const char* status = added.count(c) ? "added" : removed.count(c) ? "removed" : "shared";
    const char* color = added.count(c) ? kDiffAddedColor : removed.count(c) ? kDiffRemovedColor : "#555555";
    std::size_t mentions = (node_of(a, c) ? node_of(a, c)->mentions : 0) + (node_of(b, c) ? node_of(b, c)->mentions : 0);
    out << "\"" << dot_escape(c.str()) << "\" [label=\"" << dot_escape(n->label.empty() ? c.str() : n->label)
        << "\", code=\"" << dot_escape(c.str()) << "\", kind=\"" << to_string(n->kind) << "\", mentions=" << mentions
        << ", diff=\"" << status << "\", color=\"" << color << "\", fontcolor=\"" << color
        << "\", penwidth=" << (std::string(status) == "shared" ? "1" : "2") << ", shape="
        << (n->kind == ActorKind::state ? "ellipse" : "box") << ", tooltip=\"" << dot_escape(c.str()) << ": "
        << status << "\"];\n";
  }
  std::set<EdgeKey> changed;
  for (const auto& m : d.modality_changed) changed.insert(m.key);
  struct Item {
    EdgeKey key;
    const char* status;
  };
  std::vector<Item> items;
  for (const auto& k : d.only_a) items.push_back({k, "removed"});
  for (const auto& k : d.only_b) items.push_back({k, "added"});
  for (const auto& k : d.both) items.push_back({k, changed.count(k) ? "modality_changed" : "shared"});
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.key < y.key; });
  for (const Item& it : items) {
    const std::string status = it.status;
    const ActorGraph& g = status == "removed" ? a : b;
    const RelationEdge& e = g.store()[*g.find_edge(it.key)];
    const char* color = status == "added"     ? kDiffAddedColor
                        : status == "removed" ? kDiffRemovedColor
                        : status == "shared"  ? kDiffSharedColor
                                              : kDiffChangedColor;
    std::string label = type_label(it.key.type);  // "arms supply", as the other pictures write it
    std::size_t weight = e.weight, count = e.count;
    if (status == "modality_changed" || status == "shared") {
      const RelationEdge& ea = a.store()[*a.find_edge(it.key)];
      weight += ea.weight;
      count += ea.count;
      if (status == "modality_changed") {
        label += "\\n" + std::string(to_string(ea.modality)) + " → " + std::string(to_string(e.modality));
      }
    }
    std::string tooltip = (status == "modality_changed" ? std::string("modality changed") : status) + ": " +
                          it.key.source.str() + (is_directed(it.key.type) ? " → " : " – ") + it.key.target.str() +
                          " " + type_label(it.key.type);
    if (!e.evidence.empty()) tooltip += "\\n• " + dot_escape(e.evidence.front().text);
    out << "\"" << dot_escape(it.key.source.str()) << "\" -> \"" << dot_escape(it.key.target.str()) << "\" [type=\""
        << to_string(it.key.type) << "\", modality=\"" << to_string(e.modality) << "\", count=" << count
        << ", weight=" << weight << ", diff=\"" << status << "\", color=\"" << color << "\", fontcolor=\"" << color
        << "\", penwidth=" << (status == "shared" ? "1.2" : "2.2") << ", style=\""
        << (e.modality == Modality::asserted ? "solid" : e.modality == Modality::negated ? "dotted" : "dashed")
        << "\", dir=" << (is_directed(it.key.type) ? "forward" : "none") << ", label=\"" << label
        << "\", tooltip=\"" << tooltip << "\"];\n";
  }
  out << "}\n";
}

}  // namespace actorgraph
