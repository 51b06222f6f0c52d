// A Bloom-style set of words to skip hash-table lookups of
// words that are not keys (most tokens of a text are no actor name).
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace actorgraph {

// One bit per word in 2^18 bits (32 KB), chosen by the word's length and its first
// and last four bytes: may_contain() is true for every word added and for a few
// percent of the others. The bits are allocated by the first add(): a filter nothing
// was added to costs no memory (the actor matcher keeps one for --dict rows only).
class WordFilter {
 public:
  static constexpr int kBits = 18;

  void add(std::string_view w) {
    if (bits_.empty()) bits_.assign(std::size_t{1} << (kBits - 6), 0);
    const std::size_t s = slot(w);
    bits_[s >> 6] |= std::uint64_t{1} << (s & 63);
  }
  bool may_contain(std::string_view w) const {
    if (bits_.empty()) return false;
    const std::size_t s = slot(w);
    return (bits_[s >> 6] >> (s & 63)) & 1;
  }
  // The bits, 64 to a word, bit slot(w) for each word added; empty when none was added
  // (compiled tables store them: matcher_index.hpp).
  const std::vector<std::uint64_t>& bits() const { return bits_; }
  // The bit of w, in [0, 2^kBits).
  static std::size_t slot(std::string_view w) {
    const std::size_t n = w.size();
    std::uint64_t key = n;
    if (n >= 4) {
      std::uint32_t head, tail;
      std::memcpy(&head, w.data(), 4);
      std::memcpy(&tail, w.data() + n - 4, 4);
      key ^= (std::uint64_t{head} << 32 | tail) * 0xFF51AFD7ED558CCDULL;
    } else {
      for (std::size_t k = 0; k < n; ++k) key ^= std::uint64_t{static_cast<unsigned char>(w[k])} << (8 * k + 8);
    }
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> (64 - kBits));
  }

 private:
  std::vector<std::uint64_t> bits_;
};

}  // namespace actorgraph
