#include "support.hpp"

#include <vector>

namespace actorgraph::test {

const Pipeline& pipeline() {
  static const Pipeline p(DataBundle::defaults());
  return p;
}

ArticleResult run(const std::string& text, Lang lang, const std::string& date) {
  Document doc = make_document("test", text);
  ArticleOptions o;
  if (lang != Lang::unknown) o.lang = lang;
  if (!date.empty()) o.date = parse_date(date);
  return pipeline().run(std::move(doc), o);
}

std::string actors(const ArticleResult& r) {
  std::string out;
  for (Vertex v : r.graph.sorted_nodes()) {
    const ActorNode& n = r.graph.node(v);
    if (n.kind == ActorKind::collective || n.mentions == 0) continue;
    out += (out.empty() ? "" : " ") + n.code.str();
  }
  return out;
}

std::string edges(const ArticleResult& r) {
  std::set<std::string> all;
  for (EdgeId e : r.graph.sorted_edges()) {
    EdgeKey k = r.graph.key(e);
    const RelationEdge& d = r.graph.store()[e];
    all.insert(k.source.str() + (is_directed(k.type) ? ">" : "-") + k.target.str() + " " +
               std::string(to_string(k.type)) + " " + std::string(to_string(d.modality)));
  }
  std::string out;
  for (const auto& s : all) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace actorgraph::test
