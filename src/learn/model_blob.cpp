// The compiled edge model: compiler (used by actorgraph-modelc) and reader.
#include "actorgraph/learn/model_blob.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/lines.hpp"

namespace actorgraph::model_blob {
namespace {

constexpr char kMagic[8] = {'A', 'G', 'M', 'O', 'D', 'E', 'L', '1'};
constexpr std::size_t kHeader = 16;

std::size_t padded(std::size_t n) { return (n + 7) / 8 * 8; }

}  // namespace

const float* View::find(std::uint64_t hash) const {
  if (slots == nullptr) return nullptr;
  // the feature hash is already well mixed: its low bits pick the slot
  for (std::uint64_t s = hash & slot_mask;; s = (s + 1) & slot_mask) {
    std::uint32_t v = slots[s];
    if (v == 0) return nullptr;
    if (begin[v - 1].hash == hash) return begin[v - 1].weights;
  }
}

std::string compile(std::string_view tsv, const std::string& name) {
  std::string settings;
  std::vector<Entry> entries;
  for_each_line(tsv, [&](std::string_view line, std::size_t line_no) {
    if (line_no == 1) {
      if (line != "#actorgraph-model 1") throw DataError(name, line_no, "not a model file");
      return;
    }
    if (line.empty() || line[0] == '#') return;
    auto tab = line.find('\t');
    if (tab == std::string_view::npos) throw DataError(name, line_no, "expected KEY<TAB>...");
    std::string_view key = line.substr(0, tab);
    if (key == "mode" || key == "threshold") {
      settings.append(line).push_back('\n');  // checked by EdgeModel when read
      return;
    }
    Entry e{};
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), e.hash, 16);
    if (key.size() != 16 || ec != std::errc() || end != key.data() + key.size()) {
      throw DataError(name, line_no, "feature hash is 16 hex digits");
    }
    std::string_view list = line.substr(tab + 1);
    while (!list.empty()) {
      auto comma = list.find(',');
      std::string_view item = list.substr(0, comma);
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
      auto colon = item.find(':');
      auto t = colon == std::string_view::npos ? std::nullopt : parse_relation_type(item.substr(0, colon));
      if (!t) throw DataError(name, line_no, "weight is TYPE:VALUE with a relation type");
      std::string_view num = item.substr(colon + 1);
      auto [e2, ec2] = std::from_chars(num.data(), num.data() + num.size(), e.weights[static_cast<std::size_t>(*t)]);
      if (ec2 != std::errc() || e2 != num.data() + num.size()) throw DataError(name, line_no, "bad weight");
    }
    entries.push_back(e);
  });
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.hash < b.hash; });
  for (std::size_t k = 1; k < entries.size(); ++k) {
    if (entries[k].hash == entries[k - 1].hash) throw DataError(name, 0, "a feature hash is listed twice");
  }
  std::string out(kHeader + padded(settings.size()), '\0');
  std::memcpy(&out[0], kMagic, sizeof kMagic);
  auto settings_bytes = static_cast<std::uint32_t>(settings.size());
  auto count = static_cast<std::uint32_t>(entries.size());
  std::memcpy(&out[8], &settings_bytes, 4);
  std::memcpy(&out[12], &count, 4);
  std::memcpy(&out[kHeader], settings.data(), settings.size());
  out.append(reinterpret_cast<const char*>(entries.data()), entries.size() * sizeof(Entry));
  // open-addressing index: slot_count (a power of two, load <= 1/2) uint32 slots, 0 = empty
  std::uint32_t slot_count = 16;
  while (slot_count < 2 * entries.size() + 1) slot_count *= 2;
  std::vector<std::uint32_t> slots(slot_count, 0);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    std::uint64_t s = entries[k].hash & (slot_count - 1);
    while (slots[s] != 0) s = (s + 1) & (slot_count - 1);
    slots[s] = static_cast<std::uint32_t>(k + 1);
  }
  out.append(reinterpret_cast<const char*>(&slot_count), 4);
  out.append(4, '\0');
  out.append(reinterpret_cast<const char*>(slots.data()), slots.size() * 4);
  return out;
}

View view(const unsigned char* begin, const unsigned char* end, const std::string& name) {
  auto size = static_cast<std::size_t>(end - begin);
  if (size < kHeader || std::memcmp(begin, kMagic, sizeof kMagic) != 0) throw DataError(name, 0, "not a compiled model");
  std::uint32_t settings_bytes, count;
  std::memcpy(&settings_bytes, begin + 8, 4);
  std::memcpy(&count, begin + 12, 4);
  std::size_t at = kHeader + padded(settings_bytes);
  std::size_t index = at + std::size_t{count} * sizeof(Entry);
  std::uint32_t slot_count = 0;
  if (index + 8 <= size) std::memcpy(&slot_count, begin + index, 4);
  if (index + 8 + std::size_t{slot_count} * 4 != size || slot_count == 0 || (slot_count & (slot_count - 1)) != 0 ||
      slot_count <= count || reinterpret_cast<std::uintptr_t>(begin + at) % 8 != 0) {
    throw DataError(name, 0, "compiled model has an inconsistent size");
  }
  View v;
  v.settings = std::string_view(reinterpret_cast<const char*>(begin + kHeader), settings_bytes);
  v.begin = reinterpret_cast<const Entry*>(begin + at);
  v.end = v.begin + count;
  v.slots = reinterpret_cast<const std::uint32_t*>(begin + index + 8);
  v.slot_mask = slot_count - 1;
  return v;
}

}  // namespace actorgraph::model_blob
