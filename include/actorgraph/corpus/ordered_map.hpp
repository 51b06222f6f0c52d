// Corpus processing: a parallel map over a stream whose results come back in
// input order, with a bounded number of items in flight so memory stays flat.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace actorgraph {

// The type-erased engine behind ordered_map(). Slots are 0..window-1.
//  - produce(slot) runs on the calling thread, fills the slot with the next item
//    and returns false at the end of the input;
//  - work(slot) runs on one of `jobs` worker threads (on the calling thread when
//    jobs <= 1);
//  - emit(slot) runs on the calling thread, strictly in input order, once the
//    item's work is done; the slot is then reused.
// At most `window` items are produced but not yet emitted. An exception from
// produce or emit, or one escaping work (rethrown when that item's turn to be
// emitted comes), stops the workers, joins them and propagates to the caller.
void run_ordered(std::size_t jobs, std::size_t window, const std::function<bool(std::size_t)>& produce,
                 const std::function<void(std::size_t)>& work, const std::function<void(std::size_t)>& emit);

// The default in-flight window for `jobs` workers: enough to keep them busy while
// one slow item holds up the head of the line.
inline std::size_t default_window(std::size_t jobs) { return jobs <= 1 ? 1 : jobs * 4; }

// Applies work() to every item next() yields, on `jobs` threads, and hands each
// (item, result) to emit() on the calling thread in the order next() yielded
// them, so the output is the same for any number of jobs. next() returns nullopt
// at the end. work() must be safe to call concurrently on distinct items.
template <class In, class Out>
void ordered_map(std::size_t jobs, std::size_t window, const std::function<std::optional<In>()>& next,
                 const std::function<Out(In&)>& work, const std::function<void(In&, Out&)>& emit) {
  if (window == 0) window = default_window(jobs);
  std::vector<std::optional<In>> ins(window);
  std::vector<std::optional<Out>> outs(window);
  run_ordered(
      jobs, window,
      [&](std::size_t s) {
        ins[s] = next();
        return ins[s].has_value();
      },
      [&](std::size_t s) { outs[s].emplace(work(*ins[s])); },
      [&](std::size_t s) {
        emit(*ins[s], *outs[s]);
        ins[s].reset();
        outs[s].reset();
      });
}

// The number of hardware threads (at least 1): the default for --jobs.
std::size_t hardware_jobs();

}  // namespace actorgraph
