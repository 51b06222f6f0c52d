// Regression: Ctrl-C (SIGINT) or SIGTERM during a long `extract --jsonl ... -o FILE`
// left the hidden temporary file ".FILE.tmp.XXXXXX" behind. The atomic writer now
// removes its temporary files when such a signal ends the process.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Names in dir that start with '.' (temporary files are hidden).
std::size_t hidden_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string()[0] == '.' ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("regression: a signal during extract leaves no temporary file", "[corpus]") {
  for (int sig : {SIGINT, SIGTERM}) {
    actorgraph::test::Scratch s("regression", "interrupt-" + std::to_string(sig));
    const std::string out = (s.dir / "graphs.jsonl").string();
    int in[2];
    REQUIRE(::pipe(in) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(in[0], 0);
      ::close(in[0]);
      ::close(in[1]);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 2);
      ::execl(ACTORGRAPH_BINARY, ACTORGRAPH_BINARY, "extract", "--jsonl", "-", "-o", out.c_str(), "--jobs", "1",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    const std::string line = "{\"id\": \"a\", \"text\": \"France and Germany signed a defence agreement.\"}\n";
    REQUIRE(::write(in[1], line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    // The stream stays open: extract waits for more input with its temporary file open.
    for (int i = 0; i < 200 && hidden_files(s.dir) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(hidden_files(s.dir) == 1);
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(in[1]);
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == sig);
    CHECK(hidden_files(s.dir) == 0);
    CHECK(!fs::exists(out));
  }
}
