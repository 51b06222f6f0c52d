// Stage 2 (actors): the layout of the compiled actor table, written at build time by
// ActorDictionary::compile() (actorgraph-datac actors) and read in place at start-up,
// with the actor matcher's pattern index attached (actors/matcher_index.hpp).
// Host byte order and struct layout: built and read by the same build.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace actorgraph::actor_table {

//   char magic[8] = "AGACTOR1"; Header;
//   Record[entries], StrRef[tokens], Label[labels] (sorted by code, then lang),
//   Kind[kinds] (sorted by code); then the string pool; then zero bytes up to a
//   multiple of 8 from the table's start, and the attached index (index bytes).
inline constexpr char kMagic[8] = {'A', 'G', 'A', 'C', 'T', 'O', 'R', '2'};

struct StrRef {
  std::uint32_t offset = 0;  // into the pool
  std::uint32_t size = 0;
};
struct Header {
  std::uint32_t entries = 0, tokens = 0, labels = 0, kinds = 0, pool = 0;
  std::uint32_t index = 0;  // bytes of the attached matcher index (0: none)
};
// Flag bits of Record::flags, one per ActorEntry flag.
enum Flag : std::uint16_t {
  kCaseSensitive = 1,
  kAmbiguous = 2,
  kNoCompound = 4,
  kInflected = 8,
  kAccents = 16,
  kBeforeTitle = 32,
  kEventHead = 64,
};
inline constexpr std::uint8_t kBothLangs = 0xFF;  // Record::lang of a row for both languages
struct Record {
  StrRef code, form;
  std::uint32_t first_token = 0, token_count = 0;  // StrRef[first_token, first_token + token_count)
  std::int32_t valid_from[3] = {0, 0, 0}, valid_to[3] = {0, 0, 0};  // year, month, day
  std::uint16_t flags = 0;
  std::uint8_t kind = 0, lang = kBothLangs, role = 0;
  std::uint8_t pad8 = 0;  // explicit padding: no byte of a record is left unset
  std::uint16_t pad16 = 0;
};
struct Label {
  StrRef code, form;
  std::uint32_t lang = 0;  // Lang
};
struct Kind {
  StrRef code;
  std::uint32_t kind = 0;  // ActorKind
};

// A read-only view of a compiled table (begin must stay valid).
class View {
 public:
  // nullptr when begin does not start with kMagic.
  explicit View(const unsigned char* begin) {
    if (!begin || std::memcmp(begin, kMagic, sizeof kMagic) != 0) return;
    std::memcpy(&header_, begin + sizeof kMagic, sizeof header_);
    begin_ = begin;
    base_ = begin + sizeof kMagic + sizeof header_;
  }
  bool valid() const { return base_ != nullptr; }
  const Header& header() const { return header_; }
  Record record(std::size_t i) const { return read<Record>(0, i); }
  std::string_view token(std::size_t i) const { return str(read<StrRef>(records_end(), i)); }
  Label label(std::size_t i) const { return read<Label>(tokens_end(), i); }
  Kind kind(std::size_t i) const { return read<Kind>(labels_end(), i); }
  std::string_view str(StrRef r) const { return {reinterpret_cast<const char*>(pool() + r.offset), r.size}; }
  // The attached matcher index; empty when none.
  std::string_view index() const {
    const std::size_t end = static_cast<std::size_t>(pool() - begin_) + header_.pool;
    return {reinterpret_cast<const char*>(begin_) + index_offset(end), header_.index};
  }
  // Where an index starts after `end` bytes of table: the next multiple of 8.
  static std::size_t index_offset(std::size_t end) { return (end + 7) / 8 * 8; }

 private:
  template <class T>
  T read(std::size_t at, std::size_t i) const {
    T v;
    std::memcpy(&v, base_ + at + i * sizeof(T), sizeof(T));
    return v;
  }
  std::size_t records_end() const { return header_.entries * sizeof(Record); }
  std::size_t tokens_end() const { return records_end() + header_.tokens * sizeof(StrRef); }
  std::size_t labels_end() const { return tokens_end() + header_.labels * sizeof(Label); }
  const unsigned char* pool() const { return base_ + labels_end() + header_.kinds * sizeof(Kind); }

  Header header_;
  const unsigned char* begin_ = nullptr;
  const unsigned char* base_ = nullptr;
};

}  // namespace actorgraph::actor_table
