// Shared helper of the lookup stages (lexicon, actor names): strings numbered 0..n-1
// in one open-addressing table over one string pool, for the hot per-token lookups.
// A miss costs one slot read (the full 64-bit hash is compared first), a hit one more
// read of the pool; no lookup allocates or hashes byte by byte.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// 64-bit hash of a short string, eight bytes at a time. Host byte order: tables that
// store it (the compiled lemma tables) are built and read by the same build.
inline std::uint64_t flat_hash(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = s.size() * 0xC2B2AE3D27D4EB4FULL;
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul;
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ULL;
  h ^= h >> 32;
  return h;
}

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // The id of key (0, 1, 2, ... in order of first insertion), adding it when new.
  std::uint32_t insert(std::string_view key) {
    const std::uint64_t h = flat_hash(key);
    if (std::uint32_t id = find(key, h); id != kNone) return id;
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const auto id = static_cast<std::uint32_t>(size_++);
    const auto offset = static_cast<std::uint32_t>(pool_.size());
    const auto len = static_cast<std::uint32_t>(key.size());
    pool_.append(reinterpret_cast<const char*>(&len), sizeof len);
    if (len > 0) pool_.append(key.data(), len);
    offsets_.push_back(offset);
    place(Slot{h, offset, id});
    return id;
  }
  // The id of key, or kNone.
  std::uint32_t find(std::string_view key) const { return find(key, flat_hash(key)); }
  std::size_t size() const { return size_; }
  // The key of id (< size()).
  std::string_view key(std::uint32_t id) const {
    std::uint32_t len;
    std::memcpy(&len, pool_.data() + offsets_[id], sizeof len);
    return {pool_.data() + offsets_[id] + sizeof len, len};
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // of the key's length (4 bytes) and bytes in pool_
    std::uint32_t id = kNone;  // kNone = empty slot
  };
  std::uint32_t find(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return kNone;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.id == kNone) return kNone;
      if (slot.hash != h) continue;
      std::uint32_t len;
      std::memcpy(&len, pool_.data() + slot.offset, sizeof len);
      if (len == key.size() && (len == 0 || std::memcmp(pool_.data() + slot.offset + sizeof len, key.data(), len) == 0)) {
        return slot.id;
      }
    }
  }
  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = slot.hash & mask;
    while (slots_[s].id != kNone) s = (s + 1) & mask;
    slots_[s] = slot;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.id != kNone) place(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string pool_;
  std::vector<std::uint32_t> offsets_;  // by id
  std::size_t size_ = 0;
};

// A map from strings to V over a FlatIndex: values by id, in order of first insertion.
template <class V>
class FlatMap {
 public:
  // The value of key, default-constructed when new.
  V& operator[](std::string_view key) {
    std::uint32_t id = index_.insert(key);
    if (id == values_.size()) values_.emplace_back();
    return values_[id];
  }
  // The value of key; nullptr when absent.
  const V* find(std::string_view key) const {
    std::uint32_t id = index_.find(key);
    return id == FlatIndex::kNone ? nullptr : &values_[id];
  }
  std::vector<V>& values() { return values_; }
  bool empty() const { return values_.empty(); }

 private:
  FlatIndex index_;
  std::vector<V> values_;
};

}  // namespace actorgraph
