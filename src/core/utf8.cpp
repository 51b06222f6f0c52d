#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace actorgraph {

std::size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto len = static_cast<std::int64_t>(s.size());
  for (std::int64_t i = 0; i < len;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // U8_NEXT takes int32_t offsets: walk in windows so any length works.
    const std::int64_t start = i;
    const auto window = static_cast<std::int32_t>(std::min<std::int64_t>(len - start, 4));
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + start, k, window, c);
    if (c < 0) return static_cast<std::size_t>(start);
    i = start + k;
  }
  return std::string::npos;
}

std::size_t replace_invalid_utf8(std::string& s) {
  std::size_t replaced = 0;
  auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const std::size_t len = s.size();
  for (std::size_t i = 0; i < len;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const auto window = static_cast<std::int32_t>(std::min<std::size_t>(len - i, 4));
    std::int32_t k = 0;
    UChar32 c;
    U8_NEXT(p + i, k, window, c);
    if (c < 0) {
      for (std::int32_t j = 0; j < k; ++j) s[i + static_cast<std::size_t>(j)] = '?';
      replaced += static_cast<std::size_t>(k);
    }
    i += static_cast<std::size_t>(k);
  }
  return replaced;
}

std::string valid_utf8(std::string s) {
  replace_invalid_utf8(s);
  return s;
}

}  // namespace actorgraph
