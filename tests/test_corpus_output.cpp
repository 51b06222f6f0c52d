#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "actorgraph/corpus/output.hpp"
#include "actorgraph/corpus/progress.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;

TEST_CASE("safe_file_name: no directories, no hidden files, unchanged when already safe", "[corpus]") {
  struct Case {
    const char* id;
    const char* name;
  };
  const Case cases[] = {
      {"de-001", "de-001"},
      {"Nachrichten über Südkorea", "Nachrichten über Südkorea"},
      {"a/b", "a_b"},
      {"../../etc/passwd", "_._.._etc_passwd"},
      {"..", "_."},
      {".hidden", "_hidden"},
      {"", "_"},
      {"a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i"},
      {"tab\there\nnewline", "tab_here_newline"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    CHECK(safe_file_name(c.id) == c.name);
  }
  // Long ids are cut at a UTF-8 boundary and keep distinct hash suffixes.
  std::string long_a(120, 'a'), tail_b = "ü";
  std::string x = long_a + std::string(60, 'b') + "1", y = long_a + std::string(60, 'b') + "2";
  std::string u;
  for (int i = 0; i < 100; ++i) u += tail_b;
  CHECK(safe_file_name(x).size() <= 150);
  CHECK(safe_file_name(x) != safe_file_name(y));
  std::string su = safe_file_name(u);
  CHECK(su.size() <= 150);
  CHECK(su.substr(0, su.size() - 17).size() % 2 == 0);  // whole two-byte characters only
}

TEST_CASE("AtomicOutput: the file appears only on commit, discard leaves nothing", "[corpus]") {
  fs::path dir = fs::temp_directory_path() / ("actorgraph-atomic-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string path = (dir / "out.jsonl").string();
  {
    AtomicOutput out(path);
    out.write("{\"a\":1}\n");
    CHECK_FALSE(fs::exists(path));
    out.write("{\"a\":2}\n");
    out.commit();
  }
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(ss.str() == "{\"a\":1}\n{\"a\":2}\n");
  std::string other = (dir / "never.jsonl").string();
  {
    AtomicOutput out(other);
    out.write("half");
  }  // destroyed without commit
  CHECK_FALSE(fs::exists(other));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // no temporary left
  fs::remove_all(dir);
}

TEST_CASE("AtomicOutput: a pipe or device is written in place, never replaced", "[corpus]") {
  // Regression: "-o /dev/null" once renamed a temporary file over /dev/null.
  fs::path dir = fs::temp_directory_path() / ("actorgraph-fifo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string fifo = (dir / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo);
    std::stringstream ss;
    ss << in.rdbuf();
    received = ss.str();
  });
  write_file_atomically(fifo, "{\"a\":1}\n");
  reader.join();
  CHECK(received == "{\"a\":1}\n");
  struct stat st {};
  REQUIRE(::stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK_THROWS(write_file_atomically(dir.string(), "x"));  // a directory is not an output file
  fs::remove_all(dir);
}

TEST_CASE("progress_text: rate, percentage and ETA only when the total is known", "[corpus]") {
  CHECK(progress_text(50, 0, 10, 0.5, 100) == "50/100 articles   50%  5.0 articles/s  ETA 0:10");
  CHECK(progress_text(30, 2, 15, -1, 0) == "30 articles  2.0 articles/s  2 failed  0:15");
  CHECK(progress_text(7200, 0, 3600, 0.25, 0) == "7200 articles   25%  2.0 articles/s  ETA 3:00:00");
  std::ostringstream quiet;
  {
    ProgressMeter m(quiet, false, 10);
    m.update(5, 0);
    m.finish();
  }
  CHECK(quiet.str().empty());
  std::ostringstream shown;
  {
    ProgressMeter m(shown, true, 10);
    m.update(5, 1);
    m.message("actorgraph: x.txt: failed");
  }
  CHECK(shown.str().find("actorgraph: x.txt: failed\n") != std::string::npos);
  CHECK(shown.str().find("5/10 articles") != std::string::npos);
}
