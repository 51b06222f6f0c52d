#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "actorgraph/corpus/ordered_map.hpp"

using namespace actorgraph;

namespace {

// Squares 0..n-1 with uneven delays, recording the output order and the most
// items ever in flight (produced but not yet emitted).
struct Run {
  std::vector<int> out;
  std::size_t max_in_flight = 0;
};

Run run_squares(std::size_t jobs, std::size_t window, int n, bool batched = false) {
  Run r;
  int next_value = 0;
  std::size_t in_flight = 0;
  std::function<std::optional<int>()> next = [&]() -> std::optional<int> {
    if (next_value >= n) return std::nullopt;
    ++in_flight;
    r.max_in_flight = std::max(r.max_in_flight, in_flight);
    return next_value++;
  };
  std::function<int(int&)> work = [](int& v) {
    // Early items are slow, so later ones finish first and must wait.
    std::this_thread::sleep_for(std::chrono::microseconds(((v * 7919) % 5) * 300));
    return v * v;
  };
  std::function<void(int&, int&)> emit = [&](int&, int& sq) {
    --in_flight;
    r.out.push_back(sq);
  };
  // Batched: item v weighs v KB, so batches hold from one item to kBatchItems.
  std::function<std::size_t(const int&)> size_of = [](const int& v) { return static_cast<std::size_t>(v) * 1024; };
  ordered_map<int, int>(jobs, window, next, work, emit, batched ? size_of : nullptr);
  return r;
}

}  // namespace

TEST_CASE("ordered_map: output order is input order for any number of jobs", "[corpus]") {
  const int n = 200;
  std::vector<int> expected;
  for (int i = 0; i < n; ++i) expected.push_back(i * i);
  for (std::size_t jobs : {1u, 2u, 4u, 8u}) {
    CAPTURE(jobs);
    Run r = run_squares(jobs, 0, n);
    CHECK(r.out == expected);
    CHECK(r.max_in_flight <= default_window(jobs));
  }
}

TEST_CASE("ordered_map: batches of items by size keep the input order", "[corpus]") {
  const int n = 700;
  std::vector<int> expected;
  for (int i = 0; i < n; ++i) expected.push_back(i * i);
  for (std::size_t jobs : {1u, 2u, 3u}) {
    CAPTURE(jobs);
    Run r = run_squares(jobs, 0, n, true);
    CHECK(r.out == expected);
    // the window counts batches: at most window * kBatchItems items in flight
    CHECK(r.max_in_flight <= default_window(jobs) * kBatchItems);
    if (jobs > 1) CHECK(r.max_in_flight > default_window(jobs));  // items do travel in batches
  }
}

TEST_CASE("ordered_map: the window bounds the items in flight", "[corpus]") {
  Run r = run_squares(4, 3, 50);
  CHECK(r.out.size() == 50);
  CHECK(r.max_in_flight <= 3);
  CHECK(run_squares(4, 1, 10).max_in_flight == 1);
}

TEST_CASE("ordered_map: empty input, and errors from work and emit propagate", "[corpus]") {
  CHECK(run_squares(4, 0, 0).out.empty());
  for (std::size_t jobs : {1u, 3u}) {
    CAPTURE(jobs);
    int i = 0;
    std::vector<int> emitted;
    std::function<std::optional<int>()> next = [&]() -> std::optional<int> {
      if (i >= 100) return std::nullopt;
      return i++;
    };
    std::function<int(int&)> work = [](int& v) {
      if (v == 10) throw std::runtime_error("item 10");
      return v;
    };
    std::function<void(int&, int&)> emit = [&](int&, int& v) { emitted.push_back(v); };
    CHECK_THROWS_WITH((ordered_map<int, int>(jobs, 0, next, work, emit)), "item 10");
    // Everything before the failing item was emitted, in order, and nothing after it.
    REQUIRE(emitted.size() == 10);
    CHECK(emitted.back() == 9);
    // The same when the failing item is in the middle of a batch.
    i = 0;
    emitted.clear();
    std::function<std::size_t(const int&)> small = [](const int&) { return std::size_t{100}; };
    CHECK_THROWS_WITH((ordered_map<int, int>(jobs, 0, next, work, emit, small)), "item 10");
    REQUIRE(emitted.size() == 10);
    CHECK(emitted.back() == 9);

    i = 0;
    std::function<int(int&)> ok = [](int& v) { return v; };
    std::function<void(int&, int&)> bad_emit = [](int&, int& v) {
      if (v == 5) throw std::runtime_error("emit 5");
    };
    CHECK_THROWS_WITH((ordered_map<int, int>(jobs, 0, next, ok, bad_emit)), "emit 5");
  }
  CHECK(hardware_jobs() >= 1);
}
