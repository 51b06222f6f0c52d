// Stage 3b (learn): the built-in edge model compiled at build time. actorgraph-modelc
// turns data/model/edges.tsv into a blob linked into the binary (cmake: .incbin), so
// start-up parses none of its tens of thousands of weight rows:
//   char magic[8] = "AGMODEL1"; uint32 settings_bytes; uint32 count;
//   the file's mode and threshold rows as text, padded to 8 bytes;
//   count entries {uint64 hash; float weights[kRelationTypeCount]; uint32 pad}, sorted by hash;
//   uint32 slot_count, uint32 0, uint32 slots[slot_count]: an open-addressing index by the
//   hash's low bits (1 + entry index, 0 = empty).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "actorgraph/core/types.hpp"

namespace actorgraph::model_blob {

struct Entry {
  std::uint64_t hash;
  float weights[kRelationTypeCount];
  std::uint32_t pad;
};
static_assert(sizeof(Entry) == 8 + 4 * kRelationTypeCount + 4, "no padding inside an entry");

struct View {
  std::string_view settings;  // "mode ..." and "threshold ..." rows, a model file without weights
  const Entry* begin = nullptr;
  const Entry* end = nullptr;
  const std::uint32_t* slots = nullptr;
  std::uint64_t slot_mask = 0;
  bool empty() const { return begin == end; }
  // The weights of a feature hash, or nullptr.
  const float* find(std::uint64_t hash) const;
  // Starts loading the slot where find(hash) begins (a find a few features later then
  // does not wait for memory).
  void prefetch(std::uint64_t hash) const {
    if (slots != nullptr) __builtin_prefetch(slots + (hash & slot_mask));
  }
  // Starts loading the entry in the slot where find(hash) begins (best once that slot
  // was prefetched).
  void prefetch_entry(std::uint64_t hash) const {
    if (slots == nullptr) return;
    if (std::uint32_t v = slots[hash & slot_mask]; v != 0) __builtin_prefetch(begin + (v - 1));
  }
};

// Compiles a "#actorgraph-model 1" file (DataError "name:line: what" on a bad row).
std::string compile(std::string_view tsv, const std::string& name);
// Reads a compiled blob (DataError when malformed). The bytes must stay alive.
View view(const unsigned char* begin, const unsigned char* end, const std::string& name);
// The model compiled into this binary.
View builtin();

}  // namespace actorgraph::model_blob
