#include "actorgraph/graph/merge.hpp"

#include <set>

namespace actorgraph {

ActorGraph merge_graphs(const std::vector<ActorGraph>& graphs) {
  ActorGraph m;
  if (graphs.size() == 1) m.id = graphs.front().id;
  else m.id = "merged";
  m.articles = 0;
  std::set<Lang> langs;
  std::set<std::string> sources;
  for (const ActorGraph& g : graphs) {
    m.articles += g.articles;
    langs.insert(g.lang);
    sources.insert(g.source);
    if (m.date < g.date) m.date = g.date;
    for (Vertex v : g.sorted_nodes()) {
      const ActorNode& n = g.node(v);
      m.add_actor(n.code, n.kind, n.label, n.mentions);
    }
    for (EdgeId e : g.sorted_edges()) {
      const RelationEdge& d = g.store()[e];
      EdgeKey k = g.key(e);
      RelationEdge merged = d;
      if (auto old = m.find_edge(k)) {
        const RelationEdge& o = m.store()[*old];
        merged = o;
        merged.count += d.count;
        merged.weight += d.weight;
        if (strength(d.modality) > strength(o.modality)) merged.modality = d.modality;
        merged.evidence.insert(merged.evidence.end(), d.evidence.begin(), d.evidence.end());
      }
      // Evidence of an article graph names its article; keep that (it may be empty
      // in graphs read from DOT, so fill in the graph id).
      for (Evidence& x : merged.evidence) {
        if (x.article.empty()) x.article = g.id;
      }
      m.put_edge(k, merged);
    }
  }
  if (graphs.empty()) m.articles = 0;
  m.lang = langs.size() == 1 ? *langs.begin() : Lang::unknown;
  if (sources.size() == 1) m.source = *sources.begin();
  return m;
}

}  // namespace actorgraph
