#include "actorgraph/corpus/jsonl.hpp"

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "core/utf8.hpp"

namespace actorgraph {
namespace {

using nlohmann::json;

// "2023-10-05T12:00:00Z" or "2023-10-05 12:00" -> "2023-10-05"; other text unchanged.
std::string date_part(const std::string& s) {
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) return s.substr(0, 10);
  return s;
}

std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::string: return "a string";
    default: return "a number";
  }
}

// nlohmann's message without its "[json.exception.type_error.302] " prefix, cut to
// one short line.
std::string one_line(const json::exception& e) {
  std::string why = e.what();
  if (auto close = why.find("] "); close != std::string::npos) why.erase(0, close + 2);
  why = why.substr(0, 80);
  for (char& c : why) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return why;
}

std::optional<CorpusRecord> parse_record(const std::string& line, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<CorpusRecord> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  // JSON text is UTF-8 (RFC 8259); say where it is not instead of "malformed JSON".
  if (std::size_t bad = first_invalid_utf8(line); bad != std::string::npos) {
    return fail("invalid UTF-8 at column " + std::to_string(bad + 1) + " (a JSONL corpus must be UTF-8)");
  }
  json j;
  try {
    j = json::parse(line);
  } catch (const json::parse_error& e) {
    // A parse error at the very end means the object was cut off.
    if (e.byte >= line.size()) return fail("truncated JSON (the line ends inside a value)");
    return fail("malformed JSON at column " + std::to_string(e.byte));
  } catch (const json::exception& e) {
    // A number beyond double's range ("1e999"): out_of_range, not a parse_error.
    return fail("malformed JSON: " + one_line(e));
  }
  if (!j.is_object()) return fail("not a JSON object (found " + describe(j) + ")");
  CorpusRecord r;
  auto id = j.find("id");
  if (id == j.end() || id->is_null()) return fail("missing \"id\"");
  if (id->is_string()) {
    r.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    r.id = id->dump();
  } else {
    return fail("\"id\" must be a string or an integer, not " + describe(*id));
  }
  if (r.id.empty()) return fail("empty \"id\"");
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) return fail("missing \"text\" (id " + r.id + ")");
  if (!text->is_string()) return fail("\"text\" must be a string (id " + r.id + ")");
  r.text = text->get<std::string>();
  if (auto d = j.find("date"); d != j.end() && !d->is_null()) {
    if (!d->is_string()) return fail("\"date\" must be a string (id " + r.id + ")");
    std::string s = d->get<std::string>();
    if (!s.empty()) {
      auto parsed = parse_date(date_part(s));
      if (!parsed) return fail("bad \"date\" '" + s + "', expected YYYY[-MM[-DD]] (id " + r.id + ")");
      r.date = *parsed;
    }
  }
  if (auto l = j.find("lang"); l != j.end() && !l->is_null()) {
    if (!l->is_string()) return fail("\"lang\" must be a string (id " + r.id + ")");
    std::string s = l->get<std::string>();
    if (!s.empty() && s != "auto") {
      auto parsed = parse_lang(s);
      if (!parsed || *parsed == Lang::unknown) {
        return fail("unsupported \"lang\" '" + s + "', expected de or en (id " + r.id + ")");
      }
      r.lang = *parsed;
    }
  }
  if (auto s = j.find("source"); s != j.end() && !s->is_null()) {
    if (!s->is_string()) return fail("\"source\" must be a string (id " + r.id + ")");
    r.source = s->get<std::string>();
  }
  return r;
}

}  // namespace

std::optional<CorpusRecord> parse_corpus_line(const std::string& line, std::string* error) {
  // Every nlohmann exception type (parse_error, type_error, out_of_range,
  // invalid_iterator, other_error) becomes a one-line reason: a bad line is skipped,
  // never a crash.
  try {
    return parse_record(line, error);
  } catch (const json::exception& e) {
    if (error) *error = "malformed JSON: " + one_line(e);
    return std::nullopt;
  }
}

std::uint32_t SeenIds::add_stream(std::string name) {
  streams_.push_back(std::move(name));
  return static_cast<std::uint32_t>(streams_.size() - 1);
}

void SeenIds::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::optional<std::string> SeenIds::insert(std::string_view id, std::uint32_t stream, std::size_t line) {
  constexpr std::uint64_t kLineBits = 40;
  constexpr std::uint64_t kMaxLine = (std::uint64_t{1} << kLineBits) - 1;
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  std::uint64_t h = std::hash<std::string_view>{}(id);
  if (h == 0) h = 1;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].hash != 0) {
    if (slots_[i].hash == h) {
      std::uint64_t where = slots_[i].where;
      return streams_[where >> kLineBits] + ":" + std::to_string(where & kMaxLine);
    }
    i = (i + 1) & mask;
  }
  slots_[i] = Slot{h, std::uint64_t{stream} << kLineBits | std::min<std::uint64_t>(line, kMaxLine)};
  ++size_;
  return std::nullopt;
}

JsonlReader::JsonlReader(std::istream& in, std::string name, SeenIds* seen)
    : in_(in), name_(std::move(name)), seen_(seen ? seen : &own_), stream_(seen_->add_stream(name_)) {}

std::string JsonlReader::ref(std::size_t line) const { return name_ + ":" + std::to_string(line); }

std::optional<JsonlLine> JsonlReader::next() {
  std::string text;
  while (true) {
    if (!std::getline(in_, text)) {
      if (in_.bad()) throw InputError("cannot read " + name_ + ": read error");
      return std::nullopt;
    }
    ++line_;
    bytes_ += text.size() + (in_.eof() ? 0 : 1);
    if (line_ == 1 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") != std::string::npos) break;
  }
  JsonlLine out;
  out.line = line_;
  std::string error;
  auto record = parse_corpus_line(text, &error);
  if (!record) {
    out.error = std::move(error);
    return out;
  }
  if (auto first = seen_->insert(record->id, stream_, line_)) {
    out.error = "duplicate id '" + record->id + "' (first seen at " + *first + ")";
    return out;
  }
  out.record = std::move(record);
  return out;
}

}  // namespace actorgraph
