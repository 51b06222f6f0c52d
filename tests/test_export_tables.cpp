// Exports for other tools: GraphML read back with Boost's GraphML reader,
// CSV round trip (RFC 4180), event lines as JSON.
#include <catch2/catch.hpp>

#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "actorgraph/export/escape.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/export/report.hpp"
#include "actorgraph/export/tables.hpp"

using namespace actorgraph;

namespace {

// Evidence with the characters that break naive CSV/XML writers.
ActorGraph tricky_graph() {
  ActorGraph g;
  g.id = "tricky";
  g.lang = Lang::en;
  g.date = *parse_date("2023-11-05");
  g.source = "Example Post";
  g.add_actor(ActorCode("USA"), ActorKind::state, "United States", 2);
  g.add_actor(ActorCode("IRN"), ActorKind::state, "Iran", 1);
  g.add_actor(ActorCode("JPN"), ActorKind::state, "Japan", 1);
  g.add_actor(ActorCode("KOR"), ActorKind::state, "Südkorea", 1);
  g.add_actor(ActorCode("EU"), ActorKind::igo, "EU <Brussels> & co", 1);
  g.add_mention(ActorCode("USA"), ActorCode("IRN"), RelationType::sanctions,
                Evidence{"tricky", 0, Span{17, 24}, "The US \"imposed\" sanctions, officials said.", "en.tsv:3", Modality::asserted});
  g.add_mention(ActorCode("USA"), ActorCode("IRN"), RelationType::sanctions,
                Evidence{"tricky", 2, Span{90, 99}, "More sanctions\r\nfollowed.", "en.tsv:3", Modality::alleged});
  g.add_mention(ActorCode("KOR"), ActorCode("JPN"), RelationType::meeting,
                Evidence{"tricky", 1, Span{40, 44}, "Seoul & Tokyo <met>; 'talks'", "en.tsv:9", Modality::asserted});
  g.add_mention(ActorCode("EU"), ActorCode("IRN"), RelationType::aid,
                Evidence{"tricky", 3, Span{120, 124}, "The EU did not send aid.", "en.tsv:12", Modality::negated});
  return g;
}

struct GNode {
  std::string id, label, kind;
  int mentions = 0;
};
struct GEdge {
  std::string type, modality, evidence, cameo, directed;
  int count = 0, weight = 0;
};
using GraphmlGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, GNode, GEdge>;

}  // namespace

TEST_CASE("GraphML is read back by Boost's GraphML reader with every attribute", "[export]") {
  ActorGraph g = tricky_graph();
  std::string xml = export_graph(g, "graphml");
  // Boost 1.74's reader takes booleans only as 0/1, not XML Schema's true/false
  // (which NetworkX, igraph and Gephi read): read the one boolean key as a string.
  const std::string boolean = "attr.name=\"directed\" attr.type=\"boolean\"";
  REQUIRE(xml.find(boolean) != std::string::npos);
  for (auto at = xml.find(boolean); at != std::string::npos; at = xml.find(boolean)) {
    xml.replace(at, boolean.size(), "attr.name=\"directed\" attr.type=\"string\"");
  }
  GraphmlGraph r;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("label", boost::get(&GNode::label, r));
  dp.property("kind", boost::get(&GNode::kind, r));
  dp.property("mentions", boost::get(&GNode::mentions, r));
  dp.property("type", boost::get(&GEdge::type, r));
  dp.property("modality", boost::get(&GEdge::modality, r));
  dp.property("evidence", boost::get(&GEdge::evidence, r));
  dp.property("cameo", boost::get(&GEdge::cameo, r));
  dp.property("directed", boost::get(&GEdge::directed, r));
  dp.property("count", boost::get(&GEdge::count, r));
  dp.property("weight", boost::get(&GEdge::weight, r));
  std::istringstream in(xml);
  REQUIRE_NOTHROW(boost::read_graphml(in, r, dp));
  REQUIRE(boost::num_vertices(r) == 5);
  REQUIRE(boost::num_edges(r) == 3);
  std::map<std::string, GNode> nodes;
  for (auto [it, end] = boost::vertices(r); it != end; ++it) nodes[r[*it].label] = r[*it];
  CHECK(nodes.count("EU <Brussels> & co") == 1);
  CHECK(nodes["Südkorea"].kind == "state");
  CHECK(nodes["United States"].mentions == 2);
  std::map<std::string, GEdge> edges;
  for (auto [it, end] = boost::edges(r); it != end; ++it) {
    edges[r[boost::source(*it, r)].label + ">" + r[boost::target(*it, r)].label + ":" + r[*it].type] = r[*it];
  }
  const GEdge& s = edges["United States>Iran:sanctions"];
  CHECK(s.count == 2);
  CHECK(s.weight == 1);
  CHECK(s.modality == "asserted");
  CHECK(s.directed == "true");
  CHECK(s.cameo == "16,172");
  CHECK(s.evidence.find("The US \"imposed\" sanctions") != std::string::npos);
  const GEdge& m = edges["Japan>Südkorea:meeting"];
  CHECK(m.evidence == "Seoul & Tokyo <met>; 'talks'");
  CHECK(m.directed == "false");
  CHECK(edges["EU <Brussels> & co>Iran:aid"].modality == "negated");
}

TEST_CASE("GraphML declares its keys and does not mix edge directedness", "[export]") {
  // Boost's reader takes booleans only as 0/1, so "directed" (true/false, as
  // XML Schema, NetworkX, igraph and Gephi read it) is checked here.
  std::string xml = export_graph(tricky_graph(), "graphml");
  CHECK(xml.find("<data key=\"e_directed\">false</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"e_directed\">true</data>") != std::string::npos);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"weight\" attr.type=\"int\"") != std::string::npos);
  // NetworkX rejects directed="false" edges in a directed graph.
  CHECK(xml.find(" directed=\"") == std::string::npos);
}

TEST_CASE("CSV round trip: header, RFC 4180 quoting, one row per edge", "[export]") {
  ActorGraph g = tricky_graph();
  std::string csv = export_graph(g, "csv");
  auto rows = parse_csv(csv, "test.csv");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"source", "target", "type", "directed", "modality", "count", "first evidence"});
  for (const auto& row : rows) CHECK(row.size() == 7);
  // Rows follow the edge keys; compare each with the graph.
  std::size_t i = 1;
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    EdgeKey k = g.key(e);
    CAPTURE(i);
    CHECK(rows[i][0] == k.source.str());
    CHECK(rows[i][1] == k.target.str());
    CHECK(rows[i][2] == to_string(d.type));
    CHECK(rows[i][3] == (is_directed(d.type) ? "true" : "false"));
    CHECK(rows[i][4] == to_string(d.modality));
    CHECK(rows[i][5] == std::to_string(d.count));
    CHECK(rows[i][6] == d.evidence.front().text);
    ++i;
  }
  CHECK(csv.find("\"The US \"\"imposed\"\" sanctions, officials said.\"") != std::string::npos);
}

TEST_CASE("CSV fields and malformed CSV", "[export]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {{"plain", "plain"}, {"a,b", "\"a,b\""}, {"say \"hi\"", "\"say \"\"hi\"\"\""},
                        {"two\nlines", "\"two\nlines\""}, {"", ""}, {"Ägypten", "Ägypten"}};
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(csv_field(c.in) == c.out);
    auto rows = parse_csv(csv_field(c.in) + ",x\r\n", "t");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0] == std::vector<std::string>{c.in, "x"});
  }
  CHECK_THROWS_AS(parse_csv("a,\"open\n", "bad.csv"), InputError);
  CHECK_THROWS_AS(parse_csv("a,b\"c\n", "bad.csv"), InputError);
  CHECK_THROWS_WITH(parse_csv("x\n\"y\"z\n", "bad.csv"), Catch::Contains("bad.csv:2"));
}

TEST_CASE("events: one JSON object per relation mention", "[export]") {
  ActorGraph g = tricky_graph();
  std::string text = export_graph(g, "events");
  std::istringstream in(text);
  std::string line;
  std::vector<nlohmann::json> events;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    events.push_back(j);
  }
  REQUIRE(events.size() == 4);  // one per Evidence entry, negated included
  for (const auto& e : events) {
    for (const char* key : {"article", "date", "publisher", "source", "target", "type", "modality", "cameo", "plover",
                            "sentence", "begin", "end", "text", "rule"}) {
      CAPTURE(key);
      CHECK(e.contains(key));
    }
    CHECK(e["date"] == "2023-11-05");
    CHECK(e["article"] == "tricky");
  }
  std::size_t alleged = 0;
  for (const auto& e : events) {
    if (e["type"] == "sanctions" && e["modality"] == "alleged") {
      ++alleged;
      CHECK(e["begin"] == 90);
      CHECK(e["end"] == 99);
      CHECK(e["text"] == "More sanctions\r\nfollowed.");
      CHECK(e["plover"] == "SANCTION");
    }
  }
  CHECK(alleged == 1);
  CHECK(format_extension("events") == ".jsonl");
}

TEST_CASE("events: the lines are written directly, byte for byte as an nlohmann dump would", "[export]") {
  // Quotes, backslashes, control characters, DEL, umlauts and invalid UTF-8 in every string field.
  const char* texts[] = {"plain", "say \"no\" \\ back\\slash", "tab\there\r\nnew\x01\x1f", "S\xc3\xbc" "dkorea\x7f",
                         "bad \xff\xfe utf-8 \xc3", "surrogate \xed\xa0\x80", "overlong \xc0\xaf", ""};
  for (const char* text : texts) {
    INFO(text);
    ActorGraph g;
    g.id = text;
    g.date = *parse_date("2023-11-05");
    g.source = text;
    g.add_actor(ActorCode("USA"), ActorKind::state, text, 1);
    g.add_actor(ActorCode("IRN"), ActorKind::state, "Iran", 1);
    g.add_mention(ActorCode("USA"), ActorCode("IRN"), RelationType::sanctions,
                  Evidence{"", 3, Span{17, 24}, text, text, Modality::alleged});
    nlohmann::ordered_json j;
    j["article"] = g.id;
    j["date"] = g.date.str();
    if (!g.source.empty()) j["publisher"] = g.source;
    j["source"] = "USA";
    j["source_name"] = text;
    j["target"] = "IRN";
    j["target_name"] = "Iran";
    j["type"] = std::string(to_string(RelationType::sanctions));
    j["directed"] = is_directed(RelationType::sanctions);
    j["modality"] = "alleged";
    j["cameo"] = std::string(cameo_roots(RelationType::sanctions));
    j["plover"] = std::string(plover_category(RelationType::sanctions));
    j["sentence"] = 3;
    j["begin"] = 17;
    j["end"] = 24;
    j["text"] = text;
    j["rule"] = text;
    j["generator"] = version_text();
    CHECK(export_graph(g, "events") == j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
}

TEST_CASE("markup_escape: one escaper for the report (HTML), Graphviz labels and GraphML", "[export]") {
  struct Case {
    const char* in;
    const char* html;
    const char* label;
    const char* xml;
  };
  const Case cases[] = {
      {"Frankreich & \"Polen\" <EU>", "Frankreich &amp; &quot;Polen&quot; &lt;EU&gt;",
       "Frankreich &amp; &quot;Polen&quot; &lt;EU&gt;", "Frankreich &amp; &quot;Polen&quot; &lt;EU&gt;"},
      {"Russia's army", "Russia&#39;s army", "Russia's army", "Russia's army"},
      {"Zeile\r\nzwei\tdrei\x01", "Zeile\r\nzwei\tdrei\x01", "Zeile  zwei drei ", "Zeile&#13;\nzwei\tdrei "},
      {"Südkorea\x7f", "Südkorea\x7f", "Südkorea ", "Südkorea\x7f"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(markup_escape(c.in, Markup::html) == c.html);
    CHECK(html_escape(c.in) == c.html);
    CHECK(markup_escape(c.in, Markup::graphviz_label) == c.label);
    CHECK(markup_escape(c.in, Markup::xml) == c.xml);
  }
}
