// Corpus processing: a one-line progress display (articles, articles/s, failures,
// percentage and ETA when the total is known), redrawn at most ten times a second.
#pragma once
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace actorgraph {

// The text of one progress line (no "\r"): done and failed items, elapsed seconds,
// and fraction in [0, 1] of the work done, or a negative value when unknown (then
// there is no percentage and no ETA).
std::string progress_text(std::size_t done, std::size_t failed, double elapsed_seconds, double fraction,
                          std::size_t total_items);

class ProgressMeter {
 public:
  // enabled = false makes every call a no-op (stderr is not a terminal).
  // total_items or total_bytes (0 = unknown) give the fraction done.
  ProgressMeter(std::ostream& out, bool enabled, std::size_t total_items = 0, std::uint64_t total_bytes = 0);
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  // Records progress; redraws when 100 ms have passed since the last drawing.
  // bytes_done is used for the fraction when total_bytes was given.
  void update(std::size_t done, std::size_t failed, std::uint64_t bytes_done = 0);
  // Prints a message line above the bar (clearing the bar first when enabled).
  void message(const std::string& line);
  // Draws the final state and ends the line; called by the destructor too.
  void finish();

 private:
  void draw();
  std::ostream& out_;
  bool enabled_;
  std::size_t total_items_;
  std::uint64_t total_bytes_;
  std::size_t done_ = 0, failed_ = 0;
  std::uint64_t bytes_ = 0;
  bool drawn_ = false, finished_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace actorgraph
