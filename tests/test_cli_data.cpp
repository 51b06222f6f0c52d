// actorgraph data list/show/dump: the built-in data written out byte for byte.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/embedded.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "actorgraph/pipeline.hpp"

namespace {

namespace fs = std::filesystem;

struct Run {
  int code = -1;
  std::string out;
};

// Runs the CLI with args (shell words we write ourselves); stdout captured, stderr dropped.
Run run_cli(const std::string& args) {
  std::string cmd = std::string(ACTORGRAPH_BINARY) + " " + args + " 2>/dev/null";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("actorgraph-data-test-" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("data dump writes every embedded file byte for byte and refuses to overwrite", "[cli]") {
  TempDir dir;
  Run r = run_cli("data dump " + dir.path.string());
  REQUIRE(r.code == 0);
  const auto& files = actorgraph::embedded_files();
  REQUIRE(!files.empty());
  for (const auto& f : files) {
    CAPTURE(f.path);
    fs::path p = dir.path / std::string(f.path);
    REQUIRE(fs::exists(p));
    CHECK(slurp(p) == f.content);
  }

  // A second dump into the same directory changes nothing and fails.
  fs::path first = dir.path / std::string(files.front().path);
  { std::ofstream(first, std::ios::binary) << "#actorgraph-actors 1\n"; }
  CHECK(run_cli("data dump " + dir.path.string()).code == 1);
  CHECK(slurp(first) == "#actorgraph-actors 1\n");
  CHECK(run_cli("data dump " + dir.path.string() + " --force").code == 0);
  CHECK(slurp(first) == files.front().content);

  // Dumped files are valid --dict input: the bundle accepts every one of them.
  actorgraph::DataBundle bundle;
  for (const auto& f : files) CHECK_NOTHROW(bundle.add_file((dir.path / std::string(f.path)).string()));
}

TEST_CASE("data dump --only, data show and data list", "[cli]") {
  TempDir dir;
  const auto& files = actorgraph::embedded_files();
  const auto& rules = files.back();
  REQUIRE(run_cli("data dump " + dir.path.string() + " --only data/" + std::string(rules.path)).code == 0);
  std::size_t written = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path)) written += e.is_regular_file();
  CHECK(written == 1);
  CHECK(slurp(dir.path / std::string(rules.path)) == rules.content);

  Run show = run_cli("data show " + std::string(rules.path));
  CHECK(show.code == 0);
  CHECK(show.out == rules.content);

  Run list = run_cli("data list");
  CHECK(list.code == 0);
  for (const auto& f : files) CHECK(list.out.find(std::string(f.path)) != std::string::npos);

  // Usage errors: unknown file, missing subcommand; nothing is written.
  CHECK(run_cli("data show actors/nope.tsv").code == 2);
  CHECK(run_cli("data dump " + (dir.path / "x").string() + " --only nope.tsv").code == 2);
  CHECK(!fs::exists(dir.path / "x"));
  CHECK(run_cli("data").code == 2);
}

TEST_CASE("version: the commit and a hash of the built-in data", "[cli]") {
  Run r = run_cli("--version");
  CHECK(r.code == 0);
  CAPTURE(r.out);
  CHECK(r.out.rfind("actorgraph ", 0) == 0);
  CHECK(r.out.find("(commit ") != std::string::npos);
  auto at = r.out.find(", data ");
  REQUIRE(at != std::string::npos);
  std::string hash = r.out.substr(at + 7, 16);
  CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(hash == actorgraph::data_fingerprint());
}
