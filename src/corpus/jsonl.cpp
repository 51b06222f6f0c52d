#include "actorgraph/corpus/jsonl.hpp"

#include <algorithm>
#include <cstring>
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

// One top-level field of a record as the SAX parser saw it: its JSON type
// (discarded = absent) and, for a string or an integer, its text.
struct SaxField {
  json::value_t type = json::value_t::discarded;
  std::string text;
  bool absent_or_null() const { return type == json::value_t::discarded || type == json::value_t::null; }
};

std::string describe(json::value_t type) {
  switch (type) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::string: return "a string";
    default: return "a number";
  }
}

// The top-level fields of a record that CorpusRecord keeps, from the scanner or
// from nlohmann's SAX parser (the last occurrence of a key wins, as in nlohmann's DOM).
struct RecordFields {
  json::value_t top = json::value_t::discarded;  // the type of the whole value
  SaxField id, text, date, lang, source;
  SaxField* field(std::string_view k) {
    if (k == "id") return &id;
    if (k == "text") return &text;
    if (k == "date") return &date;
    if (k == "lang") return &lang;
    if (k == "source") return &source;
    return nullptr;
  }
};

// nlohmann SAX handler that fills RecordFields; nested values are skipped without
// being built.
class RecordSax {
 public:
  RecordFields fields;
  std::size_t error_byte = 0;  // where the parse failed, when error_id != 0
  int error_id = 0;            // nlohmann exception id; 0 = no error

  bool null() { return value(json::value_t::null); }
  bool boolean(bool) { return value(json::value_t::boolean); }
  bool number_integer(json::number_integer_t v) { return value(json::value_t::number_integer, std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) {
    return value(json::value_t::number_unsigned, std::to_string(v));
  }
  bool number_float(json::number_float_t, const std::string&) { return value(json::value_t::number_float); }
  bool string(std::string& v) { return value(json::value_t::string, std::move(v)); }
  bool binary(json::binary_t&) { return value(json::value_t::binary); }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    if (depth_ == 1) target_ = fields.field(k);
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) {
    error_byte = byte;
    error_id = e.id;
    error_what_ = e.what();
    return false;
  }
  const std::string& error_what() const { return error_what_; }

 private:
  bool value(json::value_t type, std::string v = {}) {
    if (depth_ == 0) fields.top = type;
    if (depth_ == 1 && target_) {
      target_->type = type;
      target_->text = std::move(v);
    }
    target_ = nullptr;
    return true;
  }
  bool open(json::value_t type) {
    value(type);
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  int depth_ = 0;
  SaxField* target_ = nullptr;  // the field whose value comes next
  std::string error_what_;
};

// The end of the run of string bytes from p that need no unescaping: the first '"',
// backslash or control character (8 bytes at a time while none is in sight).
const char* plain_run_end(const char* p, const char* end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  while (end - p >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    const std::uint64_t quote = v ^ (kOnes * '"'), backslash = v ^ (kOnes * '\\');
    if ((((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((v - kOnes * 0x20) & ~v)) & kHighs) break;
    p += 8;
  }
  while (p < end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

// Reads a record line without nlohmann in the common case: one JSON object whose
// keys have no escapes and whose numbers are non-negative integers of at most 18
// digits. Each wanted string is copied once, unescaped on the way. record()
// returns false for anything else, valid or not (floats, negative numbers, escaped
// keys, nesting deeper than 64, any syntax error): the caller then asks nlohmann,
// which also gives the error messages. The line must be valid UTF-8.
class RecordScanner {
 public:
  explicit RecordScanner(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  bool record(RecordFields* f) {
    space();
    if (p_ == end_ || *p_ != '{') return false;
    f->top = json::value_t::object;
    ++p_;
    if (!members(f, 1)) return false;
    space();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 64;

  void space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  // After an item: the closing bracket (*done) or a comma; false for anything else.
  bool separator(char close, bool* done) {
    space();
    if (p_ == end_ || (*p_ != close && *p_ != ',')) return false;
    *done = *p_++ == close;
    return true;
  }

  // "key": value pairs after an opening brace, up to and including the closing one;
  // fields only at depth 1.
  bool members(RecordFields* f, int depth) {
    if (eat('}')) return true;
    for (bool done = false; !done;) {
      space();
      if (p_ == end_ || *p_ != '"') return false;
      const char* k = ++p_;
      p_ = plain_run_end(p_, end_);
      if (p_ == end_ || *p_ != '"') return false;  // an escape or a control character
      std::string_view key(k, static_cast<std::size_t>(p_ - k));
      ++p_;
      if (!eat(':') || !value(f && depth == 1 ? f->field(key) : nullptr, depth) || !separator('}', &done)) {
        return false;
      }
    }
    return true;
  }

  // Values after an opening bracket, up to and including the closing one.
  bool elements(int depth) {
    if (eat(']')) return true;
    for (bool done = false; !done;) {
      if (!value(nullptr, depth) || !separator(']', &done)) return false;
    }
    return true;
  }

  // Any value; its type (and the text of a string or an integer) goes to *target.
  bool value(SaxField* target, int depth) {
    space();
    if (p_ == end_) return false;
    std::string* text = nullptr;
    if (target) {
      target->text.clear();
      text = &target->text;
    }
    auto set = [&](json::value_t type) {
      if (target) target->type = type;
      return true;
    };
    switch (*p_) {
      case '"':
        if (text) text->reserve(static_cast<std::size_t>(end_ - p_));
        return string(text) && set(json::value_t::string);
      case '{':
        ++p_;
        return depth < kMaxDepth && members(nullptr, depth + 1) && set(json::value_t::object);
      case '[':
        ++p_;
        return depth < kMaxDepth && elements(depth + 1) && set(json::value_t::array);
      case 't': return word("true") && set(json::value_t::boolean);
      case 'f': return word("false") && set(json::value_t::boolean);
      case 'n': return word("null") && set(json::value_t::null);
      default: return integer(text) && set(json::value_t::number_unsigned);
    }
  }

  bool word(std::string_view w) {
    if (static_cast<std::size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
    p_ += w.size();
    return true;
  }

  // A non-negative integer as nlohmann prints it back: no leading zero, at most 18 digits.
  bool integer(std::string* text) {
    const char* b = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    const std::size_t n = static_cast<std::size_t>(p_ - b);
    if (n == 0 || n > 18 || (*b == '0' && n > 1)) return false;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;  // a float: nlohmann's
    if (text) text->assign(b, n);
    return true;
  }

  // A string from its opening quote; unescaped into *out unless out is null.
  bool string(std::string* out) {
    ++p_;
    while (true) {
      const char* run = p_;
      p_ = plain_run_end(p_, end_);
      if (out) out->append(run, p_);
      if (p_ == end_) return false;
      if (*p_ == '"') {
        ++p_;
        return true;
      }
      if (*p_ != '\\' || !escape(out)) return false;
    }
  }

  // One escape from its backslash.
  bool escape(std::string* out) {
    if (end_ - p_ < 2) return false;
    char c = p_[1];
    p_ += 2;
    char plain;
    switch (c) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': return unicode(out);
      default: return false;
    }
    if (out) out->push_back(plain);
    return true;
  }

  // The four hex digits after a backslash-u (a surrogate pair as two escapes), as UTF-8.
  bool unicode(std::string* out) {
    std::int32_t cp = hex4();
    if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      std::int32_t low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (!out) return true;
    auto byte = [&](std::int32_t b) { out->push_back(static_cast<char>(b)); };
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xC0 | (cp >> 6));
      byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      byte(0xE0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    } else {
      byte(0xF0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3F));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    }
    return true;
  }

  // Four hex digits, or -1.
  std::int32_t hex4() {
    if (end_ - p_ < 4) return -1;
    std::int32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = *p_++;
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  const char* p_;
  const char* end_;
};

// nlohmann's message without its "[json.exception.type_error.302] " prefix, cut to
// one short line.
std::string one_line(std::string why) {
  if (auto close = why.find("] "); close != std::string::npos) why.erase(0, close + 2);
  why = why.substr(0, 80);
  for (char& c : why) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return why;
}

std::optional<CorpusRecord> parse_record(const std::string& line, std::string* error, JsonlParser parser) {
  auto fail = [&](std::string why) -> std::optional<CorpusRecord> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  // JSON text is UTF-8 (RFC 8259); say where it is not instead of "malformed JSON".
  if (std::size_t bad = first_invalid_utf8(line); bad != std::string::npos) {
    return fail("invalid UTF-8 at column " + std::to_string(bad + 1) + " (a JSONL corpus must be UTF-8)");
  }
  RecordFields sax;
  if (parser == JsonlParser::nlohmann || !RecordScanner(line).record(&sax)) {
    RecordSax nl;
    json::sax_parse(line, &nl);
    if (nl.error_id != 0) {
      // A number beyond double's range ("1e999") is out_of_range (406), not a parse error.
      if (nl.error_id == 406) return fail("malformed JSON: " + one_line(nl.error_what()));
      // A parse error at the very end means the object was cut off.
      if (nl.error_byte >= line.size()) return fail("truncated JSON (the line ends inside a value)");
      return fail("malformed JSON at column " + std::to_string(nl.error_byte));
    }
    sax = std::move(nl.fields);
  }
  if (sax.top != json::value_t::object) return fail("not a JSON object (found " + describe(sax.top) + ")");
  CorpusRecord r;
  if (sax.id.absent_or_null()) return fail("missing \"id\"");
  if (sax.id.type == json::value_t::string || sax.id.type == json::value_t::number_integer ||
      sax.id.type == json::value_t::number_unsigned) {
    r.id = std::move(sax.id.text);
  } else {
    return fail("\"id\" must be a string or an integer, not " + describe(sax.id.type));
  }
  if (r.id.empty()) return fail("empty \"id\"");
  if (sax.text.absent_or_null()) return fail("missing \"text\" (id " + r.id + ")");
  if (sax.text.type != json::value_t::string) return fail("\"text\" must be a string (id " + r.id + ")");
  r.text = std::move(sax.text.text);
  if (!sax.date.absent_or_null()) {
    if (sax.date.type != json::value_t::string) return fail("\"date\" must be a string (id " + r.id + ")");
    const std::string& s = sax.date.text;
    if (!s.empty()) {
      auto parsed = parse_date(date_part(s));
      if (!parsed) return fail("bad \"date\" '" + s + "', expected YYYY[-MM[-DD]] (id " + r.id + ")");
      r.date = *parsed;
    }
  }
  if (!sax.lang.absent_or_null()) {
    if (sax.lang.type != json::value_t::string) return fail("\"lang\" must be a string (id " + r.id + ")");
    const std::string& s = sax.lang.text;
    if (!s.empty() && s != "auto") {
      auto parsed = parse_lang(s);
      if (!parsed || *parsed == Lang::unknown) {
        return fail("unsupported \"lang\" '" + s + "', expected de or en (id " + r.id + ")");
      }
      r.lang = *parsed;
    }
  }
  if (!sax.source.absent_or_null()) {
    if (sax.source.type != json::value_t::string) return fail("\"source\" must be a string (id " + r.id + ")");
    r.source = std::move(sax.source.text);
  }
  return r;
}

}  // namespace

std::optional<CorpusRecord> parse_corpus_line(const std::string& line, std::string* error, JsonlParser parser) {
  // Every nlohmann exception type (parse_error, type_error, out_of_range,
  // invalid_iterator, other_error) becomes a one-line reason: a bad line is skipped,
  // never a crash.
  try {
    return parse_record(line, error, parser);
  } catch (const json::exception& e) {
    if (error) *error = "malformed JSON: " + one_line(e.what());
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
      return "duplicate id '" + std::string(id) + "' (first seen at " +
             ref(static_cast<std::uint32_t>(where >> kLineBits), where & kMaxLine) + ")";
    }
    i = (i + 1) & mask;
  }
  slots_[i] = Slot{h, std::uint64_t{stream} << kLineBits | std::min<std::uint64_t>(line, kMaxLine)};
  ++size_;
  return std::nullopt;
}

std::string SeenIds::ref(std::uint32_t stream, std::size_t line) const {
  return streams_[stream] + ":" + std::to_string(line);
}

JsonlReader::JsonlReader(std::istream& in, std::string name, SeenIds* seen)
    : in_(in), name_(std::move(name)), seen_(seen ? seen : &own_), stream_(seen_->add_stream(name_)) {}

std::string JsonlReader::ref(std::size_t line) const { return name_ + ":" + std::to_string(line); }

std::optional<RawJsonlLine> JsonlReader::next_raw() {
  RawJsonlLine out;
  std::string& text = out.text;
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
  out.line = line_;
  return out;
}

std::optional<JsonlLine> JsonlReader::next() {
  std::optional<RawJsonlLine> raw = next_raw();
  if (!raw) return std::nullopt;
  JsonlLine out;
  out.line = raw->line;
  std::string error;
  auto record = parse_corpus_line(raw->text, &error);
  if (!record) {
    out.error = std::move(error);
    return out;
  }
  if (auto duplicate = seen_->insert(record->id, stream_, out.line)) {
    out.error = std::move(*duplicate);
    return out;
  }
  out.record = std::move(record);
  return out;
}

}  // namespace actorgraph
