// Corpus processing: a parallel map over a stream whose results come back in
// input order, with a bounded number of items in flight so memory stays flat.
#pragma once
#include <cstddef>
#include <exception>
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

// Batches for the workers: with several jobs, items are handed over in batches of
// about kBatchBytes (by the caller's size_of) and at most kBatchItems, so the hand-over
// (a lock and often a futex wake-up) is paid once per batch, not per item.
inline constexpr std::size_t kBatchBytes = 64 * 1024;
inline constexpr std::size_t kBatchItems = 256;

// Applies work() to every item next() yields, on `jobs` threads, and hands each
// (item, result) to emit() on the calling thread in the order next() yielded
// them, so the output is the same for any number of jobs. next() returns nullopt
// at the end (and is not called again). work() must be safe to call concurrently on
// distinct items. size_of(item) (bytes, or any weight) groups items into batches when
// jobs > 1; without it every item is a batch of its own. At most `window` batches are
// in flight. An exception escaping work() for an item is rethrown after the items
// before it were emitted.
template <class In, class Out>
void ordered_map(std::size_t jobs, std::size_t window, const std::function<std::optional<In>()>& next,
                 const std::function<Out(In&)>& work, const std::function<void(In&, Out&)>& emit,
                 const std::function<std::size_t(const In&)>& size_of = {}) {
  if (window == 0) window = default_window(jobs);
  const bool batched = jobs > 1 && size_of;
  struct Batch {
    std::vector<In> ins;
    std::vector<std::optional<Out>> outs;
    std::exception_ptr error;  // from work() on ins[outs.size()]
  };
  std::vector<Batch> batches(window);
  bool ended = false;
  run_ordered(
      jobs, window,
      [&](std::size_t s) {
        Batch& b = batches[s];
        b.ins.clear();
        std::size_t bytes = 0;
        while (!ended) {
          std::optional<In> item = next();
          if (!item) {
            ended = true;
            break;
          }
          bytes += batched ? size_of(*item) : kBatchBytes;
          b.ins.push_back(std::move(*item));
          if (bytes >= kBatchBytes || b.ins.size() >= kBatchItems) break;
        }
        return !b.ins.empty();
      },
      [&](std::size_t s) {
        Batch& b = batches[s];
        b.outs.clear();
        b.error = nullptr;
        for (In& in : b.ins) {
          try {
            b.outs.emplace_back(work(in));
          } catch (...) {
            b.error = std::current_exception();
            return;
          }
        }
      },
      [&](std::size_t s) {
        Batch& b = batches[s];
        for (std::size_t k = 0; k < b.outs.size(); ++k) emit(b.ins[k], *b.outs[k]);
        if (b.error) std::rethrow_exception(b.error);
        b.ins.clear();
        b.outs.clear();
      });
}

// The number of hardware threads (at least 1): the default for --jobs.
std::size_t hardware_jobs();

}  // namespace actorgraph
