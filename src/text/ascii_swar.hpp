// Private to src/text: tests on 8 ASCII bytes at a time in one 64-bit word.
#pragma once
#include <cstdint>

namespace actorgraph {

constexpr std::uint64_t kAsciiOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kAsciiHighs = 0x8080808080808080ULL;

// The high bit of each byte of v that lies in [lo, hi]; every byte of v must be
// ASCII (< 0x80), so no sum carries into the next byte.
inline std::uint64_t ascii_bytes_in(std::uint64_t v, unsigned char lo, unsigned char hi) {
  return ((v + kAsciiOnes * (0x80u - lo)) ^ (v + kAsciiOnes * (0x80u - hi - 1u))) & kAsciiHighs;
}

}  // namespace actorgraph
