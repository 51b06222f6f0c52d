#include "actorgraph/corpus/output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <vector>

#include "actorgraph/core/error.hpp"

namespace actorgraph {

namespace fs = std::filesystem;

std::string safe_file_name(std::string_view id) {
  constexpr std::size_t kMax = 150;
  std::string out;
  out.reserve(id.size());
  for (char ch : id) {
    auto c = static_cast<unsigned char>(ch);
    bool bad = c < 0x20 || c == 0x7f || ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' ||
               ch == '"' || ch == '<' || ch == '>' || ch == '|';
    out += bad ? '_' : ch;
  }
  if (out.empty()) out = "_";
  if (out[0] == '.') out[0] = '_';
  if (out.size() > kMax) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a of the whole id
    for (char ch : id) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ull;
    }
    std::size_t cut = kMax - 17;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    char hex[18];
    std::snprintf(hex, sizeof hex, "-%016llx", static_cast<unsigned long long>(h));
    out = out.substr(0, cut) + hex;
  }
  return out;
}

namespace {

// Temporary files in flight, removed by a handler when SIGINT, SIGTERM or SIGHUP
// ends the process (Ctrl-C during a long extract leaves no ".NAME.tmp.XXXXXX"
// behind). The handler only reads these slots and calls unlink(), both
// async-signal-safe; a slot is filled before it is marked ready.
constexpr int kTempSlots = 64;
enum SlotState : int { kFree = 0, kFilling = 1, kReady = 2 };
struct TempSlot {
  std::atomic<int> state{kFree};
  char path[4096];
};
TempSlot g_temp_slots[kTempSlots];

void remove_temporaries_and_reraise(int sig) {
  for (auto& slot : g_temp_slots) {
    if (slot.state.load() == kReady) ::unlink(slot.path);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void install_cleanup_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old {};
      if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // not ours to replace
      struct sigaction sa {};
      sa.sa_handler = remove_temporaries_and_reraise;
      sigemptyset(&sa.sa_mask);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

void register_temporary(const std::string& path) {
  if (path.size() >= sizeof(TempSlot::path)) return;
  install_cleanup_handlers();
  for (auto& slot : g_temp_slots) {
    int expected = kFree;
    if (!slot.state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.state.store(kReady);
    return;
  }
}

void unregister_temporary(const std::string& path) {
  for (auto& slot : g_temp_slots) {
    if (slot.state.load() == kReady && path == slot.path) {
      slot.state.store(kFree);
      return;
    }
  }
}

}  // namespace

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    fd_ = 1;
    return;
  }
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: renaming
  // a temporary file over it would replace the device with a regular file.
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw Error("cannot write " + path_ + ": is a directory");
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
    direct_ = true;
    return;
  }
  fs::path target(path_);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  fd_ = mkstemp(buf.data());
  if (fd_ < 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
  tmp_ = buf.data();
  register_temporary(tmp_);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicOutput out(path);
  out.write(bytes);
  out.commit();
}

AtomicOutput::~AtomicOutput() {
  if (!done_) discard();
}

void AtomicOutput::write(std::string_view bytes) {
  if (fd_ == 1) {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!std::cout) throw Error("cannot write to standard output");
    written_ += bytes.size();
    return;
  }
  if (fd_ < 0) throw Error("cannot write " + path_ + ": output already closed");
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot write " + path_ + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  written_ += bytes.size();
}

void AtomicOutput::commit() {
  if (fd_ == 1) {
    std::cout.flush();
    done_ = true;
    if (!std::cout) throw Error("cannot write to standard output");
    return;
  }
  if (fd_ < 0) throw Error("cannot write " + path_ + ": output already closed");
  if (direct_) {
    int fd = fd_;
    fd_ = -1;
    done_ = true;
    if (::close(fd) != 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
    return;
  }
  if (::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) {
    throw Error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    std::remove(tmp_.c_str());
    unregister_temporary(tmp_);
    throw Error("cannot write " + path_ + ": " + std::strerror(errno));
  }
  ::chmod(tmp_.c_str(), 0644);
  std::error_code ec;
  fs::rename(tmp_, path_, ec);
  if (ec) std::remove(tmp_.c_str());
  unregister_temporary(tmp_);
  if (ec) throw Error("cannot write " + path_ + ": " + ec.message());
  done_ = true;
}

void AtomicOutput::discard() {
  done_ = true;
  if (fd_ == 1) return;
  if (direct_) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return;
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) {
    std::remove(tmp_.c_str());
    unregister_temporary(tmp_);
  }
}

}  // namespace actorgraph
