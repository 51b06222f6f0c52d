// The real binary on JSONL corpora: --jobs determinism, bad lines, output modes.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

using actorgraph::test::Ran;
using actorgraph::test::slurp;
using actorgraph::test::spit;
namespace test = actorgraph::test;

namespace {

// A scratch directory per test case, removed at the end.
struct Scratch : test::Scratch {
  explicit Scratch(const std::string& name) : test::Scratch("cli", name) {}
};

std::string json_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    o += c;
  }
  return o;
}

// 48 articles of our own sentences (German and English, varied), dated over two
// months, plus bad lines at fixed places.
std::string corpus_jsonl(bool with_bad_lines) {
  const char* de[] = {"Russland liefert Waffen an Nordkorea.", "Die USA verhängen Sanktionen gegen Russland.",
                      "China und Russland vereinbaren eine Partnerschaft.", "Japan kritisiert Nordkorea.",
                      "Die USA unterstützen Israel.", "Iran droht Israel."};
  const char* en[] = {"China and Russia signed a partnership agreement.", "The United States imposed sanctions on Russia.",
                      "Japan criticised North Korea.", "Russia allegedly supplied weapons to North Korea.",
                      "The United States criticised Iran.", "Iran threatened Israel."};
  std::string s;
  for (int i = 0; i < 48; ++i) {
    bool german = i % 2 == 0;
    std::string text;
    for (int k = 0; k < 1 + i % 4; ++k) text += std::string(german ? de[(i + k) % 6] : en[(i * 5 + k) % 6]) + " ";
    char date[16];
    std::snprintf(date, sizeof date, "2023-%02d-%02d", 10 + i / 28, 1 + i % 28);
    s += "{\"id\": \"art-" + std::to_string(i) + "\", \"text\": \"" + json_escape(text) + "\", \"date\": \"" + date +
         "\", \"lang\": \"" + (german ? "de" : "en") + "\", \"source\": \"outlet-" + std::to_string(i % 3) + "\"}\n";
    if (with_bad_lines && i == 10) s += "{\"id\": \"cut\", \"text\": \"Russland lief\n";
    if (with_bad_lines && i == 20) s += "[\"not\", \"an\", \"object\"]\n";
    if (with_bad_lines && i == 30) s += "{\"id\": \"no-text\"}\n";
    if (with_bad_lines && i == 40) s += "{\"id\": \"art-3\", \"text\": \"Japan kritisiert Nordkorea.\"}\n";
  }
  return s;
}

}  // namespace

TEST_CASE("extract --jobs 1 and --jobs 4 give byte-identical output", "[cli][corpus]") {
  Scratch s("jobs");
  spit(s.dir / "corpus.jsonl", corpus_jsonl(true));
  for (const char* format : {"json", "events", "dot"}) {
    CAPTURE(format);
    Ran one = s.run(std::string("extract --jsonl corpus.jsonl --jobs 1 --format ") + format);
    Ran four = s.run(std::string("extract --jsonl corpus.jsonl --jobs 4 --format ") + format);
    CHECK(one.code == 3);
    CHECK(four.code == 3);
    CHECK_FALSE(one.out.empty());
    CHECK(one.out == four.out);
    CHECK(one.err == four.err);  // failures reported in input order too
  }
  Ran d1 = s.run("extract --jsonl corpus.jsonl --jobs 1 -o one/ --format json");
  Ran d4 = s.run("extract --jsonl corpus.jsonl --jobs 4 -o four/ --format json");
  CHECK(d1.code == 3);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "one")) {
    ++files;
    CHECK(slurp(e.path()) == slurp(s.dir / "four" / e.path().filename()));
  }
  CHECK(files == 48);
  // Stdin and a file give the same stream.
  Ran piped = s.run("extract --jsonl - --jobs 3 < corpus.jsonl");
  CHECK(piped.out == s.run("extract --jsonl corpus.jsonl --jobs 2").out);
  // The JSON stream is one compact graph per line, one per good record.
  std::istringstream lines(s.run("extract --jsonl corpus.jsonl").out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    CHECK(line.front() == '{');
    ++n;
  }
  CHECK(n == 48);
}

TEST_CASE("extract --jsonl: bad lines are reported as FILE:LINE: reason and skipped", "[cli][corpus]") {
  Scratch s("badlines");
  spit(s.dir / "corpus.jsonl", corpus_jsonl(true));
  Ran r = s.run("extract --jsonl corpus.jsonl --jobs 2 -o graphs.jsonl");
  CHECK(r.code == 3);
  const char* expected[] = {
      "actorgraph: corpus.jsonl:12: truncated JSON",
      "actorgraph: corpus.jsonl:23: not a JSON object (found an array)",
      "actorgraph: corpus.jsonl:34: missing \"text\" (id no-text)",
      "actorgraph: corpus.jsonl:45: duplicate id 'art-3' (first seen at corpus.jsonl:4)",
      "actorgraph: 4 of 52 inputs failed",
  };
  for (const char* e : expected) {
    CAPTURE(e, r.err);
    CHECK(r.err.find(e) != std::string::npos);
  }
  CHECK(r.err.find("articles/s") == std::string::npos);  // no progress line: stderr is not a terminal
  std::string out = slurp(s.dir / "graphs.jsonl");
  CHECK(std::count(out.begin(), out.end(), '\n') == 48);

  // Every record bad: exit 1 and no output file at all.
  spit(s.dir / "bad.jsonl", "{\"id\": 1}\nnot json\n");
  Ran all_bad = s.run("extract --jsonl bad.jsonl -o none.jsonl");
  CHECK(all_bad.code == 1);
  CHECK_FALSE(fs::exists(s.dir / "none.jsonl"));
  // An article the pipeline rejects is reported with its line and id.
  spit(s.dir / "lang.jsonl", "{\"id\": \"x1\", \"text\": \"   \"}\n{\"id\": \"x2\", \"text\": \"Japan criticised North Korea.\"}\n");
  Ran lang = s.run("extract --jsonl lang.jsonl");
  CHECK(lang.code == 3);
  CHECK(lang.err.find("actorgraph: lang.jsonl:1 (id x1): ") != std::string::npos);
  // Empty input: nothing to do, said once.
  spit(s.dir / "empty.jsonl", "\n\n");
  Ran empty = s.run("extract --jsonl empty.jsonl");
  CHECK(empty.code == 0);
  CHECK(empty.err.find("no articles") != std::string::npos);
}

TEST_CASE("extract --jsonl: record fields, safe file names, usage errors", "[cli][corpus]") {
  Scratch s("fields");
  spit(s.dir / "odd.jsonl",
       "{\"id\": \"../escape\", \"text\": \"Japan criticised North Korea.\", \"date\": \"2023-10-05T10:00:00Z\", "
       "\"source\": \"wire\"}\n"
       "{\"id\": \".hidden\", \"text\": \"Japan kritisiert Nordkorea.\", \"lang\": \"de\"}\n"
       "{\"id\": \"a/b\", \"text\": \"Iran threatened Israel.\"}\n");
  Ran r = s.run("extract --jsonl odd.jsonl -o out/");
  CHECK(r.code == 0);
  CHECK(fs::exists(s.dir / "out" / "_._escape.json"));
  CHECK(fs::exists(s.dir / "out" / "_hidden.json"));
  CHECK(fs::exists(s.dir / "out" / "a_b.json"));
  CHECK_FALSE(fs::exists(s.dir / "escape.json"));
  std::string g = slurp(s.dir / "out" / "_._escape.json");
  CHECK(g.find("\"date\": \"2023-10-05\"") != std::string::npos);
  CHECK(g.find("\"source\": \"wire\"") != std::string::npos);
  CHECK(g.find("\"id\": \"../escape\"") != std::string::npos);

  spit(s.dir / "one.txt", "Japan kritisiert Nordkorea.");
  spit(s.dir / "two.txt", "Iran droht Israel.");
  // Unchanged behaviour for files: one article -> pretty JSON; several to a file need a stream format.
  Ran single = s.run("extract one.txt --format json");
  CHECK(single.code == 0);
  CHECK(single.out.find("{\n") == 0);
  CHECK(s.run("extract one.txt two.txt -o both.dot").code == 2);
  CHECK(s.run("extract one.txt two.txt --format json").out.find("}\n{") != std::string::npos);
  CHECK(s.run("extract --jsonl - one.txt -").code == 2);  // stdin twice
  CHECK(s.run("extract").code == 2);
  CHECK(s.run("extract --jsonl odd.jsonl --jobs -1").code == 2);
  CHECK(s.run("extract --jsonl missing.jsonl").code == 1);
}
