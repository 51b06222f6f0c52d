// Corpus output: safe per-article file names and an output file that is written
// as a stream but appears only when complete (temporary file + rename).
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

// Writes to a temporary file beside path and renames it over path on commit(), so
// readers never see a half-written file. "-" writes straight to stdout, and an
// existing file that is not a regular file (/dev/null, a FIFO) is written in place,
// never replaced. When destroyed without commit() (an error, an exception) the
// temporary file is removed.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path);  // throws Error "cannot write PATH: why"
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  void write(std::string_view bytes);  // throws Error on a write failure
  void commit();                       // flush, fsync, rename; throws Error
  void discard();                      // remove the temporary file (no-op for stdout)
  bool is_stdout() const { return fd_ == 1; }
  std::uint64_t bytes_written() const { return written_; }

 private:
  std::string path_, tmp_;
  int fd_ = -1;
  std::uint64_t written_ = 0;
  bool done_ = false;
  bool direct_ = false;  // a device or pipe, written in place
};

// bytes to path through AtomicOutput ("-" = stdout). Throws Error "cannot write PATH: why".
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace actorgraph
