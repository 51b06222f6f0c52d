#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace actorgraph {
namespace {

// The first byte at or after i that is not ASCII, or len; 8 bytes at a time.
std::size_t next_non_ascii(const std::uint8_t* p, std::size_t i, std::size_t len) {
  for (; len - i >= 8; i += 8) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    if (v & 0x8080808080808080ULL) break;
  }
  while (i < len && p[i] < 0x80) ++i;
  return i;
}

// Calls bad(begin, end) for each invalid sequence [begin, end) of s in order, while
// it returns true.
template <class Bad>
void for_each_invalid(std::string_view s, Bad bad) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t len = s.size();
  for (std::size_t i = next_non_ascii(p, 0, len); i < len; i = next_non_ascii(p, i, len)) {
    // U8_NEXT takes int32_t offsets: walk in windows so any length works.
    const auto window = static_cast<std::int32_t>(std::min<std::size_t>(len - i, 4));
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, window, c);
    if (c < 0 && !bad(i, i + static_cast<std::size_t>(k))) return;
    i += static_cast<std::size_t>(k);
  }
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t first = std::string::npos;
  for_each_invalid(s, [&](std::size_t begin, std::size_t) {
    first = begin;
    return false;
  });
  return first;
}

std::size_t replace_invalid_utf8(std::string& s) {
  std::size_t replaced = 0;
  for_each_invalid(s, [&](std::size_t begin, std::size_t end) {
    std::fill(s.begin() + static_cast<std::ptrdiff_t>(begin), s.begin() + static_cast<std::ptrdiff_t>(end), '?');
    replaced += end - begin;
    return true;
  });
  return replaced;
}

std::string valid_utf8(std::string s) {
  replace_invalid_utf8(s);
  return s;
}

}  // namespace actorgraph
