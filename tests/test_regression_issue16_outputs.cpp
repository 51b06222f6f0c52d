// Regression, issue 16 (outputs): an output never replaces an input (the store of
// db graph, a --dict file, a JSONL corpus whose stem is a record's id); -o naming
// the file stdout already is writes to stdout and never renames over the link;
// written files get the umask's permissions and keep an existing file's mode; a
// batch whose articles share a name is processed whole, with short names.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;

namespace {

const char* kEnglish = "France and Germany signed a defence agreement in Paris. Russia criticised the deal.\n";

// Runs a shell command line in dir with the binary as $AG; returns the exit code.
int shell(const fs::path& dir, const std::string& line) {
  std::string cmd = "cd '" + dir.string() + "' && AG='" + ACTORGRAPH_BINARY + "' && ACTORGRAPH_DB= && " + line;
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("issue 16: the output layer refuses any registered input, under any name", "[corpus]") {
  test::Scratch s("issue16", "registry");
  test::spit(s.dir / "in.txt", "input");
  fs::create_symlink("in.txt", s.dir / "link.txt");
  fs::create_hard_link(s.dir / "in.txt", s.dir / "hard.txt");
  clear_registered_inputs();
  register_input((s.dir / "in.txt").string());
  for (const char* name : {"in.txt", "./in.txt", "link.txt", "hard.txt"}) {
    std::string path = (s.dir / name).string();
    CAPTURE(name);
    CHECK(registered_input(path) == (s.dir / "in.txt").string());
    CHECK_THROWS_AS(write_file_atomically(path, "output"), UsageError);
  }
  CHECK(test::slurp(s.dir / "in.txt") == "input");
  // Registered while the output was being written: refused before the rename.
  test::spit(s.dir / "late.txt", "late input");
  {
    AtomicOutput out((s.dir / "late.txt").string());
    out.write("output");
    register_input((s.dir / "late.txt").string());
    CHECK_THROWS_AS(out.commit(), UsageError);
  }
  CHECK(test::slurp(s.dir / "late.txt") == "late input");
  // A deleted input whose inode number is reused by a new file is no input.
  fs::remove(s.dir / "late.txt");
  test::spit(s.dir / "new.txt", "x");
  write_file_atomically((s.dir / "new.txt").string(), "new output");
  CHECK(test::slurp(s.dir / "new.txt") == "new output");
  std::size_t left = 0;
  for (const auto& e : fs::directory_iterator(s.dir)) left += e.path().filename().string().find(".tmp.") != std::string::npos;
  CHECK(left == 0);
  clear_registered_inputs();
}

TEST_CASE("issue 16: db graph -o the store, -o a --dict file, a JSONL id equal to the corpus stem", "[corpus][cli]") {
  test::Scratch s("issue16", "inputs");
  test::spit(s.dir / "en.txt", kEnglish);
  REQUIRE(s.run("db add en.txt --db c.sqlite -q").code == 0);
  const std::string store = test::slurp(s.dir / "c.sqlite");
  auto graph = s.run("db graph --db c.sqlite -f json -o c.sqlite");
  CHECK(graph.code == 2);
  CHECK(graph.err.find("output path equals input path: c.sqlite") != std::string::npos);
  CHECK(test::slurp(s.dir / "c.sqlite") == store);
  CHECK(s.run("db stats --db c.sqlite").code == 0);

  const std::string dict = "#actorgraph-actors 1\nXYZ\tstate\ten\tlabel\tXyzland\t\t\n";
  test::spit(s.dir / "my.tsv", dict);
  auto d = s.run("extract en.txt --dict my.tsv -o ./my.tsv -f dot");
  CHECK(d.code == 2);
  CHECK(test::slurp(s.dir / "my.tsv") == dict);

  fs::create_directories(s.dir / "corp");
  const std::string corpus =
      "{\"id\": \"c\", \"text\": \"France and Germany signed a defence agreement.\"}\n"
      "{\"id\": \"d\", \"text\": \"Russia criticised France.\"}\n";
  test::spit(s.dir / "corp" / "c.jsonl", corpus);
  auto j = s.run("extract --jsonl corp/c.jsonl -o corp/ -f events");
  CHECK(j.code == 0);
  CHECK(test::slurp(s.dir / "corp" / "c.jsonl") == corpus);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "corp")) {
    ++files;
    CHECK(e.path().filename().string().size() <= 16);  // c.jsonl, c-XXXXXXXX.jsonl, d.jsonl
  }
  CHECK(files == 3);
}

TEST_CASE("issue 16: -o naming the file stdout is writes to stdout, the link stays a link", "[corpus][cli]") {
  // A private link does what /dev/stdout does (-> /proc/self/fd/1), without
  // risking the machine's /dev when the code is wrong.
  test::Scratch s("issue16", "stdout");
  test::spit(s.dir / "en.txt", kEnglish);
  fs::create_symlink("/proc/self/fd/1", s.dir / "stdout-link");
  CHECK(shell(s.dir, "$AG extract en.txt -o stdout-link > got.dot 2>err.txt") == 0);
  CHECK(fs::is_symlink(s.dir / "stdout-link"));
  CHECK(test::slurp(s.dir / "got.dot").rfind("digraph", 0) == 0);
  // Appending to a redirected stdout appends (the file is not truncated or replaced).
  test::spit(s.dir / "log.txt", "before\n");
  CHECK(shell(s.dir, "$AG extract en.txt -o /dev/stdout -f json >> log.txt 2>err.txt") == 0);
  std::string log = test::slurp(s.dir / "log.txt");
  CHECK(log.rfind("before\n{", 0) == 0);
  CHECK(fs::is_symlink("/dev/stdout"));
}

TEST_CASE("issue 16: outputs get the umask's permissions and keep an existing file's mode", "[corpus][cli]") {
  test::Scratch s("issue16", "modes");
  test::spit(s.dir / "en.txt", kEnglish);
  CHECK(shell(s.dir, "umask 077 && $AG extract en.txt -o private.dot") == 0);
  CHECK(mode_of(s.dir / "private.dot") == 0600);
  CHECK(shell(s.dir, "umask 002 && $AG extract en.txt -o group.json") == 0);
  CHECK(mode_of(s.dir / "group.json") == 0664);
  CHECK(shell(s.dir, "umask 022 && $AG extract en.txt -o plain.dot") == 0);
  CHECK(mode_of(s.dir / "plain.dot") == 0644);
  fs::permissions(s.dir / "private.dot", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  CHECK(shell(s.dir, "umask 022 && $AG extract en.txt -o private.dot") == 0);
  CHECK(mode_of(s.dir / "private.dot") == 0640);  // not widened to 0644
  // A link to a regular file: the target gets the output, the link stays a link.
  test::spit(s.dir / "real.dot", "old");
  fs::create_symlink("real.dot", s.dir / "alias.dot");
  CHECK(shell(s.dir, "$AG extract en.txt -o alias.dot") == 0);
  CHECK(fs::is_symlink(s.dir / "alias.dot"));
  CHECK(test::slurp(s.dir / "real.dot").rfind("digraph", 0) == 0);
  CHECK(shell(s.dir, "umask 027 && mkdir out && $AG extract en.txt -o out/ -f json") == 0);  // one file per article
  CHECK(mode_of(s.dir / "out" / "en.json") == 0640);
}

TEST_CASE("issue 16: 300 folders of article.txt are all processed, with short names", "[corpus][cli]") {
  test::Scratch s("issue16", "clash");
  const int n = 300;
  for (int i = 0; i < n; ++i) {
    fs::path d = s.dir / "in" / ("f" + std::to_string(1000 + i));
    fs::create_directories(d);
    test::spit(d / "article.txt", kEnglish);
  }
  auto r = s.run("extract in -o out/ -f json --jobs 2");
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  std::size_t files = 0, longest = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "out")) {
    ++files;
    longest = std::max(longest, e.path().filename().string().size());
  }
  CHECK(files == n);
  CHECK(longest <= std::string("article-0123abcd.json").size());
  // Names do not depend on --jobs or on the run.
  auto again = s.run("extract in -o out2/ -f json --jobs 1");
  CHECK(again.code == 0);
  for (const auto& e : fs::directory_iterator(s.dir / "out")) {
    CHECK(fs::exists(s.dir / "out2" / e.path().filename()));
  }
}

TEST_CASE("issue 16: disambiguated names are short, stable and distinct", "[corpus]") {
  CHECK(disambiguated_file_name("article", "a/article.txt", 1) == disambiguated_file_name("article", "a/article.txt", 1));
  CHECK(disambiguated_file_name("article", "a/article.txt", 1) != disambiguated_file_name("article", "b/article.txt", 1));
  CHECK(disambiguated_file_name("article", "a/article.txt", 1).size() == std::string("article-01234567").size());
  CHECK(disambiguated_file_name("article", "k", 2) == disambiguated_file_name("article", "k", 1) + "-2");
}
