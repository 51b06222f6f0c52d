// The real binary: diff, merge, compare and analyze on a small corpus of our own sentences.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

using actorgraph::test::Ran;
using actorgraph::test::slurp;
using actorgraph::test::spit;
namespace test = actorgraph::test;

namespace {

struct Scratch : test::Scratch {
  explicit Scratch(const std::string& name) : test::Scratch("cmp", name) {}
};

// The corpus of test_compare_corpus.cpp as article files with a date line.
void write_corpus(const fs::path& dir) {
  fs::create_directories(dir);
  spit(dir / "A-de-w40.txt", "date 2023-10-02\nRussland liefert Waffen an Nordkorea. Die USA verhängen Sanktionen gegen Russland.\n");
  spit(dir / "B-en-w40.txt", "date 2023-10-04\nChina and Russia signed a partnership agreement. The United States imposed sanctions on Russia.\n");
  spit(dir / "C-de-w41.txt", "date 2023-10-10\nChina und Russland vereinbaren eine Partnerschaft. Japan kritisiert Nordkorea.\n");
  spit(dir / "D-en-w41.txt", "date 2023-10-12\nJapan criticised North Korea. Russia allegedly supplied weapons to North Korea.\n");
  spit(dir / "E-de-w45.txt", "date 2023-11-06\nDie USA unterstützen Israel. Iran droht Israel. Die USA kritisieren Iran.\n");
}

std::string edge_weights(const json& g) {
  std::string s;
  for (const auto& e : g["edges"]) {
    s += (s.empty() ? "" : "; ") + e["source"].get<std::string>() + ">" + e["target"].get<std::string>() + " " +
         e["type"].get<std::string>() + " w" + std::to_string(e["weight"].get<int>());
  }
  return s;
}

}  // namespace

TEST_CASE("merge: articles, graph files and JSONL streams give the same weighted union", "[compare][cli]") {
  Scratch s("merge");
  write_corpus(s.dir / "articles");
  REQUIRE(s.run("extract articles -o graphs/ --format json").code == 0);
  REQUIRE(s.run("extract articles -o dots/ --format dot").code == 0);
  const char* all =
      "CHN>RUS partnership w2; IRN>ISR threat w1; JPN>PRK criticism w2; RUS>PRK arms_supply w2; USA>IRN criticism w1; "
      "USA>ISR support w1; USA>RUS sanctions w2";
  struct Case {
    const char* args;
    const char* edges;
  };
  const Case cases[] = {
      {"merge graphs -o merged.json", all},
      {"merge dots -f json -o merged.json", all},
      {"merge articles -o merged.json --jobs 3", all},
      {"merge graphs/A-de-w40.json articles/B-en-w40.txt dots/C-de-w41.dot graphs/D-en-w41.json graphs/E-de-w45.json "
       "-o merged.json",
       all},
      {"merge graphs --min-support 2 -o merged.json",
       "CHN>RUS partnership w2; JPN>PRK criticism w2; RUS>PRK arms_supply w2; USA>RUS sanctions w2"},
      {"merge graphs --since 2023-10-09 --until 2023-10 -o merged.json",
       "CHN>RUS partnership w1; JPN>PRK criticism w2; RUS>PRK arms_supply w1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    Ran r = s.run(c.args);
    CHECK(r.code == 0);
    json g = json::parse(slurp(s.dir / "merged.json"));
    CHECK(edge_weights(g) == c.edges);
    fs::remove(s.dir / "merged.json");
  }
  // A pipe: extract's JSONL stream as merge's input.
  Ran piped = s.run("extract articles --format json | AG merge - -f json -q");
  CHECK(piped.code == 0);
  CHECK(edge_weights(json::parse(piped.out)) == all);
  CHECK(json::parse(piped.out)["articles"] == 5);
  // DOT output carries the weight attribute; the summary line names what was left out.
  Ran dot = s.run("merge graphs --since 2023-11 -o merged.dot");
  CHECK(slurp(s.dir / "merged.dot").find("weight=1") != std::string::npos);
  CHECK(dot.err.find("merged 1 graphs") != std::string::npos);
  CHECK(dot.err.find("left out 4 outside the date window") != std::string::npos);
  // A broken graph among good ones: reported, skipped, exit 3; usage errors exit 2.
  spit(s.dir / "graphs" / "broken.json", "{\"actors\": [");
  Ran partial = s.run("merge graphs -o merged.json");
  CHECK(partial.code == 3);
  CHECK(partial.err.find("broken.json") != std::string::npos);
  CHECK(s.run("merge graphs --since 2023-13").code == 2);
  CHECK(s.run("merge graphs --since 2023-11 --until 2023-10").code == 2);
  CHECK(s.run("merge nowhere/").code == 1);
}

TEST_CASE("diff: text, the JSON shape of the issue, DOT and SVG", "[compare][cli]") {
  Scratch s("diff");
  write_corpus(s.dir);
  REQUIRE(s.run("extract A-de-w40.txt -o A.json").code == 0);
  REQUIRE(s.run("extract D-en-w41.txt -o D.dot").code == 0);
  Ran j = s.run("diff A.json D.dot --format json");
  REQUIRE(j.code == 0);
  json d = json::parse(j.out);
  CHECK(d["only_a"].size() == 1);
  CHECK(d["only_a"][0]["type"] == "sanctions");
  CHECK(d["only_b"][0]["type"] == "criticism");
  CHECK(d["both"][0]["type"] == "arms_supply");
  CHECK(d["modality_changed"][0]["b"] == "alleged");
  CHECK(d["actors_added"] == json::array({"JPN"}));
  CHECK(d["actors_removed"] == json::array({"USA"}));
  CHECK(d["jaccard_actors"].get<double>() == Approx(0.5));
  CHECK(d["jaccard_edges"].get<double>() == Approx(1.0 / 3));
  // The same from the articles themselves, as text.
  Ran t = s.run("diff A-de-w40.txt D-en-w41.txt");
  CHECK(t.code == 0);
  CHECK(t.out.find("jaccard actors: 0.500   jaccard edges: 0.333") != std::string::npos);
  CHECK(t.out.find("RUS -> PRK arms_supply: asserted -> alleged") != std::string::npos);
  // Directories are merged per side: week 40 against week 41.
  fs::create_directories(s.dir / "w40");
  fs::create_directories(s.dir / "w41");
  fs::copy(s.dir / "A-de-w40.txt", s.dir / "w40");
  fs::copy(s.dir / "B-en-w40.txt", s.dir / "w40");
  fs::copy(s.dir / "C-de-w41.txt", s.dir / "w41");
  fs::copy(s.dir / "D-en-w41.txt", s.dir / "w41");
  json weeks = json::parse(s.run("diff w40 w41 -f json").out);
  CHECK(weeks["only_a"].size() == 1);  // USA -> RUS sanctions
  CHECK(weeks["only_b"].size() == 1);  // JPN -> PRK criticism
  CHECK(weeks["both"].size() == 2);    // partnership, arms supply
  Ran dot = s.run("diff A.json D.dot -o diff.dot");
  CHECK(dot.code == 0);
  CHECK(slurp(s.dir / "diff.dot").find("diff=\"added\"") != std::string::npos);
  Ran svg = s.run("diff A.json D.dot -o diff.svg");
  CHECK(svg.code == 0);
  CHECK(slurp(s.dir / "diff.svg").find("<svg") != std::string::npos);
  CHECK(s.run("diff A.json").code == 2);
  CHECK(s.run("diff A.json D.dot --format png").code == 2);
  CHECK(s.run("diff A.json missing.json").code == 1);
}

TEST_CASE("compare: matrix, most similar pairs, weekly timeline with graphs", "[compare][cli]") {
  Scratch s("compare");
  write_corpus(s.dir / "articles");
  REQUIRE(s.run("extract articles -o graphs/ --format json").code == 0);
  Ran csv = s.run("compare graphs -o matrix.csv");
  CHECK(csv.code == 0);
  std::string m = slurp(s.dir / "matrix.csv");
  CHECK(m.rfind("id,A-de-w40,B-en-w40,C-de-w41,D-en-w41,E-de-w45\nA-de-w40,1.0000,0.4167,0.2000,0.4167,0.1000\n", 0) == 0);
  json j = json::parse(s.run("compare graphs --format json --top 2").out);
  CHECK(j["pairs"] == 10);
  CHECK(j["disjoint_pairs"] == 2);
  CHECK(j["most_similar"][0]["a"] == "C-de-w41");
  CHECK(j["most_similar"][0]["b"] == "D-en-w41");
  CHECK(j["most_similar"][0]["similarity"].get<double>() == Approx((0.75 + 1.0 / 3) / 2));
  CHECK(j["least_similar"].size() == 2);
  Ran text = s.run("compare graphs");
  CHECK(text.out.find("5 graphs, 10 pairs (2 share no actor, 0 have no edge on either side") != std::string::npos);

  Ran tl = s.run("compare articles --by-date week --format json --graphs weeks --graph-format dot");
  CHECK(tl.code == 0);
  json t = json::parse(tl.out);
  REQUIRE(t["periods"].size() == 3);
  CHECK(t["periods"][1]["period"] == "2023-W41");
  CHECK(t["periods"][1]["appeared"][0]["type"] == "criticism");
  CHECK(t["periods"][1]["disappeared"][0]["type"] == "sanctions");
  CHECK(fs::exists(s.dir / "weeks" / "2023-W40.dot"));
  CHECK(fs::exists(s.dir / "weeks" / "2023-W45.dot"));
  Ran month = s.run("compare graphs --by-date month");
  CHECK(month.out.find("2023-11: 1 article, 3 actors, 3 edges") != std::string::npos);
  // Undated graphs are left out of a timeline with a note.
  spit(s.dir / "articles" / "F-undated.txt", "Iran threatened Israel.");
  Ran undated = s.run("compare articles --by-date month");
  CHECK(undated.code == 0);
  CHECK(undated.err.find("1 of 6 graphs left out") != std::string::npos);
  CHECK(s.run("compare graphs --by-date year").code == 2);
  CHECK(s.run("compare graphs --measure cosine").code == 2);
  CHECK(s.run("compare graphs/A-de-w40.json").code == 1);  // one graph: nothing to compare
}

TEST_CASE("analyze: centrality, balance and blocs of the merged corpus", "[compare][cli]") {
  Scratch s("analyze");
  write_corpus(s.dir / "articles");
  Ran r = s.run("analyze articles --format json");
  REQUIRE(r.code == 0);
  json a = json::parse(r.out);
  CHECK(a["graph"]["articles"] == 5);
  CHECK(a["blocs"][0]["bloc1"] == json::array({"CHN", "IRN", "PRK", "RUS"}));
  CHECK(a["blocs"][0]["bloc2"] == json::array({"ISR", "JPN", "USA"}));
  CHECK(a["blocs"][0]["search"] == "exact");
  CHECK(a["triads"]["balance"] == 1.0);
  for (const auto& x : a["actors"]) {
    if (x["code"] == "RUS") CHECK(x["betweenness"].get<double>() == Approx(11.0 / 15));
  }
  Ran text = s.run("analyze articles --exact-limit 0");
  CHECK(text.out.find("component 1 (7 actors, 7 signed ties, local search): frustration 0 of 11, fit 1.000") !=
        std::string::npos);
  CHECK(text.out.find("bloc 1: CHN IRN PRK RUS") != std::string::npos);
}
