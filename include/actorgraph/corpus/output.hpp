// The output layer: every file actorgraph writes goes through AtomicOutput, which
// knows the run's inputs by device and inode (never writes onto one), writes
// regular files atomically (temporary file + rename, the umask's permissions or
// the existing file's mode) and special files (devices, pipes, terminals,
// /dev/stdout) in place. Also safe per-article file names.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace actorgraph {

// A file name (no directory part) for an article id: '/', '\\', control bytes and
// characters that shells or other systems treat specially become '_', a leading
// '.' becomes '_' (no hidden files, no "." or ".."), an empty id becomes "_", and a
// name longer than 150 bytes is cut at a UTF-8 boundary and given a hash suffix
// so distinct long ids stay distinct. Ids that are already safe are unchanged.
std::string safe_file_name(std::string_view id);

// The name for the n-th (n >= 1) output whose safe_file_name() clashes with an
// earlier one or with an input: name + "-" + 8 hex digits of key's FNV-1a hash
// (key: what makes the input unique, its path or raw id), + "-n" from n = 2 on.
// Its length never grows with the number of clashes beyond the digits of n.
std::string disambiguated_file_name(const std::string& name, std::string_view key, std::size_t n);

// ---- Inputs of the run. Every path the run reads (articles, corpora, --dict
// files, stores, directories) is registered here, by device and inode, before
// outputs are committed; AtomicOutput refuses to open or replace a registered
// file (UsageError "output path equals input path: P", exit 2). Thread-safe.

// Records path's file or directory (following links). "-" records standard input
// when it is a regular file. Paths that do not exist, devices and pipes are not
// recorded (they cannot be replaced by an output).
void register_input(const std::string& path);
// The registered input (as last registered) that path names, also through links,
// hard links or another spelling; "" when none does.
std::string registered_input(const std::string& path);
// Forgets every registered input (tests).
void clear_registered_inputs();

// Writes one output. A regular file (new or existing) is written to a temporary
// file beside it and renamed over it on commit(), so readers never see a
// half-written file; it gets the existing file's mode, else 0666 minus the umask.
// A link to a regular file is resolved and its target replaced (the link stays).
// "-" (or "") is standard output; a path naming the file that standard output or
// standard error already is (/dev/stdout, /dev/fd/2, /proc/self/fd/1) writes to
// that stream; anything else that is not a regular file (/dev/null, a FIFO, a
// terminal) or is reached through /proc is written in place, never renamed over.
// When destroyed without commit() (an error, an exception) the temporary file is
// removed. Throws UsageError when path is a registered input (at construction and
// again before the rename), Error "cannot write PATH: why" otherwise.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void write(std::string_view bytes);  // throws Error on a write failure
  void commit();                       // flush, fsync, rename; throws Error
  void discard();                      // remove the temporary file (no-op for stdout)
  bool is_stdout() const { return fd_ == 1 && !direct_; }
  std::uint64_t bytes_written() const { return written_; }

 private:
  std::string path_;    // as the user gave it (messages)
  std::string target_;  // the regular file renamed over: path_ with links resolved
  std::string tmp_;
  int fd_ = -1;
  std::uint64_t written_ = 0;
  bool done_ = false;
  bool direct_ = false;  // a device, pipe or standard stream, written in place
  bool own_fd_ = true;   // false for standard error reached through its path
};

// bytes to path through AtomicOutput ("-" = stdout). Throws Error "cannot write PATH: why".
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace actorgraph
