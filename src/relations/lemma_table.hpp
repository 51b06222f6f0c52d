// Stage 3 (relations): the lemma cues of the built-in rules resolved against the built-in
// lemma tables at build time (actorgraph-datac lemmas, written by RuleSet::compile_lemmas())
// and read in place at start-up, so that start-up looks none of them up in the morphology.
#pragma once
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "actorgraph/core/types.hpp"

namespace actorgraph::lemma_table {

//   char magic[8] = "AGLEMMA1"; uint32 count; uint32 offsets[count] (of records in the
//   pool, in the order of their keys); then the pool: records "key_len key head_len head
//   prefix_len prefix", each length one byte. A key is 'd' or 'e' (the rule's language)
//   followed by the cue's lemma ("=angreifen": "dangreifen").
inline constexpr char kMagic[8] = {'A', 'G', 'L', 'E', 'M', 'M', 'A', '1'};

inline std::string key(Lang lang, std::string_view lemma) {
  return (lang == Lang::de ? "d" : "e") + std::string(lemma);
}

// How a lemma cue matches (TokenGlob::head, TokenGlob::compound_prefix): both empty for a
// lemma of the table itself.
struct Resolved {
  std::string_view head, compound_prefix;
};

// A read-only view of a compiled table (its bytes must stay valid).
class View {
 public:
  View() = default;
  // Not valid() when bytes is empty or does not start with kMagic.
  explicit View(std::string_view bytes) {
    if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return;
    std::memcpy(&count_, bytes.data() + sizeof kMagic, 4);
    offsets_ = bytes.data() + sizeof kMagic + 4;
    pool_ = offsets_ + std::size_t{count_} * 4;
  }
  bool valid() const { return offsets_ != nullptr; }
  // The resolution of a lemma cue of language lang; nullopt when the table lacks it.
  std::optional<Resolved> find(Lang lang, std::string_view lemma) const {
    const char lang_byte = lang == Lang::de ? 'd' : 'e';  // key()'s first byte
    std::uint32_t lo = 0, hi = count_;
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo) / 2;
      // The order of key(): the language byte, then the lemma (no key built per lookup).
      const std::string_view k = field(record(mid), 0);
      const int c = k.empty() || k[0] != lang_byte ? (k.empty() || k[0] < lang_byte ? -1 : 1) : k.substr(1).compare(lemma);
      if (c == 0) {
        const char* r = record(mid);
        return Resolved{field(r, 1), field(r, 2)};
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return std::nullopt;
  }

 private:
  const char* record(std::uint32_t i) const {
    std::uint32_t offset;
    std::memcpy(&offset, offsets_ + std::size_t{i} * 4, 4);
    return pool_ + offset;
  }
  // Field n (0 key, 1 head, 2 prefix) of the record at r.
  static std::string_view field(const char* r, int n) {
    for (int k = 0; k < n; ++k) r += 1 + static_cast<unsigned char>(*r);
    return {r + 1, static_cast<unsigned char>(*r)};
  }

  std::uint32_t count_ = 0;
  const char* offsets_ = nullptr;
  const char* pool_ = nullptr;
};

}  // namespace actorgraph::lemma_table
