// Reading graphs back: DOT written by actorgraph round-trips, plain DOT from
// other tools is accepted when it has codes and types, malformed DOT and JSON
// give one-line InputErrors, read_graph_text tells DOT from JSON.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/readers.hpp"

using namespace actorgraph;

namespace {

ActorGraph article_graph() {
  ActorGraph g;
  g.id = "round-trip";
  g.lang = Lang::en;
  g.date = *parse_date("2022-07-14");
  g.source = "Daily \"Example\"";
  g.add_actor(ActorCode("USA"), ActorKind::state, "United States", 3);
  g.add_actor(ActorCode("CHN"), ActorKind::state, "China", 2);
  g.add_actor(ActorCode("UN"), ActorKind::igo, "United Nations", 1);
  g.add_actor(ActorCode("ISIS"), ActorKind::group, "Islamic State", 1);
  g.add_actor(ActorCode("FRA"), ActorKind::state, "France", 1);  // no relation
  auto ev = [](const char* text, Modality m) { return Evidence{"round-trip", 0, Span{0, 4}, text, "r:1", m}; };
  g.add_mention(ActorCode("USA"), ActorCode("CHN"), RelationType::criticism, ev("The US criticised \\ China.", Modality::asserted));
  g.add_mention(ActorCode("USA"), ActorCode("CHN"), RelationType::criticism, ev("Again \"sharply\".", Modality::asserted));
  g.add_mention(ActorCode("CHN"), ActorCode("USA"), RelationType::meeting, ev("They met.", Modality::hypothetical));
  g.add_mention(ActorCode("UN"), ActorCode("ISIS"), RelationType::sanctions, ev("UN sanctions.", Modality::alleged));
  g.add_mention(ActorCode("USA"), ActorCode("UN"), RelationType::aid, ev("No aid.", Modality::negated));
  return g;
}

struct Summary {
  std::vector<std::string> actors, edges;
};

Summary summary(const ActorGraph& g) {
  Summary s;
  for (Vertex v : g.sorted_nodes()) {
    const ActorNode& n = g.node(v);
    s.actors.push_back(n.code.str() + "|" + std::string(to_string(n.kind)) + "|" + n.label + "|" +
                       std::to_string(n.mentions));
  }
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    EdgeKey k = g.key(e);
    s.edges.push_back(k.source.str() + ">" + k.target.str() + "|" + std::string(to_string(d.type)) + "|" +
                      std::string(to_string(d.modality)) + "|" + std::to_string(d.count) + "|" +
                      std::to_string(d.weight));
  }
  return s;
}

std::string dot_of(const ActorGraph& g, DotOptions o = {}) {
  o.include_negated = true;
  std::ostringstream out;
  write_dot(out, g, o);
  return out.str();
}

}  // namespace

TEST_CASE("DOT written by actorgraph reads back to the same actors and edges", "[export]") {
  ActorGraph g = article_graph();
  for (const char* layout : {"dot", "neato", "sfdp"}) {
    for (bool codes : {false, true}) {
      CAPTURE(layout, codes);
      DotOptions o;
      o.layout = layout;
      o.code_labels = codes;  // the label attribute then holds codes; names are lost
      ActorGraph r = read_dot_graph(dot_of(g, o), "test.dot");
      Summary a = summary(g), b = summary(r);
      CHECK(b.edges == a.edges);
      if (!codes) CHECK(b.actors == a.actors);
      CHECK(r.id == "round-trip");
      CHECK(r.lang == Lang::en);
      CHECK(r.date.str() == "2022-07-14");
      CHECK(r.source == "Daily \"Example\"");
    }
  }
  // Evidence sentences come back from the tooltips.
  ActorGraph r = read_dot_graph(dot_of(g), "test.dot");
  auto e = r.find_edge(make_edge_key(ActorCode("USA"), ActorCode("CHN"), RelationType::criticism));
  REQUIRE(e);
  const auto& ev = r.store()[*e].evidence;
  REQUIRE(ev.size() == 2);
  CHECK(ev[0].text == "The US criticised \\ China.");
  CHECK(ev[1].text == "Again \"sharply\".");
}

TEST_CASE("plain DOT from other tools", "[export]") {
  struct Case {
    const char* dot;
    std::size_t actors, edges;
  };
  const Case cases[] = {
      // Node names that are codes; no kind/label: state, label = code.
      {"digraph { DEU -> FRA [type=partnership]; RUS -> UKR [type=military_action, modality=alleged] }", 4, 2},
      // code attribute on arbitrary node names, undirected graph, labels kept.
      {"graph g { a [code=USA, label=\"USA\"]; b [code=MEX]; a -- b [type=meeting, count=4] }", 2, 1},
      // Duplicate edges add up; a legend node and plain attributes are ignored.
      {"digraph { rankdir=LR; legend [shape=plaintext, label=\"key\"]; "
       "IRN -> ISR [type=threat]; IRN -> ISR [type=threat, weight=2] }", 2, 1},
      // Subgraphs and HTML labels.
      {"digraph { subgraph cluster_x { EU [label=<<b>EU</b>>, kind=igo] } EU -> RUS [type=sanctions] }", 2, 1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.dot);
    ActorGraph g = read_graph_text(c.dot, "plain");
    CHECK(boost::num_vertices(g.store()) == c.actors);
    CHECK(boost::num_edges(g.store()) == c.edges);
    CHECK(g.id == "plain");
  }
  ActorGraph dup = read_graph_text(cases[2].dot, "plain");
  const RelationEdge& d = dup.store()[dup.sorted_edges().front()];
  CHECK(d.count == 2);
  CHECK(d.weight == 2);
  ActorGraph un = read_graph_text(cases[1].dot, "plain");
  CHECK(un.store()[un.sorted_edges().front()].count == 4);
  ActorGraph eu = read_graph_text(cases[3].dot, "plain");
  CHECK(eu.node(*eu.find(ActorCode("EU"))).kind == ActorKind::igo);
  CHECK(eu.node(*eu.find(ActorCode("EU"))).label == "EU");
}

TEST_CASE("malformed or unusable DOT is a one-line InputError", "[export]") {
  struct Case {
    const char* dot;
    const char* message;
  };
  const Case cases[] = {
      {"digraph { a -> }", "bad.dot: malformed DOT: "},
      {"digraph { DEU -> FRA [type=partnership] ", "malformed DOT"},
      {"this is not a graph", "malformed DOT"},
      {"digraph { germany -> FRA [type=partnership] }", "node 'germany' has no actor code"},
      {"digraph { DEU -> FRA }", "edge DEU -> FRA has no type"},
      {"digraph { DEU -> FRA [type=friendship]; A -> B }", "unknown type 'friendship' (and 1 more edges"},
      {"digraph { DEU -> FRA [type=meeting, modality=maybe] }", "unknown modality 'maybe'"},
      {"digraph { DEU -> FRA [type=meeting, count=-2] }", "count must be a whole number"},
      {"digraph { DEU [kind=nation] }", "unknown kind 'nation'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.dot);
    try {
      read_graph_text(c.dot, "bad.dot");
      FAIL("no error");
    } catch (const InputError& e) {
      std::string what = e.what();
      CHECK_THAT(what, Catch::Contains(c.message));
      CHECK(what.find('\n') == std::string::npos);
      CHECK(what.rfind("bad.dot", 0) == 0);
    }
  }
  // The parser recovers after an error.
  CHECK(boost::num_vertices(read_graph_text("digraph { A -> B [type=aid] }", "ok").store()) == 2);
}

TEST_CASE("read_graph_text tells JSON from DOT, read_graph_file names the file", "[export]") {
  ActorGraph g = article_graph();
  std::ostringstream json;
  write_json(json, g);
  ActorGraph from_json = read_graph_text("\n  " + json.str(), "x.json");
  CHECK(summary(from_json).edges == summary(g).edges);
  CHECK_THROWS_AS(read_graph_text("{ \"actors\": ", "x.json"), InputError);
  CHECK_THROWS_AS(read_graph_text("   \n", "empty"), InputError);

  const std::string tmp =
      (std::filesystem::temp_directory_path() / ("actorgraph-readers-" + std::to_string(::getpid()) + ".dot")).string();
  {
    std::ofstream out(tmp);
    out << dot_of(g);
  }
  ActorGraph from_file = read_graph_file(tmp);
  CHECK(summary(from_file).edges == summary(g).edges);
  std::remove(tmp.c_str());
  CHECK_THROWS_WITH(read_graph_file(tmp), Catch::StartsWith("cannot read " + tmp));
}
