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
#include <map>
#include <mutex>
#include <utility>
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

namespace {

// The umask, read once before main() (reading it means setting it, which is not
// thread-safe; no thread exists yet then).
mode_t read_umask() {
  mode_t m = ::umask(022);
  ::umask(m);
  return m;
}
const mode_t kUmask = read_umask();

using FileKey = std::pair<dev_t, ino_t>;

struct InputRegistry {
  std::mutex mutex;
  std::map<FileKey, std::string> files;
};
InputRegistry& registry() {
  static InputRegistry* r = new InputRegistry;  // never destroyed: used until exit
  return *r;
}

// The registered input that is the file st describes, "" when none is. An entry
// whose path no longer names that inode (the input was deleted and the inode
// number reused by a new file) is stale and forgotten.
std::string registered_at(const struct stat& st) {
  InputRegistry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.files.find(FileKey{st.st_dev, st.st_ino});
  if (it == r.files.end()) return "";
  struct stat now {};
  bool same = (it->second == "-" ? ::fstat(0, &now) : ::stat(it->second.c_str(), &now)) == 0 &&
              now.st_dev == st.st_dev && now.st_ino == st.st_ino;
  if (!same) {
    r.files.erase(it);
    return "";
  }
  return it->second == "-" ? "standard input" : it->second;
}

bool same_file(const struct stat& a, int fd) {
  struct stat b {};
  return ::fstat(fd, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// True when following path's links passes through /proc (/dev/stdout ->
// /proc/self/fd/1, /dev/fd/3): what the link names then is an open file of some
// process, not a place to rename a file to.
bool reached_through_proc(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) return false;
  for (int hop = 0; hop < 40; ++hop) {
    fs::path dir = fs::canonical(p.parent_path(), ec);
    if (ec) return false;
    p = dir / p.filename();
    if (p.string().rfind("/proc/", 0) == 0) return true;
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return false;
    fs::path next = fs::read_symlink(p, ec);
    if (ec) return false;
    p = next.is_absolute() ? next : dir / next;
  }
  return false;
}

}  // namespace

std::string disambiguated_file_name(const std::string& name, std::string_view key, std::size_t n) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char ch : key) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ull;
  }
  char hex[10];
  std::snprintf(hex, sizeof hex, "-%08x", static_cast<unsigned>(h ^ (h >> 32)));
  std::string out = name + hex;
  if (n >= 2) out += "-" + std::to_string(n);
  return out;
}

void register_input(const std::string& path) {
  struct stat st {};
  if (path == "-") {
    if (::fstat(0, &st) != 0) return;
  } else if (path.empty() || ::stat(path.c_str(), &st) != 0) {
    return;
  }
  if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return;
  InputRegistry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.files.insert_or_assign(FileKey{st.st_dev, st.st_ino}, path);
}

std::string registered_input(const std::string& path) {
  struct stat st {};
  if (path.empty() || path == "-" || ::stat(path.c_str(), &st) != 0) return "";
  return registered_at(st);
}

void clear_registered_inputs() {
  InputRegistry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.files.clear();
}

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    fd_ = 1;
    return;
  }
  struct stat st {};
  const bool exists = ::stat(path_.c_str(), &st) == 0;
  if (exists) {
    if (std::string input = registered_at(st); !input.empty()) {
      throw UsageError("output path equals input path: " + input);
    }
    // /dev/stdout, /dev/fd/1, /proc/self/fd/1, or the file stdout was redirected to.
    if (same_file(st, 1)) {
      fd_ = 1;
      return;
    }
    if (same_file(st, 2)) {
      std::cerr.flush();
      fd_ = 2;
      direct_ = true;
      own_fd_ = false;
      return;
    }
    if (S_ISDIR(st.st_mode)) throw Error("cannot write " + path_ + ": is a directory");
    // A device, pipe or terminal, or a file some process has open (a /proc link):
    // written in place. Renaming a temporary file over it would replace the device
    // or the link with a regular file.
    const bool regular = S_ISREG(st.st_mode);
    if (!regular || reached_through_proc(path_)) {
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | (regular ? O_TRUNC : 0));
      if (fd_ < 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
      direct_ = true;
      return;
    }
  }
  // A link to a regular file: the target is replaced, the link stays a link.
  target_ = path_;
  struct stat lst {};
  if (exists && ::lstat(path_.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    std::error_code ec;
    fs::path resolved = fs::canonical(path_, ec);
    if (!ec) target_ = resolved.string();
  }
  fs::path target(target_);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  fd_ = mkstemp(buf.data());
  if (fd_ < 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
  tmp_ = buf.data();
  register_temporary(tmp_);
}

void check_not_generated_directory(const std::string& dir) {
  std::error_code ec;
  const std::filesystem::path marker = std::filesystem::path(dir) / kGeneratedMarker;
  if (!std::filesystem::exists(marker, ec)) return;
  std::string by;
  if (std::FILE* f = std::fopen(marker.c_str(), "r")) {
    char line[256] = {};
    if (std::fgets(line, sizeof line, f)) by = line;
    std::fclose(f);
  }
  while (!by.empty() && (by.back() == '\n' || by.back() == '\r')) by.pop_back();
  throw UsageError(dir + " holds generated files (" + (by.empty() ? std::string(kGeneratedMarker) : by) +
                   "): write the output elsewhere, e.g. -o out/");
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
    if (!std::cout || std::fflush(stdout) != 0) throw Error("cannot write to standard output");
    return;
  }
  if (fd_ < 0) throw Error("cannot write " + path_ + ": output already closed");
  if (direct_) {
    int fd = fd_;
    fd_ = -1;
    done_ = true;
    if (own_fd_ && ::close(fd) != 0) throw Error("cannot write " + path_ + ": " + std::strerror(errno));
    return;
  }
  auto fail = [&](const std::string& why) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::remove(tmp_.c_str());
    unregister_temporary(tmp_);
    done_ = true;
    throw Error("cannot write " + path_ + ": " + why);
  };
  if (::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) fail(std::strerror(errno));
  // The existing file's mode (and, when we may, its owner); a new file gets what
  // open(2) would give it: 0666 minus the umask.
  struct stat old {};
  if (::stat(target_.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
    if (std::string input = registered_at(old); !input.empty()) {
      discard();
      throw UsageError("output path equals input path: " + input);
    }
    if (old.st_uid != ::geteuid() || old.st_gid != ::getegid()) {
      if (::fchown(fd_, old.st_uid, old.st_gid) != 0) {
        // Not ours to give away (not root): the file becomes ours, with its mode.
      }
    }
    ::fchmod(fd_, old.st_mode & 07777);
  } else {
    ::fchmod(fd_, 0666 & ~kUmask);
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(std::strerror(errno));
  std::error_code ec;
  fs::rename(tmp_, target_, ec);
  if (ec) fail(ec.message());
  unregister_temporary(tmp_);
  done_ = true;
}

void AtomicOutput::discard() {
  done_ = true;
  if (fd_ == 1) return;
  if (direct_) {
    if (fd_ >= 0 && own_fd_) ::close(fd_);
    fd_ = -1;
    return;
  }
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) {
    std::remove(tmp_.c_str());
    unregister_temporary(tmp_);
    tmp_.clear();
  }
}

}  // namespace actorgraph
