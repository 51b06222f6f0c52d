// What --version reports: the commit the binary was configured from and a hash of the
// data compiled into it (every data/ file and the compiled tables).
#include "actorgraph/core/fingerprint.hpp"

#include <cstdint>
#include <cstdio>

#include "actorgraph/core/embedded.hpp"

#ifndef ACTORGRAPH_COMMIT
#define ACTORGRAPH_COMMIT "unknown"
#endif

namespace actorgraph {
namespace {

void fnv(std::uint64_t& h, const unsigned char* b, const unsigned char* e) {
  for (; b != e; ++b) {
    h ^= *b;
    h *= 1099511628211ull;
  }
}

void fnv(std::uint64_t& h, std::string_view s) {
  auto b = reinterpret_cast<const unsigned char*>(s.data());
  fnv(h, b, b + s.size());
}

}  // namespace

std::string data_fingerprint() {
  std::uint64_t h = 14695981039346656037ull;
  for (const auto& f : embedded_files()) {
    fnv(h, f.path);
    fnv(h, f.content);
  }
  for (const auto& b : embedded_blobs()) {
    fnv(h, b.path);
    fnv(h, b.begin, b.end);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string version_text() {
  return std::string("actorgraph ") + ACTORGRAPH_VERSION + " (commit " + ACTORGRAPH_COMMIT + ", data " +
         data_fingerprint() + ")";
}

}  // namespace actorgraph
