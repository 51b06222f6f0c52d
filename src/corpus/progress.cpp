#include "actorgraph/corpus/progress.hpp"

#include <cstdio>
#include <iostream>

namespace actorgraph {
namespace {

std::string clock_text(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

std::string progress_text(std::size_t done, std::size_t failed, double elapsed, double fraction,
                          std::size_t total_items) {
  std::string s = std::to_string(done);
  if (total_items > 0) s += "/" + std::to_string(total_items);
  s += " articles";
  char buf[64];
  if (fraction >= 0) {
    std::snprintf(buf, sizeof buf, "  %3.0f%%", fraction * 100);
    s += buf;
  }
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  std::snprintf(buf, sizeof buf, "  %.1f articles/s", rate);
  s += buf;
  if (failed > 0) s += "  " + std::to_string(failed) + " failed";
  if (fraction > 0 && fraction < 1 && elapsed > 0) {
    s += "  ETA " + clock_text(elapsed * (1 - fraction) / fraction);
  } else {
    s += "  " + clock_text(elapsed);
  }
  return s;
}

ProgressMeter::ProgressMeter(std::ostream& out, bool enabled, std::size_t total_items, std::uint64_t total_bytes)
    : out_(out),
      enabled_(enabled),
      total_items_(total_items),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

ProgressMeter::~ProgressMeter() { finish(); }

void ProgressMeter::update(std::size_t done, std::size_t failed, std::uint64_t bytes_done) {
  done_ = done;
  failed_ = failed;
  bytes_ = bytes_done;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  draw();
}

void ProgressMeter::draw() {
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double fraction = -1;
  if (total_items_ > 0) {
    fraction = static_cast<double>(done_) / static_cast<double>(total_items_);
  } else if (total_bytes_ > 0) {
    fraction = static_cast<double>(bytes_) / static_cast<double>(total_bytes_);
  }
  if (fraction > 1) fraction = 1;
  out_ << "\r\x1b[K" << progress_text(done_, failed_, elapsed, fraction, total_items_) << std::flush;
  drawn_ = true;
}

void ProgressMeter::message(const std::string& line) {
  if (enabled_ && drawn_) out_ << "\r\x1b[K";
  out_ << line << "\n";
  if (enabled_ && drawn_) draw();
  out_.flush();
}

void ProgressMeter::finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  draw();
  out_ << "\n" << std::flush;
}

}  // namespace actorgraph
