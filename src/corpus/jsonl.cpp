#include "actorgraph/corpus/jsonl.hpp"

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

}  // namespace

std::optional<CorpusRecord> parse_corpus_line(const std::string& line, std::string* error) {
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
    std::string why = e.what();
    if (auto close = why.find("] "); close != std::string::npos) why.erase(0, close + 2);
    return fail("malformed JSON: " + why.substr(0, 80));
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

JsonlReader::JsonlReader(std::istream& in, std::string name, SeenIds* seen)
    : in_(in), name_(std::move(name)), seen_(seen ? seen : &own_) {}

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
  auto [it, fresh] = seen_->emplace(record->id, ref(line_));
  if (!fresh) {
    out.error = "duplicate id '" + record->id + "' (first seen at " + it->second + ")";
    return out;
  }
  out.record = std::move(record);
  return out;
}

}  // namespace actorgraph
