// A small dated corpus of our own German and English sentences, with the diff,
// merge, similarity, timeline and signed structure computed by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <sstream>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/compare/analysis.hpp"
#include "actorgraph/compare/diff.hpp"
#include "actorgraph/compare/similarity.hpp"
#include "actorgraph/compare/timeline.hpp"
#include "actorgraph/export/readers.hpp"
#include "actorgraph/graph/merge.hpp"
#include "support.hpp"

using namespace actorgraph;

namespace {

struct Article {
  const char* id;
  Lang lang;
  const char* date;
  const char* text;
  const char* edges;  // what the extractor must find (checked first, so a failure here is an extraction change)
};

// Week 40: A, B; week 41: C, D; November (week 45): E.
const Article kCorpus[] = {
    {"A-de-w40", Lang::de, "2023-10-02", "Russland liefert Waffen an Nordkorea. Die USA verhängen Sanktionen gegen Russland.",
     "RUS>PRK arms_supply asserted; USA>RUS sanctions asserted"},
    {"B-en-w40", Lang::en, "2023-10-04", "China and Russia signed a partnership agreement. The United States imposed sanctions on Russia.",
     "CHN-RUS partnership asserted; USA>RUS sanctions asserted"},
    {"C-de-w41", Lang::de, "2023-10-10", "China und Russland vereinbaren eine Partnerschaft. Japan kritisiert Nordkorea.",
     "CHN-RUS partnership asserted; JPN>PRK criticism asserted"},
    {"D-en-w41", Lang::en, "2023-10-12", "Japan criticised North Korea. Russia allegedly supplied weapons to North Korea.",
     "JPN>PRK criticism asserted; RUS>PRK arms_supply alleged"},
    {"E-de-w45", Lang::de, "2023-11-06", "Die USA unterstützen Israel. Iran droht Israel. Die USA kritisieren Iran.",
     "IRN>ISR threat asserted; USA>IRN criticism asserted; USA>ISR support asserted"},
};

const std::vector<ActorGraph>& corpus() {
  static const std::vector<ActorGraph> graphs = [] {
    std::vector<ActorGraph> out;
    for (const auto& a : kCorpus) {
      ArticleResult r = test::run(a.text, a.lang, a.date);
      r.graph.id = a.id;
      for (EdgeId e : r.graph.sorted_edges()) {
        for (Evidence& x : r.graph.store()[e].evidence) x.article = a.id;
      }
      out.push_back(std::move(r.graph));
    }
    return out;
  }();
  return graphs;
}

const ActorGraph& article(char letter) { return corpus()[static_cast<std::size_t>(letter - 'A')]; }

std::string keys(const std::vector<EdgeKey>& ks) {
  std::string s;
  for (const auto& k : ks) {
    if (!s.empty()) s += "; ";
    s += k.source.str() + (is_directed(k.type) ? ">" : "-") + k.target.str() + " " + std::string(to_string(k.type));
  }
  return s;
}

std::string codes(const std::vector<ActorCode>& cs) {
  std::string s;
  for (const auto& c : cs) s += (s.empty() ? "" : " ") + c.str();
  return s;
}

std::string weights(const ActorGraph& g) {
  std::string s;
  for (EdgeId e : g.sorted_edges()) {
    EdgeKey k = g.key(e);
    if (!s.empty()) s += "; ";
    s += k.source.str() + (is_directed(k.type) ? ">" : "-") + k.target.str() + " " + std::string(to_string(k.type)) +
         " w" + std::to_string(g.store()[e].weight);
  }
  return s;
}

}  // namespace

TEST_CASE("compare corpus: the extractor finds the hand-annotated edges", "[compare]") {
  for (const auto& a : kCorpus) {
    CAPTURE(a.id);
    CHECK(test::edges(test::run(a.text, a.lang, a.date)) == a.edges);
  }
}

TEST_CASE("diff: A (German, week 40) against D (English, week 41)", "[compare]") {
  GraphDiff d = diff_graphs(article('A'), article('D'));
  CHECK(codes(d.actors_added) == "JPN");
  CHECK(codes(d.actors_removed) == "USA");
  CHECK(codes(d.actors_shared) == "PRK RUS");
  CHECK(keys(d.only_a) == "USA>RUS sanctions");
  CHECK(keys(d.only_b) == "JPN>PRK criticism");
  CHECK(keys(d.both) == "RUS>PRK arms_supply");
  REQUIRE(d.modality_changed.size() == 1);
  CHECK(d.modality_changed[0].a == Modality::asserted);
  CHECK(d.modality_changed[0].b == Modality::alleged);
  CHECK(d.jaccard_actors == Approx(2.0 / 4));
  CHECK(d.jaccard_edges == Approx(1.0 / 3));

  auto j = diff_to_json(d, article('A'), article('D'));
  std::vector<std::string> order;
  for (auto it = j.begin(); it != j.end(); ++it) order.push_back(it.key());
  CHECK(order == std::vector<std::string>{"only_a", "only_b", "both", "modality_changed", "actors_added",
                                          "actors_removed", "jaccard_actors", "jaccard_edges"});
  CHECK(j["only_a"][0]["type"] == "sanctions");
  CHECK(j["both"][0]["weight"] == 2);
  CHECK(j["both"][0]["modality"] == "asserted");
  // Evidence of A first, then of D, each naming its article.
  const auto& ev = j["both"][0]["evidence"];
  REQUIRE(ev.size() >= 2);
  CHECK(ev.front()["article"] == "A-de-w40");
  CHECK(ev.back()["article"] == "D-en-w41");
  CHECK(j["modality_changed"][0]["edge"]["source"] == "RUS");
  CHECK(j["modality_changed"][0]["a"] == "asserted");
  CHECK(j["modality_changed"][0]["b"] == "alleged");
  CHECK(j["actors_added"] == nlohmann::ordered_json::array({"JPN"}));

  // Identical graphs; two empty graphs are identical too.
  GraphDiff same = diff_graphs(article('C'), article('C'));
  CHECK(same.jaccard_edges == 1.0);
  CHECK(same.only_a.empty());
  CHECK(diff_graphs(ActorGraph{}, ActorGraph{}).jaccard_actors == 1.0);
}

TEST_CASE("diff DOT: colours by status, and it reads back as the union", "[compare]") {
  GraphDiff d = diff_graphs(article('A'), article('D'));
  std::ostringstream ss;
  write_diff_dot(ss, d, article('A'), article('D'), "dot");
  std::string dot = ss.str();
  CHECK(dot.find(std::string("diff=\"removed\", color=\"") + kDiffRemovedColor) != std::string::npos);
  CHECK(dot.find(std::string("diff=\"added\", color=\"") + kDiffAddedColor) != std::string::npos);
  CHECK(dot.find(std::string("diff=\"modality_changed\", color=\"") + kDiffChangedColor) != std::string::npos);
  CHECK(dot.find("asserted → alleged") != std::string::npos);
  ActorGraph back = read_dot_graph(dot, "diff.dot");
  CHECK(keys(edge_set(back)) == "JPN>PRK criticism; RUS>PRK arms_supply; USA>RUS sanctions");
  CHECK(codes(actor_set(back)) == "JPN PRK RUS USA");
}

TEST_CASE("merge: weights count articles, min support, date windows", "[compare]") {
  GraphAccumulator acc(2);  // small batches exercise the folding
  for (const auto& g : corpus()) acc.add(g);
  ActorGraph all = acc.result();
  CHECK(all.articles == 5);
  CHECK(weights(all) ==
        "CHN-RUS partnership w2; IRN>ISR threat w1; JPN>PRK criticism w2; RUS>PRK arms_supply w2; "
        "USA>IRN criticism w1; USA>ISR support w1; USA>RUS sanctions w2");
  // The same as one merge_graphs call.
  CHECK(weights(merge_graphs(corpus())) == weights(all));
  EdgeId arms = *all.find_edge(make_edge_key(ActorCode("RUS"), ActorCode("PRK"), RelationType::arms_supply));
  CHECK(all.store()[arms].modality == Modality::asserted);  // the strongest of asserted and alleged
  const auto& ev = all.store()[arms].evidence;
  REQUIRE(ev.size() >= 2);
  CHECK(ev.front().article == "A-de-w40");
  CHECK(ev.back().article == "D-en-w41");

  ActorGraph common = filter_min_support(all, 2);
  CHECK(weights(common) ==
        "CHN-RUS partnership w2; JPN>PRK criticism w2; RUS>PRK arms_supply w2; USA>RUS sanctions w2");
  CHECK(codes(actor_set(common)) == "CHN JPN PRK RUS USA");

  struct Window {
    const char* since;
    const char* until;
    const char* ids;
  };
  const Window windows[] = {
      {"2023-10-09", "", "C D E"}, {"", "2023-10", "A B C D"}, {"2023-10-04", "2023-10-10", "B C"},
      {"2023", "2023", "A B C D E"}, {"2023-11", "", "E"},     {"2024", "", ""},
  };
  for (const auto& w : windows) {
    CAPTURE(w.since, w.until);
    DateWindow win{*w.since ? parse_date(w.since) : std::nullopt, *w.until ? parse_date(w.until) : std::nullopt};
    std::string ids;
    for (const auto& g : corpus()) {
      if (win.contains(g.date)) ids += (ids.empty() ? "" : " ") + g.id.substr(0, 1);
    }
    CHECK(ids == w.ids);
  }
  CHECK_FALSE(DateWindow{parse_date("2023"), std::nullopt}.contains(Date{}));
  CHECK(DateWindow{}.contains(Date{}));
  CHECK(DateWindow{parse_date("2023-10-15"), std::nullopt}.contains(*parse_date("2023-10")));
}

TEST_CASE("similarity: the pairwise matrix computed by hand", "[compare]") {
  std::vector<GraphSignature> sigs;
  for (const auto& g : corpus()) sigs.push_back(signature_of(g));
  SimilarityReport r = similarity_report(sigs, Measure::mean, 3);
  const double third = 1.0 / 3;
  // index: A0 B1 C2 D3 E4
  struct Cell {
    int a, b;
    double value;
  };
  const Cell cells[] = {
      {0, 1, (0.5 + third) / 2}, {0, 2, (0.4 + 0) / 2},   {0, 3, (0.5 + third) / 2}, {0, 4, 0.2 / 2},
      {1, 2, (0.4 + third) / 2}, {1, 3, 0.2 / 2},         {1, 4, 0.2 / 2},           {2, 3, (0.75 + third) / 2},
      {2, 4, 0.0},               {3, 4, 0.0},
  };
  for (const auto& c : cells) {
    CAPTURE(c.a, c.b);
    CHECK(r.matrix[c.a][c.b] == Approx(c.value));
    CHECK(r.matrix[c.b][c.a] == Approx(c.value));
  }
  CHECK(r.matrix[2][2] == 1.0);
  CHECK(r.pairs == 10);
  CHECK(r.disjoint_pairs == 2);
  REQUIRE(r.most_similar.size() == 3);
  CHECK(r.ids[r.most_similar[0].a] + " " + r.ids[r.most_similar[0].b] == "C-de-w41 D-en-w41");
  CHECK(r.ids[r.most_similar[1].a] + " " + r.ids[r.most_similar[1].b] == "A-de-w40 B-en-w40");
  CHECK(r.ids[r.most_similar[2].a] + " " + r.ids[r.most_similar[2].b] == "A-de-w40 D-en-w41");
  REQUIRE(r.least_similar.size() == 3);
  CHECK(r.least_similar[0].score == Approx(0.1));
  CHECK(r.ids[r.least_similar[0].a] + " " + r.ids[r.least_similar[0].b] == "A-de-w40 E-de-w45");

  SimilarityReport by_edges = similarity_report(sigs, Measure::edges);
  CHECK(by_edges.matrix[2][3] == Approx(third));
  std::ostringstream csv;
  write_similarity_csv(csv, r);
  std::string first_lines = csv.str().substr(0, csv.str().find('\n', csv.str().find('\n') + 1));
  CHECK(first_lines ==
        "id,A-de-w40,B-en-w40,C-de-w41,D-en-w41,E-de-w45\nA-de-w40,1.0000,0.4167,0.2000,0.4167,0.1000");
  // Two graphs without edges: the edge Jaccard is undefined, the mean uses actors only.
  ActorGraph x, y;
  x.add_actor(ActorCode("DEU"), ActorKind::state, "Deutschland", 1);
  y.add_actor(ActorCode("DEU"), ActorKind::state, "Germany", 1);
  y.add_actor(ActorCode("FRA"), ActorKind::state, "France", 1);
  PairScore p = score_pair({signature_of(x), signature_of(y)}, 0, 1, Measure::mean);
  CHECK_FALSE(p.edges_defined);
  CHECK(p.score == Approx(0.5));
}

TEST_CASE("timeline: ISO weeks and months, edges appearing and disappearing", "[compare]") {
  struct Case {
    const char* date;
    Period period;
    const char* key;
  };
  const Case cases[] = {
      {"2023-10-02", Period::week, "2023-W40"}, {"2023-10-08", Period::week, "2023-W40"},
      {"2023-10-09", Period::week, "2023-W41"}, {"2021-01-03", Period::week, "2020-W53"},
      {"2024-12-30", Period::week, "2025-W01"}, {"2026-01-01", Period::week, "2026-W01"},
      {"2023-10-02", Period::month, "2023-10"}, {"2023-10", Period::month, "2023-10"},
      {"2023-10-02", Period::day, "2023-10-02"}, {"2023-10", Period::week, ""},
      {"2023", Period::month, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.date, to_string(c.period));
    CHECK(period_of(*parse_date(c.date), c.period).value_or("") == c.key);
  }
  CHECK_FALSE(period_of(Date{}, Period::month));

  TimelineBuilder weeks(Period::week);
  for (const auto& g : corpus()) CHECK(weeks.add(g));
  auto steps = weeks.build();
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].period == "2023-W40");
  CHECK(steps[0].articles == std::vector<std::string>{"A-de-w40", "B-en-w40"});
  CHECK(keys(steps[0].appeared) == "CHN-RUS partnership; RUS>PRK arms_supply; USA>RUS sanctions");
  CHECK(steps[0].disappeared.empty());
  CHECK(steps[1].period == "2023-W41");
  CHECK(keys(steps[1].appeared) == "JPN>PRK criticism");
  CHECK(keys(steps[1].disappeared) == "USA>RUS sanctions");
  CHECK(weights(steps[1].merged) == "CHN-RUS partnership w1; JPN>PRK criticism w2; RUS>PRK arms_supply w1");
  CHECK(steps[2].period == "2023-W45");
  CHECK(keys(steps[2].appeared) == "IRN>ISR threat; USA>IRN criticism; USA>ISR support");
  CHECK(keys(steps[2].disappeared) == "CHN-RUS partnership; JPN>PRK criticism; RUS>PRK arms_supply");

  TimelineBuilder months(Period::month);
  for (const auto& g : corpus()) months.add(g);
  ActorGraph undated;
  CHECK_FALSE(months.add(undated));
  auto m = months.build();
  REQUIRE(m.size() == 2);
  CHECK(m[0].merged.articles == 4);
  CHECK(m[1].disappeared.size() == 4);
  auto j = timeline_to_json(m, Period::month);
  CHECK(j["by"] == "month");
  CHECK(j["periods"][1]["appeared"].size() == 3);
  CHECK(j["periods"][0]["articles"].size() == 4);
}

TEST_CASE("analysis of the merged corpus: centrality, components, balance, blocs", "[compare]") {
  ActorGraph all = merge_graphs(corpus());
  GraphAnalysis a = analyze_graph(all);
  std::map<std::string, const ActorStats*> by;
  for (const auto& s : a.actors) by[s.code.str()] = &s;
  // RUS separates CHN, {PRK, JPN} and {USA, ISR, IRN}: 5 + 6 of the 15 pairs of the others.
  CHECK(by["RUS"]->betweenness == Approx(11.0 / 15));
  CHECK(by["USA"]->betweenness == Approx(8.0 / 15));
  CHECK(by["PRK"]->betweenness == Approx(5.0 / 15));
  CHECK(by["ISR"]->betweenness == Approx(0));
  CHECK(by["RUS"]->neighbours == 3);
  CHECK(by["RUS"]->degree_centrality == Approx(0.5));
  CHECK(by["PRK"]->in_edges == 2);
  CHECK(by["USA"]->out_edges == 3);
  CHECK(by["USA"]->weighted_degree == 4);  // sanctions w2 + support + criticism
  REQUIRE(a.components.size() == 1);
  CHECK(codes(a.components[0]) == "CHN IRN ISR JPN PRK RUS USA");
  // Signed ties: + CHN-RUS, + PRK-RUS, + ISR-USA; - RUS-USA, - JPN-PRK, - IRN-ISR, - IRN-USA.
  CHECK(a.ties.size() == 7);
  CHECK(a.triads.total() == 1);
  CHECK(a.triads.pnn == 1);  // IRN-ISR-USA: the enemy of my enemy
  CHECK(a.triads.balance() == 1.0);
  REQUIRE(a.signed_components.size() == 1);
  REQUIRE(a.signed_components[0].split_done);
  const BlocSplit& split = a.signed_components[0].split;
  CHECK(codes(split.bloc1) == "CHN IRN PRK RUS");
  CHECK(codes(split.bloc2) == "ISR JPN USA");
  CHECK(split.frustration == 0);
  CHECK(split.total_weight == 11);
  CHECK(split.exact);
  auto j = analysis_to_json(a);
  CHECK(j["blocs"][0]["fit"] == 1.0);
  CHECK(j["triads"]["+--"] == 1);
}

TEST_CASE("blocs: hand-made signed graphs, exact and local search agree", "[compare]") {
  auto tie = [](const char* x, const char* y, long net) {
    SignedTie t;
    t.a = ActorCode(x);
    t.b = ActorCode(y);
    t.net = net;
    return t;
  };
  // An unbalanced triangle (all negative): one tie must be frustrated.
  std::vector<ActorCode> abc{ActorCode("A"), ActorCode("B"), ActorCode("C")};
  BlocSplit s = best_split(abc, {tie("A", "B", -1), tie("A", "C", -1), tie("B", "C", -2)});
  CHECK(s.frustration == 1);
  CHECK(s.frustrated_ties == 1);
  // B with C costs 2, A with B or A with C costs 1; the first found keeps A with C.
  CHECK(codes(s.bloc1) == "A C");
  // Two disconnected groups: each is oriented with its first actor in bloc 1.
  std::vector<ActorCode> four{ActorCode("A"), ActorCode("B"), ActorCode("C"), ActorCode("D"), ActorCode("E")};
  BlocSplit g = best_split(four, {tie("A", "B", -1), tie("C", "D", -1)});
  CHECK(codes(g.bloc1) == "A C");
  CHECK(codes(g.bloc2) == "B D");
  CHECK(codes(g.unaligned) == "E");
  // Random signed graphs of 12 actors: the local search finds the exact optimum.
  std::uint32_t seed = 7;
  auto rnd = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int round = 0; round < 20; ++round) {
    std::vector<ActorCode> actors;
    for (int i = 0; i < 12; ++i) actors.emplace_back("X" + std::to_string(10 + i));
    std::vector<SignedTie> ties;
    for (int i = 0; i < 12; ++i) {
      for (int k = i + 1; k < 12; ++k) {
        if (rnd() % 3 == 0) ties.push_back(tie(actors[i].str().c_str(), actors[k].str().c_str(), rnd() % 2 ? 1 : -2));
      }
    }
    AnalysisOptions exact, local;
    local.exact_limit = 0;
    BlocSplit e = best_split(actors, ties, exact), l = best_split(actors, ties, local);
    CAPTURE(round);
    CHECK(e.exact);
    CHECK_FALSE(l.exact);
    CHECK(l.frustration == e.frustration);
  }
}
