// Determinism: the same corpus and options give byte-identical output on every
// run and for every --jobs value (the workers finish in any order; output order
// and content must not show it), in the stream formats and one file per article.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

// A corpus of our own sentences: German and English, dated and undated, a few
// long ones, and two bad lines (reported, skipped) in the middle.
std::string corpus() {
  const char* en[] = {
      "France and Germany signed a new defence agreement in Paris on Tuesday. Russia criticised the deal.",
      "The United States imposed sanctions on Iran. China did not supply weapons to Russia, a spokesman said.",
      "Japan and South Korea agreed to expand their security cooperation. North Korea condemned the talks.",
      "Turkey reportedly threatened Greece. The European Union could send aid to Ukraine.",
  };
  const char* de[] = {
      "Frankreich und Polen vereinbarten am Montag eine engere Zusammenarbeit. Russland kritisierte das Abkommen.",
      "Die EU verhängte neue Sanktionen gegen Nordkorea. Pjöngjang drohte Südkorea mit Vergeltung.",
      "Deutschland könnte der Ukraine Panzer liefern, hieß es in Berlin. Angeblich griff Russland Kiew an.",
      "Lawrow traf Wang Yi in Peking. China und Russland kritisierten die USA scharf.",
  };
  std::string out;
  for (int i = 0; i < 24; ++i) {
    const bool german = i % 3 == 1;
    std::string text = german ? de[i % 4] : en[i % 4];
    for (int k = 0; k < i % 5; ++k) text += std::string(" ") + (german ? de[(i + k) % 4] : en[(i + k) % 4]);
    out += "{\"id\": \"art-" + std::to_string(i) + "\", \"text\": \"" + text + "\"" +
           (i % 2 ? ", \"date\": \"2024-03-" + std::to_string(10 + i % 9) + "\"" : std::string()) + "}\n";
    if (i == 7) out += "{\"id\": \"broken\", \"text\": \"cut off\n";
    if (i == 15) out += "{\"id\": \"art-3\", \"text\": \"a duplicate id\"}\n";
  }
  return out;
}

// Every file under dir (relative name -> bytes).
std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = test::slurp(e.path());
  }
  return out;
}

}  // namespace

TEST_CASE("determinism: extract --jsonl streams are byte-identical across runs and --jobs", "[corpus]") {
  test::Scratch s("determinism", "streams");
  test::spit(s.dir / "corpus.jsonl", corpus());
  for (const std::string format : {"json", "events", "dot"}) {
    std::string first;
    for (const char* jobs : {"1", "2", "4", "4", "1"}) {
      // dot streams go to stdout only; json and events to a file as well.
      auto r = s.run("extract --jsonl corpus.jsonl -f " + format + " --jobs " + jobs + " --no-progress");
      INFO(format << " --jobs " << jobs << ": " << r.err);
      CHECK(r.code == 3);  // the two bad lines
      REQUIRE(!r.out.empty());
      if (first.empty()) first = r.out;
      CHECK(r.out == first);
    }
  }
  for (const char* jobs : {"1", "2", "4"}) {
    auto r = s.run(std::string("extract --jsonl corpus.jsonl -o graphs-") + jobs + ".jsonl --jobs " + jobs);
    CHECK(r.code == 3);
  }
  CHECK(test::slurp(s.dir / "graphs-1.jsonl") == test::slurp(s.dir / "graphs-2.jsonl"));
  CHECK(test::slurp(s.dir / "graphs-1.jsonl") == test::slurp(s.dir / "graphs-4.jsonl"));
}

TEST_CASE("determinism: one file per article (json, dot, svg) is byte-identical across --jobs", "[corpus]") {
  test::Scratch s("determinism", "directories");
  test::spit(s.dir / "corpus.jsonl", corpus());
  for (const std::string format : {"json", "dot", "svg"}) {
    std::map<std::string, std::string> first;
    for (const char* jobs : {"1", "2", "4"}) {
      const std::string out = "out-" + format + "-" + jobs;
      auto r = s.run("extract --jsonl corpus.jsonl -o " + out + "/ -f " + format + " --jobs " + jobs);
      INFO(format << " --jobs " << jobs << ": " << r.err);
      CHECK(r.code == 3);
      auto files = files_under(s.dir / out);
      CHECK(files.size() == 24);
      if (first.empty()) first = files;
      CHECK(files == first);
    }
  }
}

TEST_CASE("determinism: merge and render give the same bytes on every run", "[export]") {
  test::Scratch s("determinism", "merge-render");
  test::spit(s.dir / "corpus.jsonl", corpus());
  REQUIRE(s.run("extract --jsonl corpus.jsonl -o graphs/ -f json").code == 3);
  std::vector<std::string> merged, pictures;
  for (const char* jobs : {"1", "4"}) {
    auto m = s.run(std::string("merge graphs/ -f json --jobs ") + jobs);
    CHECK(m.code == 0);
    merged.push_back(m.out);
    auto p = s.run(std::string("merge graphs/ -f svg --jobs ") + jobs);
    CHECK(p.code == 0);
    pictures.push_back(p.out);
  }
  CHECK(!merged[0].empty());
  CHECK(merged[0] == merged[1]);
  CHECK(!pictures[0].empty());
  CHECK(pictures[0] == pictures[1]);
}
