// The compiled lemma table: layout, lookup and the build-time compiler (used by
// actorgraph-morphc, which has no embedded tables to link against).
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/lines.hpp"
#include "actorgraph/text/morphology.hpp"

namespace actorgraph {
namespace morph {
namespace {

std::uint32_t read_u32(const unsigned char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void put_u32(std::string& out, std::size_t at, std::uint32_t v) { std::memcpy(&out[at], &v, sizeof v); }

}  // namespace

std::string_view Entry::lemma(std::size_t i) const {
  const unsigned char* q = p_ + 1 + p_[0] + 1;
  for (std::size_t k = 0; k < i; ++k) q += 1 + q[0];
  return {reinterpret_cast<const char*>(q + 1), q[0]};
}

bool Entry::has_lemma(std::string_view want) const {
  if (!p_) return false;
  const unsigned char* q = p_ + 1 + p_[0];
  std::size_t n = *q++;
  for (std::size_t k = 0; k < n; ++k, q += 1 + q[0]) {
    if (q[0] == want.size() && std::memcmp(q + 1, want.data(), want.size()) == 0) return true;
  }
  return false;
}

std::uint8_t Entry::classes() const {
  if (!p_) return 0;
  const unsigned char* q = p_ + 1 + p_[0];
  std::size_t n = *q++;
  for (std::size_t k = 0; k < n; ++k) q += 1 + q[0];
  return *q;
}

Table::Table(const unsigned char* begin, const unsigned char* end, std::string name) {
  auto size = static_cast<std::size_t>(end - begin);
  if (size < kHeaderBytes || std::memcmp(begin, kMagic, sizeof kMagic) != 0) {
    throw DataError(name, 0, "not a compiled lemma table");
  }
  slot_count_ = read_u32(begin + 8);
  pool_size_ = read_u32(begin + 12);
  if (slot_count_ == 0 || (slot_count_ & (slot_count_ - 1)) != 0 ||
      kHeaderBytes + kSlotBytes * slot_count_ + pool_size_ != size) {
    throw DataError(name, 0, "lemma table has an inconsistent size");
  }
  base_ = begin;
}

Entry Table::find(std::string_view form) const {
  if (slot_count_ == 0 || form.empty() || form.size() > 255) return {};
  const unsigned char* slots = base_ + kHeaderBytes;
  const unsigned char* pool = slots + kSlotBytes * slot_count_;
  const std::uint64_t h = hash(form);
  const std::uint32_t tag = tag_of(h);
  const std::uint32_t mask = slot_count_ - 1;
  for (std::uint32_t s = static_cast<std::uint32_t>(h) & mask;; s = (s + 1) & mask) {
    std::uint32_t v = read_u32(slots + kSlotBytes * s);
    if (v == 0) return {};
    if (read_u32(slots + kSlotBytes * s + 4) != tag) continue;
    const unsigned char* rec = pool + (v - 1);
    if (rec[0] == form.size() && std::memcmp(rec + 1, form.data(), form.size()) == 0) return Entry(rec);
  }
}

std::string compile(std::string_view tsv, const std::string& name) {
  std::string pool;
  std::vector<std::pair<std::string, std::uint32_t>> records;  // form, offset
  for_each_line(tsv, [&](std::string_view line, std::size_t line_no) {
    if (line.empty() || line[0] == '#') return;
    auto t1 = line.find('\t');
    auto t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) throw DataError(name, line_no, "expected form<TAB>lemmas<TAB>classes");
    std::string_view form = line.substr(0, t1), lemmas = line.substr(t1 + 1, t2 - t1 - 1), cls = line.substr(t2 + 1);
    if (form.empty() || form.size() > 255) throw DataError(name, line_no, "form empty or longer than 255 bytes");
    std::uint8_t classes = 0;
    for (char c : cls) {
      if (c == 'v') classes |= kVerb;
      else if (c == 'n') classes |= kNoun;
      else if (c == 'a') classes |= kAdjective;
      else throw DataError(name, line_no, "unknown class letter in '" + std::string(cls) + "'");
    }
    std::vector<std::string_view> ls;
    for (std::size_t b = 0; b <= lemmas.size();) {
      std::size_t e = lemmas.find(' ', b);
      if (e == std::string_view::npos) e = lemmas.size();
      if (e > b) ls.push_back(lemmas.substr(b, e - b));
      b = e + 1;
    }
    if (ls.empty() || ls.size() > 255) throw DataError(name, line_no, "a form needs 1 to 255 lemmas");
    records.emplace_back(std::string(form), static_cast<std::uint32_t>(pool.size()));
    pool.push_back(static_cast<char>(form.size()));
    pool.append(form);
    pool.push_back(static_cast<char>(ls.size()));
    for (std::string_view l : ls) {
      if (l.size() > 255) throw DataError(name, line_no, "lemma longer than 255 bytes");
      pool.push_back(static_cast<char>(l.size()));
      pool.append(l);
    }
    pool.push_back(static_cast<char>(classes));
  });
  std::uint32_t slot_count = 16;
  while (slot_count < records.size() * 2 + 1) slot_count *= 2;  // load factor <= 1/2
  std::string out(kHeaderBytes + kSlotBytes * slot_count, '\0');
  std::memcpy(&out[0], kMagic, sizeof kMagic);
  put_u32(out, 8, slot_count);
  put_u32(out, 12, static_cast<std::uint32_t>(pool.size()));
  std::uint32_t mask = slot_count - 1;
  for (const auto& [form, offset] : records) {
    const std::uint64_t h = hash(form);
    for (std::uint32_t s = static_cast<std::uint32_t>(h) & mask;; s = (s + 1) & mask) {
      std::size_t at = kHeaderBytes + kSlotBytes * s;
      std::uint32_t v;
      std::memcpy(&v, &out[at], sizeof v);
      if (v == 0) {
        put_u32(out, at, offset + 1);
        put_u32(out, at + 4, tag_of(h));
        break;
      }
      const char* rec = pool.data() + (v - 1);
      if (static_cast<unsigned char>(rec[0]) == form.size() && std::memcmp(rec + 1, form.data(), form.size()) == 0) {
        throw DataError(name, 0, "form '" + form + "' listed twice");
      }
    }
  }
  out += pool;
  return out;
}

}  // namespace morph

}  // namespace actorgraph
