// Regression, issue 16 (bad data never becomes a plausible answer): JSON graphs
// reject what the DOT reader rejects; DOT and pictures beyond the bounds of
// Graphviz's super-linear parser and layouts are refused; an unclosed <script> in
// prose keeps the rest of the article; two concurrent db add on one new store both
// store everything; the same merged graph gives the same PDF bytes in every run.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/readers.hpp"
#include "actorgraph/export/render.hpp"
#include "actorgraph/text/document.hpp"
#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

// The message of the InputError that reading text as a graph throws, "" when none.
std::string read_error(const std::string& text) {
  try {
    read_graph_text(text, "g");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("issue 16: JSON graphs reject an unknown modality, kind or count, as DOT does", "[export]") {
  struct Case {
    std::string json, dot, error;  // the same edge or actor in both formats; the error both give
  };
  const std::string head = R"({"id": "g", "actors": [{"code": "FRA"}, {"code": "DEU"}], "edges": [{"source": "FRA", "target": "DEU", "type": "aid")";
  const Case cases[] = {
      {head + R"(, "modality": "Negated"}]})", R"(digraph { FRA -> DEU [type=aid, modality=Negated]; })",
       "edge FRA -> DEU: unknown modality 'Negated'"},
      {head + R"(, "count": -1}]})", R"(digraph { FRA -> DEU [type=aid, count="-1"]; })",
       "edge FRA -> DEU: count must be a whole number"},
      {head + R"(, "count": 2.5}]})", R"(digraph { FRA -> DEU [type=aid, count="2.5"]; })",
       "edge FRA -> DEU: count must be a whole number"},
      {head + R"(, "weight": "x"}]})", R"(digraph { FRA -> DEU [type=aid, weight=x]; })",
       "edge FRA -> DEU: weight must be a whole number"},
      {R"({"id": "g", "actors": [{"code": "FRA", "kind": "planet"}], "edges": []})", R"(digraph { FRA [kind=planet]; })",
       "unknown kind 'planet'"},
      {R"({"id": "g", "actors": [{"code": "FRA", "mentions": -3}], "edges": []})", R"(digraph { FRA [mentions="-3"]; })",
       "mentions must be a whole number"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json, c.dot);
    CHECK_THAT(read_error(c.json), Catch::Contains(c.error));
    CHECK_THAT(read_error(c.dot), Catch::Contains(c.error));
  }
  // What both accept: lower-case modality, absent or null fields, zero counts.
  CHECK(read_error(head + R"(, "modality": "negated", "count": 0, "weight": null}]})").empty());
  CHECK(read_error(R"(digraph { FRA -> DEU [type=aid, modality=negated, count=0]; })").empty());
  const ActorGraph g = read_graph_text(head + R"(, "modality": "alleged", "count": 3,
      "evidence": [{"text": "x", "modality": "alleged", "begin": 1, "end": 2}]}]})", "g");
  REQUIRE(g.sorted_edges().size() == 1);
  CHECK(g.store()[g.sorted_edges()[0]].count == 3);
  CHECK(g.store()[g.sorted_edges()[0]].modality == Modality::alleged);
  CHECK_THAT(read_error(head + R"(, "evidence": [{"text": "x", "modality": "surely"}]}]})"),
             Catch::Contains("unknown modality 'surely'"));
  CHECK_THAT(read_error(head + R"(, "evidence": [{"text": "x", "begin": -5}]}]})"),
             Catch::Contains("begin must be a whole number"));
}

TEST_CASE("issue 16: DOT beyond the parser's bounds and pictures beyond the layout's are refused", "[export]") {
  // Tokens: quoted, HTML, names and comments, each up to kMaxDotToken bytes.
  const std::string at_limit(kMaxDotToken - 2, 'a'), over(kMaxDotToken + 1, 'a');
  CHECK_NOTHROW(check_dot_bounds("digraph { X [label=\"" + at_limit + "\"]; }", "g"));
  for (const std::string& dot : {"digraph { X [label=\"" + over + "\"]; }", "digraph { X [label=<" + over + ">]; }",
                                 "digraph {\n" + over + "; }", "digraph { /*" + over + "*/ }",
                                 "digraph {\n// " + over + "\n}", "digraph { X [label=\"" + over}) {
    CHECK_THROWS_WITH(check_dot_bounds(dot, "g"), Catch::Contains("too long for Graphviz's parser"));
  }
  CHECK_THROWS_WITH(check_dot_bounds("digraph {\n\n" + over + "; }", "g.dot"), Catch::StartsWith("g.dot:3: "));
  // Escaped quotes stay inside the string; many short tokens are fine.
  std::string many = "digraph {";
  for (int i = 0; i < 5000; ++i) many += " N" + std::to_string(i) + " [label=\"a \\\"quoted\\\" b\"];";
  CHECK_NOTHROW(check_dot_bounds(many + "}", "g"));
  CHECK_THROWS_WITH(check_dot_bounds(std::string(kMaxDotBytes + 1, ' '), "g"), Catch::Contains("too big"));
  // The DOT reader applies them before Graphviz sees the text.
  CHECK_THAT(read_error("digraph { FRA [label=\"" + over + "\"]; }"), Catch::Contains("too long for Graphviz's parser"));

  CHECK_NOTHROW(check_picture_size(kMaxPictureNodes, kMaxPictureEdges));
  CHECK_THROWS_AS(check_picture_size(kMaxPictureNodes + 1, 0), InputError);
  CHECK_THROWS_AS(check_picture_size(0, kMaxPictureEdges + 1), InputError);
  ActorGraph big;
  for (std::size_t i = 0; i <= kMaxPictureNodes; ++i) {
    big.add_actor(ActorCode("N" + std::to_string(i)), ActorKind::state, "N", 1);
  }
  for (const char* format : {"svg", "png", "pdf"}) {
    CHECK_THROWS_WITH(export_graph(big, format), Catch::Contains("graph too big to draw: 10001 actors"));
  }
  CHECK(export_graph(big, "json").size() > 0);  // data formats have no such bound
}

TEST_CASE("issue 16: an unclosed <script> in prose keeps the rest of the article", "[text]") {
  const std::string prose = "Hackers hid a <script> tag in the page. Russia criticised France on Monday.";
  CHECK(make_document("t", prose).text == prose);
  CHECK(make_document("t", "A <style> sheet. " + prose).text == "A <style> sheet. " + prose);
  // Many of them stay linear (each search for the closing tag is done once).
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "a <script> b ";
  CHECK(make_document("t", many).text == many);
  // A closed script is still blanked, also after an unclosed style.
  Document closed = make_document("t", "x <style> y <script>var a;</script> z");
  CHECK(closed.text == "x <style> y \n" + std::string(22, ' ') + " z");
  CHECK_THAT(test::edges(test::run(prose, Lang::en)), Catch::Contains("RUS>FRA criticism asserted"));
}

TEST_CASE("issue 16: two db add processes on one new store both store everything (20 trials)", "[store][cli]") {
  test::Scratch s("issue16", "concurrent");
  const char* texts[] = {"Russia supplied weapons to North Korea.", "Japan criticised North Korea.",
                         "China and Russia agreed a partnership.", "The United States imposed sanctions on Iran."};
  for (const char* side : {"a", "b"}) {
    std::string jsonl;
    for (int i = 0; i < 8; ++i) {
      jsonl += std::string("{\"id\": \"") + side + std::to_string(i) + "\", \"lang\": \"en\", \"text\": \"" +
               texts[i % 4] + "\"}\n";
    }
    test::spit(s.dir / (std::string(side) + ".jsonl"), jsonl);
  }
  int failed_runs = 0, incomplete = 0;
  for (int trial = 0; trial < 20; ++trial) {
    const std::string db = (s.dir / ("t" + std::to_string(trial) + ".sqlite")).string();
    std::vector<pid_t> pids;
    for (const char* side : {"a", "b"}) {
      const std::string jsonl = (s.dir / (std::string(side) + ".jsonl")).string();
      pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        ::execl(ACTORGRAPH_BINARY, ACTORGRAPH_BINARY, "db", "add", "--jsonl", jsonl.c_str(), "--db", db.c_str(),
                "--jobs", "1", "-q", "--no-progress", static_cast<char*>(nullptr));
        ::_exit(127);
      }
      pids.push_back(pid);
    }
    for (pid_t pid : pids) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed_runs;
    }
    auto st = s.run("db stats --format json --db " + db);
    if (st.code != 0 || nlohmann::json::parse(st.out)["articles"] != 16) ++incomplete;
  }
  CHECK(failed_runs == 0);
  CHECK(incomplete == 0);
}

TEST_CASE("issue 16: a merged graph drawn by sfdp gives the same PDF in every process", "[export][cli]") {
  // sfdp's coordinates differed in their last bits between processes (address
  // order); cairo prints six decimals in PDF. 12 runs: the old code gave 2-3
  // different files in 10 runs of such a graph.
  test::Scratch s("issue16", "pdf");
  nlohmann::json g{{"id", "synthetic"}, {"actors", nlohmann::json::array()}, {"edges", nlohmann::json::array()}};
  const char* types[] = {"partnership", "meeting", "support", "criticism", "threat", "sanctions"};
  for (int i = 0; i < 40; ++i) {
    std::string code = "C" + std::to_string(10 + i);
    g["actors"].push_back({{"code", code}, {"name", "Actor " + code}, {"kind", "state"}});
  }
  unsigned x = 7;
  for (int i = 0; i < 90; ++i) {
    x = x * 1103515245u + 12345u;
    int a = static_cast<int>((x >> 8) % 40), b = static_cast<int>((x >> 16) % 40);
    if (a == b) b = (b + 1) % 40;
    g["edges"].push_back({{"source", "C" + std::to_string(10 + a)}, {"target", "C" + std::to_string(10 + b)},
                          {"type", types[i % 6]}, {"count", 1 + i % 4}});
  }
  test::spit(s.dir / "g.json", g.dump());
  std::set<std::string> pdfs;
  for (int run = 0; run < 12; ++run) {
    auto r = s.run("render g.json -o g" + std::to_string(run) + ".pdf");
    REQUIRE(r.code == 0);
    pdfs.insert(test::slurp(s.dir / ("g" + std::to_string(run) + ".pdf")));
  }
  CHECK(pdfs.size() == 1);
}
