#include "actorgraph/corpus/driver.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/files.hpp"
#include "actorgraph/corpus/output.hpp"

namespace actorgraph {
namespace {

// Binary files by their first bytes.
struct Magic {
  std::string_view prefix;
  const char* kind;
};
constexpr Magic kMagic[] = {
    {"%PDF-", "a PDF file"},
    {std::string_view("PK\x03\x04", 4), "a ZIP archive (DOCX, ODT and XLSX are ZIP archives)"},
    {"\x89PNG", "a PNG image"},
    {"GIF8", "a GIF image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"\x1F\x8B", "a gzip file"},
    {"SQLite format 3", "an SQLite database"},
    {"\x7F" "ELF", "a program"},
};

constexpr const char* kGraphHint = "render, diff, merge, compare and analyze read graphs";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view skip_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

// Skips white space and DOT/C comments ("// ...", "# ...", "/* ... */").
std::string_view skip_comments(std::string_view s) {
  while (true) {
    s = skip_space(s);
    if (s.substr(0, 2) == "//" || s.substr(0, 1) == "#") {
      std::size_t nl = s.find('\n');
      s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
    } else if (s.substr(0, 2) == "/*") {
      std::size_t end = s.find("*/", 2);
      s = end == std::string_view::npos ? std::string_view() : s.substr(end + 2);
    } else {
      return s;
    }
  }
}

// Consumes the keyword (DOT keywords are case-insensitive) when a non-word follows it.
bool keyword(std::string_view& s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  }
  if (s.size() > word.size() && (std::isalnum(static_cast<unsigned char>(s[word.size()])) || s[word.size()] == '_')) {
    return false;
  }
  s.remove_prefix(word.size());
  return true;
}

// "[strict] (graph|digraph) [ID] {".
bool looks_like_dot(std::string_view s) {
  s = skip_comments(s);
  if (keyword(s, "strict")) s = skip_space(s);
  if (!keyword(s, "digraph") && !keyword(s, "graph")) return false;
  s = skip_space(s);
  if (!s.empty() && s[0] == '"') {
    std::size_t end = s.find('"', 1);
    if (end == std::string_view::npos) return false;
    s.remove_prefix(end + 1);
  } else {
    while (!s.empty() && (std::isalnum(static_cast<unsigned char>(s[0])) || s[0] == '_' || s[0] == '.' ||
                          static_cast<unsigned char>(s[0]) >= 0x80)) {
      s.remove_prefix(1);
    }
  }
  s = skip_space(s);
  return !s.empty() && s[0] == '{';
}

std::optional<NotArticle> sniff_json(std::string_view s) {
  nlohmann::json whole = nlohmann::json::parse(s, nullptr, false);
  if (!whole.is_discarded()) {
    if (whole.is_object() && (whole.contains("actors") || whole.contains("edges"))) {
      return NotArticle{"a JSON graph", kGraphHint};
    }
    if (whole.is_object() && whole.contains("text")) {
      return NotArticle{"a JSON article record", "put one record per line in a JSONL file and use --jsonl"};
    }
    return NotArticle{"JSON", "give the article as plain text"};
  }
  std::size_t nl = s.find('\n');
  if (nl == std::string_view::npos) return std::nullopt;
  nlohmann::json first = nlohmann::json::parse(s.substr(0, nl), nullptr, false);
  if (first.is_discarded() || !first.is_object()) return std::nullopt;
  if (first.contains("text") || first.contains("id")) {
    return NotArticle{"JSONL", "use --jsonl (extract, db add)"};
  }
  return NotArticle{"JSONL", kGraphHint};
}

}  // namespace

std::optional<NotArticle> sniff_not_article(std::string_view bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return std::nullopt;  // UTF-16 with a byte-order mark: converted by make_document
  }
  for (const Magic& m : kMagic) {
    if (bytes.substr(0, m.prefix.size()) == m.prefix) return NotArticle{m.kind, ""};
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string_view s = skip_space(bytes);
  if (s.empty()) return std::nullopt;
  if (s[0] == '{' || s[0] == '[') return sniff_json(s);
  if (s.substr(0, 5) == "<?xml" || s.substr(0, 8) == "<graphml") {
    if (s.substr(0, 4096).find("<graphml") != std::string_view::npos) return NotArticle{"GraphML", kGraphHint};
    return std::nullopt;
  }
  if (looks_like_dot(s)) return NotArticle{"a DOT graph", kGraphHint};
  return std::nullopt;
}

std::string read_article_file(const std::string& path) {
  register_input(path);
  std::string bytes = read_whole_file(path);
  if (auto what = sniff_not_article(bytes)) {
    if (what->hint.empty()) throw InputError("binary input (" + what->kind + "), not a text article");
    throw InputError("looks like " + what->kind + ", not article text: " + what->hint);
  }
  return bytes;
}

ArticleRun run_article(const Pipeline& pipeline, CorpusItem& item, const ArticleOptions& base, bool trace) {
  ArticleRun r;
  CorpusSource::parse(item);
  if (!item.error.empty()) {
    r.error = item.error;
    return r;
  }
  r.error = input_error_of([&] {
    std::string bytes = item.path.empty() ? std::move(item.text) : read_article_file(item.path);
    std::size_t repaired = 0;
    Document doc = make_document(item.id, std::move(bytes), &repaired);
    if (repaired) {
      r.warnings.push_back(item.ref + ": replaced " + std::to_string(repaired) + " invalid UTF-8 bytes with '?'");
    }
    if (!item.source.empty()) doc.source = item.source;
    ArticleOptions options = base;  // record fields win over --lang/--date
    if (item.lang) options.lang = item.lang;
    if (item.date) options.date = item.date;
    r.result = pipeline.run(std::move(doc), options, trace);
  });
  return r;
}

}  // namespace actorgraph
