// Property (issue 16): every subcommand that writes a file, with -o aimed at each
// of its inputs (articles, corpora, graphs, --dict files, gold files, the store),
// under every spelling (as given, "./NAME", a symbolic link, a hard link), exits 2
// with "output path equals input path" and leaves the input byte for byte as it
// was, and no temporary file behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
namespace test = actorgraph::test;

namespace {

struct Command {
  std::string args;                  // the command line without -o
  std::vector<std::string> targets;  // its inputs that -o is aimed at
};

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && !e.is_symlink()) files[fs::relative(e.path(), dir).string()] = test::slurp(e.path());
  }
  return files;
}

}  // namespace

TEST_CASE("property: -o aimed at any input of any subcommand exits 2 and changes nothing", "[cli]") {
  test::Scratch s("property", "output-onto-input");
  const fs::path& d = s.dir;
  test::spit(d / "en.txt", "date 2024-03-12\nFrance and Germany signed a defence agreement in Paris. Russia criticised the deal.\n");
  test::spit(d / "de.txt", "date 2024-04-02\nFrankreich und Polen vereinbarten eine engere Zusammenarbeit. Russland kritisierte das.\n");
  test::spit(d / "corpus.jsonl",
             "{\"id\": \"j1\", \"date\": \"2024-05\", \"text\": \"Japan criticised North Korea.\"}\n"
             "{\"id\": \"j2\", \"date\": \"2024-06\", \"text\": \"China and Russia agreed a partnership.\"}\n");
  test::spit(d / "my.tsv", "#actorgraph-actors 1\nXYZ\tstate\ten\tlabel\tXyzland\t\t\nXYZ\tstate\ten\tname\tXyzland\t\t\n");
  test::spit(d / "g1.json",
             "{\"id\": \"g1\", \"date\": \"2024-03-12\", \"actors\": [{\"code\": \"FRA\"}, {\"code\": \"DEU\"}], "
             "\"edges\": [{\"source\": \"DEU\", \"target\": \"FRA\", \"type\": \"partnership\"}]}\n");
  test::spit(d / "g2.dot", "digraph B { graph [date=\"2024-04\"]; POL -> RUS [type=threat]; }\n");
  fs::create_directories(d / "gold");
  test::spit(d / "gold" / "en.txt", "France and Germany signed a defence agreement in Paris.\n");
  test::spit(d / "gold" / "en.gold.json",
             "{\"id\": \"en\", \"lang\": \"en\", \"actors\": [\"FRA\", \"DEU\"], \"edges\": [{\"source\": \"FRA\", "
             "\"target\": \"DEU\", \"type\": \"partnership\", \"modality\": \"asserted\", \"evidence\": \"signed a "
             "defence agreement\"}]}\n");
  REQUIRE(s.run("db add en.txt de.txt --db c.sqlite -q").code == 0);

  const std::vector<Command> commands = {
      {"extract en.txt --dict my.tsv -f json", {"en.txt", "my.tsv"}},
      {"extract en.txt de.txt -f json", {"en.txt", "de.txt"}},
      {"extract --jsonl corpus.jsonl --dict my.tsv -f json", {"corpus.jsonl", "my.tsv"}},
      {"render g1.json g2.dot -f json", {"g1.json", "g2.dot"}},
      {"render g1.json -f svg", {"g1.json"}},
      {"report en.txt de.txt --dict my.tsv", {"en.txt", "de.txt", "my.tsv"}},
      {"merge g1.json en.txt corpus.jsonl --dict my.tsv -f json", {"g1.json", "en.txt", "corpus.jsonl", "my.tsv"}},
      {"diff g1.json en.txt --dict my.tsv -f json", {"g1.json", "en.txt", "my.tsv"}},
      {"compare g1.json g2.dot en.txt --dict my.tsv -f json", {"g1.json", "g2.dot", "en.txt", "my.tsv"}},
      {"compare g1.json g2.dot en.txt --by-date month -f json", {"g1.json", "g2.dot", "en.txt"}},
      {"analyze g1.json en.txt --dict my.tsv -f json", {"g1.json", "en.txt", "my.tsv"}},
      {"db graph --db c.sqlite -f json -q", {"c.sqlite"}},
      {"train gold --dict my.tsv --folds 2", {"gold/en.txt", "gold/en.gold.json", "my.tsv"}},
  };
  const auto before = snapshot(d);
  std::size_t runs = 0;
  for (const auto& c : commands) {
    for (const auto& target : c.targets) {
      // The same file under every name a user might give it.
      fs::remove(d / "link");
      fs::remove(d / "hard");
      fs::create_symlink(fs::absolute(d / target), d / "link");
      fs::create_hard_link(d / target, d / "hard");
      for (const std::string& spelling : {target, "./" + target, (d / target).string(), std::string("link"),
                                          std::string("hard")}) {
        const std::string line = c.args + " -o " + spelling;
        CAPTURE(line);
        auto r = s.run(line);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains("output path equals input path"));
        ++runs;
      }
      fs::remove(d / "link");
      fs::remove(d / "hard");
      CHECK(snapshot(d) == before);  // every input unchanged, nothing left behind
    }
  }
  // Standard input that is a file is an input too.
  auto r = s.run("extract - -f json -o en.txt < en.txt");
  CHECK(r.code == 2);
  CHECK(snapshot(d) == before);
  CHECK(runs > 100);
}
