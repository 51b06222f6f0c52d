// merge_graphs: the union of article graphs; weight = articles with the edge,
// counts summed, strongest modality, evidence kept with its article.
#include <catch2/catch.hpp>

#include "actorgraph/graph/merge.hpp"

using namespace actorgraph;

namespace {

ActorGraph article(const std::string& id, const char* date, Lang lang) {
  ActorGraph g;
  g.id = id;
  g.lang = lang;
  g.date = *parse_date(date);
  return g;
}

Evidence ev(const std::string& article, const char* text, Modality m) {
  return Evidence{article, 0, Span{0, 3}, text, "r:1", m};
}

}  // namespace

TEST_CASE("merge_graphs: union of actors and edges, weight = articles", "[graph]") {
  ActorGraph a = article("a", "2023-01-02", Lang::de);
  a.add_actor(ActorCode("DEU"), ActorKind::state, "Deutschland", 2);
  a.add_actor(ActorCode("FRA"), ActorKind::state, "Frankreich", 1);
  a.add_mention(ActorCode("DEU"), ActorCode("FRA"), RelationType::meeting, ev("a", "Treffen.", Modality::hypothetical));
  a.add_mention(ActorCode("DEU"), ActorCode("FRA"), RelationType::meeting, ev("a", "Noch ein Treffen.", Modality::hypothetical));

  ActorGraph b = article("b", "2023-03-04", Lang::en);
  b.add_actor(ActorCode("DEU"), ActorKind::state, "Germany", 1);
  b.add_actor(ActorCode("FRA"), ActorKind::state, "France", 3);
  b.add_actor(ActorCode("RUS"), ActorKind::state, "Russia", 1);
  // Written the other way round: a symmetric type is the same edge.
  b.add_mention(ActorCode("FRA"), ActorCode("DEU"), RelationType::meeting, ev("b", "They met.", Modality::asserted));
  b.add_mention(ActorCode("FRA"), ActorCode("RUS"), RelationType::criticism, ev("b", "France criticised Russia.", Modality::asserted));

  ActorGraph c = article("c", "2022-12-01", Lang::de);
  c.add_actor(ActorCode("FRA"), ActorKind::state, "Frankreich", 1);
  c.add_actor(ActorCode("RUS"), ActorKind::state, "Russland", 1);
  c.add_mention(ActorCode("FRA"), ActorCode("RUS"), RelationType::criticism, ev("c", "Keine Kritik.", Modality::negated));
  // Directed: RUS -> FRA is another edge than FRA -> RUS.
  c.add_mention(ActorCode("RUS"), ActorCode("FRA"), RelationType::criticism, ev("c", "Moskau kritisiert Paris.", Modality::alleged));

  ActorGraph m = merge_graphs({a, b, c});
  CHECK(m.id == "merged");
  CHECK(m.articles == 3);
  CHECK(m.date.str() == "2023-03-04");
  CHECK(m.lang == Lang::unknown);
  REQUIRE(boost::num_vertices(m.store()) == 3);
  CHECK(m.node(*m.find(ActorCode("DEU"))).mentions == 3);
  CHECK(m.node(*m.find(ActorCode("DEU"))).label == "Deutschland");  // the first graph's label
  CHECK(m.node(*m.find(ActorCode("FRA"))).mentions == 5);
  REQUIRE(boost::num_edges(m.store()) == 3);

  struct Want {
    const char *s, *t;
    RelationType type;
    std::size_t weight, count;
    Modality modality;
    std::vector<std::string> articles;
  };
  const Want wants[] = {
      {"DEU", "FRA", RelationType::meeting, 2, 3, Modality::asserted, {"a", "a", "b"}},
      {"FRA", "RUS", RelationType::criticism, 2, 2, Modality::asserted, {"b", "c"}},
      {"RUS", "FRA", RelationType::criticism, 1, 1, Modality::alleged, {"c"}},
  };
  for (const auto& w : wants) {
    CAPTURE(w.s, w.t);
    auto e = m.find_edge(make_edge_key(ActorCode(w.s), ActorCode(w.t), w.type));
    REQUIRE(e);
    const RelationEdge& d = m.store()[*e];
    CHECK(d.weight == w.weight);
    CHECK(d.count == w.count);
    CHECK(d.modality == w.modality);
    std::vector<std::string> got;
    for (const auto& x : d.evidence) got.push_back(x.article);
    CHECK(got == w.articles);
  }
}

TEST_CASE("merge_graphs: merging merged graphs keeps weights, edge cases", "[graph]") {
  ActorGraph a = article("a", "2020", Lang::en);
  a.add_actor(ActorCode("USA"), ActorKind::state, "United States", 1);
  a.add_actor(ActorCode("IRN"), ActorKind::state, "Iran", 1);
  a.add_mention(ActorCode("USA"), ActorCode("IRN"), RelationType::sanctions, ev("", "Sanctions.", Modality::asserted));
  ActorGraph b = a;
  b.id = "b";
  ActorGraph ab = merge_graphs({a, b});
  ActorGraph abab = merge_graphs({ab, ab});
  auto e = abab.find_edge(make_edge_key(ActorCode("USA"), ActorCode("IRN"), RelationType::sanctions));
  REQUIRE(e);
  CHECK(abab.store()[*e].weight == 4);
  CHECK(abab.articles == 4);
  // Evidence without an article id takes its graph's id.
  CHECK(ab.store()[ab.sorted_edges().front()].evidence.front().article == "a");
  CHECK(ab.lang == Lang::en);

  ActorGraph one = merge_graphs({a});
  CHECK(one.id == "a");
  CHECK(one.articles == 1);
  ActorGraph none = merge_graphs({});
  CHECK(boost::num_vertices(none.store()) == 0);
  CHECK(none.articles == 0);
}
