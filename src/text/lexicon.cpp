#include "actorgraph/text/lexicon.hpp"

#include <algorithm>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/normalize.hpp"

namespace actorgraph {
namespace {

const std::vector<LexiconPhrase> kNoPhrases;

bool word_char(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

}  // namespace

std::vector<std::string_view> split_form(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ') {
      ++i;
      continue;
    }
    if (!word_char(c)) {
      out.push_back(s.substr(i, 1));
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size()) {
      auto d = static_cast<unsigned char>(s[j]);
      if (word_char(d)) {
        ++j;
      } else if ((d == '\'' || d == '.') && j + 1 < s.size() && word_char(static_cast<unsigned char>(s[j + 1]))) {
        j += 2;  // inner apostrophe or dot: "russia's", "u.s"
      } else {
        break;
      }
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> tokenize_form(std::string_view form) {
  std::string norm = normalize(form);
  std::vector<std::string> out;
  for (std::string_view t : split_form(norm)) out.emplace_back(t);
  return out;
}

bool is_title_word(const Lexicon& lexicon, Lang lang, std::string_view norm) {
  if (lexicon.has("title", lang, norm)) return true;
  if (lang != Lang::de) return false;
  // German: inflected ("Partnern", "Ministers") and compounds ("Außenminister") by their last part.
  for (std::string_view ending : {"", "n", "en", "s", "es"}) {
    if (norm.size() < ending.size() + 4 || norm.substr(norm.size() - ending.size()) != ending) continue;
    std::string_view stem = norm.substr(0, norm.size() - ending.size());
    for (std::size_t k = 0; k + 4 <= stem.size(); ++k) {
      if (lexicon.has("title", lang, stem.substr(k))) return true;
    }
  }
  return false;
}

Lexicon::Table& Lexicon::table_for(std::string_view cls, Lang lang) {
  std::string k(cls);
  k.push_back('|');
  k.append(to_string(lang));
  return tables_[k];
}

const Lexicon::Table* Lexicon::table(std::string_view cls, Lang lang) const {
  char buf[64];
  if (cls.size() + 4 > sizeof buf) return nullptr;
  std::size_t n = cls.copy(buf, cls.size());
  buf[n++] = '|';
  std::string_view l = to_string(lang);
  n += l.copy(buf + n, l.size());
  auto it = tables_.find(std::string(buf, n));
  return it == tables_.end() ? nullptr : &it->second;
}

Lexicon::Lexicon(const DataBundle& data) {
  for (const DataFile* file : data.files_of("text")) {
    for (const TsvRow& row : read_tsv(*file, 3, 4)) {
      std::string_view cls = row.cols[0];
      std::string_view lang_col = row.cols[1];
      if (cls.empty()) throw DataError(file->name, row.line, "empty class");
      std::vector<Lang> langs;
      if (lang_col == "*") {
        langs = {Lang::de, Lang::en};
      } else if (auto l = parse_lang(lang_col)) {
        langs = {*l};
      } else {
        throw DataError(file->name, row.line, "unknown language '" + std::string(lang_col) + "'");
      }
      std::vector<std::string> toks = tokenize_form(row.cols[2]);
      if (toks.empty()) throw DataError(file->name, row.line, "empty form");
      std::string value = row.cols.size() > 3 ? std::string(row.cols[3]) : std::string();
      for (Lang l : langs) {
        Table& t = table_for(cls, l);
        // Single words by themselves; a form the tokenizer splits ("Dr.", "U.S.") also
        // under its tokens joined, so "dr" + "." can be looked up as "dr.".
        std::string joined;
        for (const auto& tok : toks) joined += tok;
        t.words[joined] = value;
        // Every entry is also a phrase, so phrase matchers see single words too.
        t.phrases.push_back(LexiconPhrase{toks, value});
      }
    }
  }
  for (auto& [k, t] : tables_) {
    std::stable_sort(t.phrases.begin(), t.phrases.end(), [](const LexiconPhrase& a, const LexiconPhrase& b) {
      return a.tokens.size() > b.tokens.size();
    });
  }
}

bool Lexicon::has(std::string_view cls, Lang lang, std::string_view norm) const {
  const Table* t = table(cls, lang);
  return t && t->words.count(std::string(norm)) != 0;
}

std::string_view Lexicon::value(std::string_view cls, Lang lang, std::string_view norm) const {
  const Table* t = table(cls, lang);
  if (!t) return {};
  auto it = t->words.find(std::string(norm));
  return it == t->words.end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<LexiconPhrase>& Lexicon::phrases(std::string_view cls, Lang lang) const {
  const Table* t = table(cls, lang);
  return t ? t->phrases : kNoPhrases;
}

}  // namespace actorgraph
