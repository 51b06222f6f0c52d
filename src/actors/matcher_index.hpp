// Stage 2 (actors): the layout of the compiled pattern index of the actor matcher,
// written at build time by ActorMatcher::compile() (actorgraph-datac actors, attached to
// the compiled actor table) and read in place at start-up, so the built-in names need
// no hash table built at run time. Host byte order: built and read by the same build.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

#include "actorgraph/core/flat_index.hpp"
#include "actorgraph/core/word_filter.hpp"

namespace actorgraph::matcher_index {

//   char magic[8] = "AGMINDX1"; Header; TableRef[kTables];
//   uint64 filters[2][kFilterWords] (WordFilter bits of the first tokens, by Lang de, en);
//   uint64 prefix_heads[2][kHeadWords] (ActorMatcher::head_slot bits of the prefixes);
//   Slot[slots] (every table's slots, each table a power of two); Pattern[patterns];
//   then the string pool (keys, endings, case shapes).
inline constexpr char kMagic[8] = {'A', 'G', 'M', 'I', 'N', 'D', 'X', '1'};
// Tables by index: names de, names en, compound prefixes de, compound prefixes en.
inline constexpr std::size_t kTables = 4;
inline constexpr std::size_t kFilterWords = std::size_t{1} << (WordFilter::kBits - 6);
inline constexpr std::size_t kHeadWords = (std::size_t{1} << 16) / 64;

struct Header {
  std::uint32_t entries = 0;  // dictionary entries the patterns refer to (by index)
  std::uint32_t slots = 0, patterns = 0, pool = 0;
};
struct TableRef {
  std::uint32_t first_slot = 0, slot_count = 0;  // slot_count a power of two (0: empty table)
};
// An open-addressing slot: a key and its patterns [first, first + count), longest first.
struct Slot {
  std::uint32_t tag = 0;  // the high half of flat_hash(key)
  std::uint32_t key_offset = 0, key_size = 0;
  std::uint32_t first = 0, count = 0;  // count 0: empty slot
};
struct Pattern {
  std::uint32_t entry = 0;  // index into the dictionary's entries
  std::uint32_t suffix_offset = 0, shapes_offset = 0;
  std::uint8_t suffix_size = 0, shapes_size = 0;  // shapes_size 0: no case shapes
  std::uint8_t genitive = 0, pad = 0;
};

// A read-only view of a compiled index (its bytes must stay valid).
class View {
 public:
  View() = default;
  // Not valid() when bytes does not start with kMagic or is too short for its header.
  explicit View(std::string_view bytes) {
    const std::size_t fixed = sizeof kMagic + sizeof(Header) + kTables * sizeof(TableRef) +
                              (kFilterWords + kHeadWords) * 2 * sizeof(std::uint64_t);
    if (bytes.size() < fixed || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return;
    const char* p = bytes.data() + sizeof kMagic;
    std::memcpy(&header_, p, sizeof header_);
    p += sizeof header_;
    std::memcpy(tables_, p, sizeof tables_);
    p += sizeof tables_;
    filters_ = p;
    heads_ = filters_ + 2 * kFilterWords * sizeof(std::uint64_t);
    slots_ = heads_ + 2 * kHeadWords * sizeof(std::uint64_t);
    patterns_ = slots_ + std::size_t{header_.slots} * sizeof(Slot);
    pool_ = patterns_ + std::size_t{header_.patterns} * sizeof(Pattern);
    if (fixed + std::size_t{header_.slots} * sizeof(Slot) + std::size_t{header_.patterns} * sizeof(Pattern) +
            header_.pool != bytes.size()) {
      return;
    }
    valid_ = true;
  }
  bool valid() const { return valid_; }
  const Header& header() const { return header_; }
  // The first-token filter bit of w in language l (0 de, 1 en).
  bool may_start(std::size_t l, std::string_view w) const { return bit(filters_, l * kFilterWords, WordFilter::slot(w)); }
  bool prefix_head(std::size_t l, std::size_t head_slot) const { return bit(heads_, l * kHeadWords, head_slot); }
  // The slot of key in table t (< kTables); a slot with count 0 when key is absent.
  Slot find(std::size_t t, std::string_view key) const {
    const TableRef& ref = tables_[t];
    if (ref.slot_count == 0) return {};
    const std::uint64_t h = flat_hash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::uint32_t mask = ref.slot_count - 1;
    for (std::uint32_t s = static_cast<std::uint32_t>(h) & mask;; s = (s + 1) & mask) {
      Slot slot;
      std::memcpy(&slot, slots_ + (std::size_t{ref.first_slot} + s) * sizeof(Slot), sizeof slot);
      if (slot.count == 0) return {};
      if (slot.tag == tag && str(slot.key_offset, slot.key_size) == key) return slot;
    }
  }
  Pattern pattern(std::size_t i) const {
    Pattern p;
    std::memcpy(&p, patterns_ + i * sizeof(Pattern), sizeof p);
    return p;
  }
  std::string_view str(std::uint32_t offset, std::uint32_t size) const { return {pool_ + offset, size}; }

 private:
  static bool bit(const char* words, std::size_t first_word, std::size_t b) {
    std::uint64_t w;
    std::memcpy(&w, words + (first_word + (b >> 6)) * sizeof w, sizeof w);
    return (w >> (b & 63)) & 1;
  }

  Header header_;
  TableRef tables_[kTables];
  const char* filters_ = nullptr;
  const char* heads_ = nullptr;
  const char* slots_ = nullptr;
  const char* patterns_ = nullptr;
  const char* pool_ = nullptr;
  bool valid_ = false;
};

}  // namespace actorgraph::matcher_index
