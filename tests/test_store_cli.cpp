// The real binary: actorgraph db add/graph/stats, idempotent ingest and a killed ingest.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

using actorgraph::test::Ran;
using actorgraph::test::slurp;
using actorgraph::test::spit;
namespace test = actorgraph::test;

namespace {

struct Scratch : test::Scratch {
  explicit Scratch(const std::string& name) : test::Scratch("db", name) {}
};

}  // namespace

TEST_CASE("db add is idempotent, db graph and db stats answer queries", "[store][cli]") {
  Scratch s("add");
  fs::create_directories(s.dir / "articles");
  spit(s.dir / "articles" / "de-1.txt", "date 2023-01-16\nRussland liefert Waffen an Nordkorea. Die USA verhängen Sanktionen gegen Russland.");
  spit(s.dir / "articles" / "en-1.txt", "date 2023-03-02\nJapan criticised North Korea. Russia allegedly supplied weapons to North Korea.");
  spit(s.dir / "feed.jsonl",
       "{\"id\": \"en-2\", \"text\": \"Russia supplied weapons to North Korea.\", \"date\": \"2022-12-20\", \"source\": \"wire\"}\n"
       "{\"id\": \"de-2\", \"text\": \"Die USA unterstützen Israel. Iran droht Israel.\", \"lang\": \"de\"}\n"
       "{\"id\": \"broken\"\n");
  Ran first = s.run("db add articles --db c.sqlite");
  CHECK(first.code == 0);
  CHECK(first.err.find("added 2, replaced 0, already stored 0, failed 0") != std::string::npos);
  Ran feed = s.run("db add --jsonl feed.jsonl --db c.sqlite --jobs 2");
  CHECK(feed.code == 3);
  CHECK(feed.err.find("feed.jsonl:3: truncated JSON") != std::string::npos);
  Ran again = s.run("db add articles --jsonl feed.jsonl --db c.sqlite");
  CHECK(again.err.find("added 0, replaced 0, already stored 4, failed 1") != std::string::npos);
  CHECK(s.run("db add articles/de-1.txt --replace --db c.sqlite").err.find("replaced 1") != std::string::npos);

  json st = json::parse(s.run("db stats --db c.sqlite --format json").out);
  CHECK(st["articles"] == 4);
  CHECK(st["undated"] == 1);
  CHECK(st["first_date"] == "2022-12-20");
  CHECK(st["by_lang"]["de"] == 2);
  CHECK(st["by_source"]["wire"] == 1);
  CHECK(st["inconsistent_articles"] == 0);
  CHECK(st["top_edges"]["RUS -> PRK arms_supply"] == 3);

  Ran g = s.run("db graph --db c.sqlite --actor PRK --since 2023-01 --type arms_supply -o g.json");
  CHECK(g.code == 0);
  json graph = json::parse(slurp(s.dir / "g.json"));
  REQUIRE(graph["edges"].size() == 1);
  CHECK(graph["edges"][0]["weight"] == 2);
  CHECK(graph["id"] == "PRK, arms_supply, 2023-01..");
  CHECK(s.run("db graph --db c.sqlite --actor PRK -o g.dot").code == 0);
  CHECK(slurp(s.dir / "g.dot").find("digraph") != std::string::npos);
  CHECK(s.run("db stats --db c.sqlite").out.find("consistency: ok") != std::string::npos);
  // The default path is ./corpus.sqlite; a missing database is an input error, not a new file.
  CHECK(s.run("db stats").code == 1);
  CHECK_FALSE(fs::exists(s.dir / "corpus.sqlite"));
  CHECK(s.run("db graph --db c.sqlite --type friendship").code == 2);
  CHECK(s.run("db graph --db c.sqlite --actor 'not a code'").code == 2);
  CHECK(s.run("db").code == 2);
}

TEST_CASE("db add killed mid-ingest: committed articles stay whole, a rerun completes", "[store][cli]") {
  Scratch s("kill");
  const int n = 2000;
  {
    std::ofstream f(s.dir / "big.jsonl");
    const char* sentences[] = {"Russland liefert Waffen an Nordkorea.", "Die USA verhängen Sanktionen gegen Russland.",
                               "China und Russland vereinbaren eine Partnerschaft.", "Japan kritisiert Nordkorea."};
    for (int i = 0; i < n; ++i) {
      std::string text;
      for (int k = 0; k <= i % 4; ++k) text += std::string(sentences[k]) + " ";
      f << "{\"id\": \"n" << i << "\", \"lang\": \"de\", \"text\": \"" << text << "\"}\n";
    }
  }
  std::string db = (s.dir / "k.sqlite").string();
  std::string jsonl = (s.dir / "big.jsonl").string();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 2);
    ::execl(ACTORGRAPH_BINARY, ACTORGRAPH_BINARY, "db", "add", "--jsonl", jsonl.c_str(), "--db", db.c_str(), "--jobs",
            "1", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  bool interrupted = WIFSIGNALED(status);
  INFO("the ingest was " << (interrupted ? "killed" : "already done") << " when the signal came");
  Ran after = s.run("db stats --db k.sqlite --format json");
  if (fs::exists(db)) {
    REQUIRE(after.code == 0);
    json st = json::parse(after.out);
    CHECK(st["inconsistent_articles"] == 0);  // no half article
    CHECK(st["articles"].get<int>() <= n);
  }
  Ran rerun = s.run("db add --jsonl big.jsonl --db k.sqlite --jobs 2");
  CHECK((rerun.code == 0 || rerun.code == 5));  // 5: the articles stored before the kill were skipped
  json st = json::parse(s.run("db stats --db k.sqlite --format json").out);
  CHECK(st["articles"] == n);  // nothing lost, nothing twice
  CHECK(st["inconsistent_articles"] == 0);
  CHECK(st["mentions"].get<int>() > n);
}
