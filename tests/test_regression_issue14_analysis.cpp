// Regression, issue 14 (item 10): analysis with its caveats. analyze used to fit
// two blocs over disconnected components ("fit 0.948" over 64 components) and to
// print "balance 1.000" without a single triad; compare ranked pairs of edgeless
// graphs "most similar 1.000"; a timeline listed edges said only as negated as
// "appeared"; compare -o matrix.csv wrote hundreds of megabytes without a word.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "actorgraph/compare/analysis.hpp"
#include "actorgraph/compare/similarity.hpp"
#include "actorgraph/compare/timeline.hpp"
#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;
using actorgraph::test::Ran;
using actorgraph::test::slurp;
using actorgraph::test::spit;
using nlohmann::json;

namespace {

ActorGraph graph_of(const std::string& id, const char* date,
                    const std::vector<std::tuple<const char*, const char*, RelationType, Modality>>& edges) {
  ActorGraph g;
  g.id = id;
  g.date = *parse_date(date);
  for (const auto& [s, t, type, m] : edges) {
    g.add_actor(ActorCode(s), ActorKind::state, s, 1);
    g.add_actor(ActorCode(t), ActorKind::state, t, 1);
    g.add_mention(ActorCode(s), ActorCode(t), type, Evidence{id, 0, Span{0, 1}, "x", "r:1", m});
  }
  return g;
}

constexpr auto A = Modality::asserted;
constexpr auto N = Modality::negated;

}  // namespace

TEST_CASE("issue 14.10: blocs per component, only with enough ties, no balance without triads", "[compare]") {
  // Two components: a balanced triangle plus one more tie (four ties), and a lone pair.
  ActorGraph g = graph_of("g", "2020-01-01",
                          {{"AAA", "BBB", RelationType::partnership, A},
                           {"BBB", "CCC", RelationType::criticism, A},
                           {"AAA", "CCC", RelationType::sanctions, A},
                           {"CCC", "DDD", RelationType::support, A},
                           {"XXX", "YYY", RelationType::threat, A}});
  GraphAnalysis a = analyze_graph(g);
  REQUIRE(a.components.size() == 2);
  REQUIRE(a.signed_components.size() == 2);
  CHECK(a.signed_components[0].ties == 4);
  CHECK(a.signed_components[0].split_done);
  CHECK(a.signed_components[0].triads.total() == 1);
  CHECK(a.signed_components[1].ties == 1);
  CHECK_FALSE(a.signed_components[1].split_done);
  // The lone pair never enters a bloc: no bloc holds both components' actors.
  const BlocSplit& s = a.signed_components[0].split;
  for (const auto& c : s.bloc1) CHECK((c.str() != "XXX" && c.str() != "YYY"));
  for (const auto& c : s.bloc2) CHECK((c.str() != "XXX" && c.str() != "YYY"));
  AnalysisContext ctx;
  ctx.articles = 2;
  ctx.first = *parse_date("2004-05");
  ctx.last = *parse_date("2021-02-03");
  auto caveats = analysis_caveats(a, ctx);
  auto has = [&](const char* words) {
    for (const auto& c : caveats) {
      if (c.find(words) != std::string::npos) return true;
    }
    return false;
  };
  CHECK(has("2 separate components"));
  CHECK(has("fewer than 3 signed ties"));
  CHECK(has("2004-05 to 2021-02-03"));
  json j = analysis_to_json(a, caveats);
  CHECK(j["blocs"].size() == 1);
  CHECK(j["components_not_split"] == 1);
  CHECK(j["caveats"].size() == caveats.size());

  // No triangle at all: balance is not 1.000 but undefined.
  ActorGraph pair = graph_of("p", "2020-01-01", {{"XXX", "YYY", RelationType::threat, A}});
  GraphAnalysis b = analyze_graph(pair);
  CHECK_FALSE(b.triads.defined());
  CHECK(analysis_to_json(b)["triads"]["balance"].is_null());
  CHECK(b.signed_components.size() == 1);
  CHECK_FALSE(b.signed_components[0].split_done);
  std::ostringstream text;
  auto bc = analysis_caveats(b, {});
  write_analysis_text(text, b, pair, 15, bc);
  CHECK(text.str().find("balance 1.000") == std::string::npos);
  CHECK(text.str().find("balance n/a") != std::string::npos);
  CHECK(text.str().find("note: no triangle of signed ties") != std::string::npos);
}

TEST_CASE("issue 14.10: compare does not rank pairs of edgeless graphs", "[compare]") {
  std::vector<GraphSignature> sigs;
  ActorGraph e1, e2;
  e1.id = "e1";
  e2.id = "e2";
  for (ActorGraph* g : {&e1, &e2}) {
    g->add_actor(ActorCode("DEU"), ActorKind::state, "Deutschland", 1);
    g->add_actor(ActorCode("FRA"), ActorKind::state, "Frankreich", 1);
  }
  ActorGraph r1 = graph_of("r1", "2023-01-01", {{"DEU", "FRA", RelationType::meeting, A}});
  ActorGraph r2 = graph_of("r2", "2023-01-02", {{"DEU", "FRA", RelationType::meeting, A},
                                                {"FRA", "RUS", RelationType::criticism, A}});
  for (const ActorGraph* g : {&e1, &e2, &r1, &r2}) sigs.push_back(signature_of(*g));
  SimilarityReport r = similarity_report(sigs, Measure::mean, 10);
  CHECK(r.edgeless_pairs == 1);
  for (const auto* list : {&r.most_similar, &r.least_similar}) {
    for (const auto& p : *list) CHECK_FALSE((r.ids[p.a] == "e1" && r.ids[p.b] == "e2"));
  }
  REQUIRE_FALSE(r.most_similar.empty());
  CHECK(r.ids[r.most_similar[0].a] == "r1");
  CHECK(r.ids[r.most_similar[0].b] == "r2");
  CHECK(similarity_to_json(r)["edgeless_pairs"] == 1);
  // The summary needs no matrix.
  CHECK(similarity_report(sigs, Measure::mean, 10, false).matrix.empty());
}

TEST_CASE("issue 14.10: a timeline leaves out edges said only as negated and names article dates", "[compare]") {
  TimelineBuilder months(Period::month);
  months.add(graph_of("a", "2023-01-05", {{"DEU", "FRA", RelationType::meeting, A}}));
  months.add(graph_of("b", "2023-02-05", {{"DEU", "FRA", RelationType::meeting, A},
                                          {"RUS", "USA", RelationType::meeting, N}}));
  auto steps = months.build();
  REQUIRE(steps.size() == 2);
  CHECK(steps[1].appeared.empty());
  CHECK(steps[1].disappeared.empty());
  std::ostringstream text;
  write_timeline_text(text, steps, Period::month);
  CHECK(text.str().find("by the articles' dates") != std::string::npos);
  CHECK(timeline_to_json(steps, Period::month)["dates"] == "article");
}

TEST_CASE("issue 14.10: the CLI: caveats, negated-only edges, and a bounded matrix", "[compare][cli]") {
  test::Scratch s("i14", "analysis");
  fs::create_directories(s.dir / "a");
  spit(s.dir / "a" / "de-1.txt", "date 2004-03-01\nRussland liefert Waffen an Nordkorea.\n");
  spit(s.dir / "a" / "en-2.txt", "date 2021-06-01\nJapan criticised China.\n");
  spit(s.dir / "a" / "en-3.txt", "date 2021-07-01\nThe United States did not meet Iran.\n");
  Ran text = s.run("analyze a");
  REQUIRE(text.code == 0);
  CHECK(text.out.find("balance 1.000") == std::string::npos);
  CHECK(text.out.find("note: the signed ties fall into 2 separate components") != std::string::npos);
  CHECK(text.out.find("note: the articles span 2004-03-01 to 2021-07-01") != std::string::npos);
  Ran js = s.run("analyze a --format json");
  REQUIRE(js.code == 0);
  CHECK(json::parse(js.out)["triads"]["balance"].is_null());

  Ran timeline = s.run("compare a --by-date month --format json");
  REQUIRE(timeline.code == 0);
  json t = json::parse(timeline.out);
  CHECK(t["dates"] == "article");
  for (const auto& p : t["periods"]) {
    for (const auto& e : p["appeared"]) CHECK(e["type"] != "meeting");
  }

  Ran bounded = s.run("compare a --max-matrix 2 -o matrix.csv");
  CHECK(bounded.code == 2);
  CHECK(bounded.err.find("--max-matrix 3") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "matrix.csv"));
  CHECK(s.run("compare a --max-matrix 3 -o matrix.csv").code == 0);
  CHECK(s.run("compare a --max-matrix 2").code == 0);  // the text summary has no matrix
}
