#include "actorgraph/corpus/ordered_map.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace actorgraph {
namespace {

// Shared state of one run: the queue of produced slots and the done flags.
struct Board {
  std::mutex m;
  std::condition_variable work_cv;  // a slot was queued, or stop
  std::condition_variable done_cv;  // a slot finished
  std::deque<std::size_t> queue;
  std::vector<char> done;
  std::vector<std::exception_ptr> errors;
  bool stop = false;
  // Wake-ups only where someone waits (each is a futex call): the slot the emitting
  // thread waits for, and the number of workers waiting for a slot.
  std::size_t waiting_for = static_cast<std::size_t>(-1);
  std::size_t idle = 0;
};

// Stops and joins the workers however the run ends.
struct Crew {
  Board& board;
  std::vector<std::thread> threads;
  ~Crew() {
    {
      std::lock_guard<std::mutex> lock(board.m);
      board.stop = true;
    }
    board.work_cv.notify_all();
    for (auto& t : threads) t.join();
  }
};

}  // namespace

std::size_t hardware_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run_ordered(std::size_t jobs, std::size_t window, const std::function<bool(std::size_t)>& produce,
                 const std::function<void(std::size_t)>& work, const std::function<void(std::size_t)>& emit) {
  if (window == 0) window = 1;
  if (jobs <= 1) {
    while (produce(0)) {
      work(0);
      emit(0);
    }
    return;
  }
  Board board;
  board.done.assign(window, 0);
  board.errors.assign(window, nullptr);
  Crew crew{board, {}};
  std::size_t threads = jobs < window ? jobs : window;
  for (std::size_t i = 0; i < threads; ++i) {
    crew.threads.emplace_back([&board, &work] {
      while (true) {
        std::size_t slot;
        {
          std::unique_lock<std::mutex> lock(board.m);
          ++board.idle;
          board.work_cv.wait(lock, [&] { return board.stop || !board.queue.empty(); });
          --board.idle;
          if (board.stop) return;
          slot = board.queue.front();
          board.queue.pop_front();
        }
        std::exception_ptr error;
        try {
          work(slot);
        } catch (...) {
          error = std::current_exception();
        }
        bool wake = false;
        {
          std::lock_guard<std::mutex> lock(board.m);
          board.errors[slot] = error;
          board.done[slot] = 1;
          wake = board.waiting_for == slot;
        }
        if (wake) board.done_cv.notify_one();
      }
    });
  }

  std::size_t head = 0, tail = 0;  // sequence numbers: emitted < head <= produced < tail
  bool eof = false;
  while (true) {
    while (!eof && tail - head < window) {
      std::size_t slot = tail % window;
      if (!produce(slot)) {
        eof = true;
        break;
      }
      bool wake = false;
      {
        std::lock_guard<std::mutex> lock(board.m);
        board.done[slot] = 0;
        board.errors[slot] = nullptr;
        board.queue.push_back(slot);
        wake = board.idle > 0;
      }
      if (wake) board.work_cv.notify_one();
      ++tail;
    }
    if (head == tail) break;
    std::size_t slot = head % window;
    std::exception_ptr error;
    {
      std::unique_lock<std::mutex> lock(board.m);
      board.waiting_for = slot;
      board.done_cv.wait(lock, [&] { return board.done[slot] != 0; });
      board.waiting_for = static_cast<std::size_t>(-1);
      error = board.errors[slot];
    }
    if (error) std::rethrow_exception(error);
    emit(slot);
    ++head;
  }
}

}  // namespace actorgraph
