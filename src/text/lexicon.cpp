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

namespace {

std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

Lexicon::Table& Lexicon::table_for(std::string_view cls, Lang lang) {
  auto& list = tables_[hash_of(cls)];
  for (Table& t : list) {
    if (t.lang == lang && t.cls == cls) return t;
  }
  list.emplace_back();
  list.back().cls = std::string(cls);
  list.back().lang = lang;
  return list.back();
}

const Lexicon::Table* Lexicon::table(std::string_view cls, Lang lang) const {
  auto it = tables_.find(hash_of(cls));
  if (it == tables_.end()) return nullptr;
  for (const Table& t : it->second) {
    if (t.lang == lang && t.cls == cls) return &t;
  }
  return nullptr;
}

const Lexicon::Word* Lexicon::word(std::string_view cls, Lang lang, std::string_view norm) const {
  const Table* t = table(cls, lang);
  if (!t) return nullptr;
  auto it = t->words.find(hash_of(norm));
  if (it == t->words.end()) return nullptr;
  for (const Word& w : it->second) {
    if (w.norm == norm) return &w;
  }
  return nullptr;
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
        auto& words = t.words[hash_of(joined)];
        auto w = std::find_if(words.begin(), words.end(), [&](const Word& x) { return x.norm == joined; });
        if (w != words.end()) {
          w->value = value;  // a later row wins
        } else {
          words.push_back(Word{joined, value});
        }
        // Every entry is also a phrase, so phrase matchers see single words too.
        t.phrases.push_back(LexiconPhrase{toks, value});
      }
    }
  }
  for (auto& [h, list] : tables_) {
    for (Table& t : list) {
      std::stable_sort(t.phrases.begin(), t.phrases.end(), [](const LexiconPhrase& a, const LexiconPhrase& b) {
        return a.tokens.size() > b.tokens.size();
      });
      for (std::size_t k = 0; k < t.phrases.size(); ++k) {
        t.by_first[hash_of(t.phrases[k].tokens.front())].push_back(static_cast<std::uint32_t>(k));
      }
    }
  }
}

bool Lexicon::has(std::string_view cls, Lang lang, std::string_view norm) const {
  return word(cls, lang, norm) != nullptr;
}

std::string_view Lexicon::value(std::string_view cls, Lang lang, std::string_view norm) const {
  const Word* w = word(cls, lang, norm);
  return w ? std::string_view(w->value) : std::string_view();
}

const std::vector<LexiconPhrase>& Lexicon::phrases(std::string_view cls, Lang lang) const {
  const Table* t = table(cls, lang);
  return t ? t->phrases : kNoPhrases;
}

const LexiconPhrase* Lexicon::phrase_at(std::string_view cls, Lang lang, const std::vector<Token>& tokens,
                                        std::size_t i, std::size_t end) const {
  if (i >= end || end > tokens.size()) return nullptr;
  const Table* t = table(cls, lang);
  if (!t) return nullptr;
  auto it = t->by_first.find(hash_of(tokens[i].norm));
  if (it == t->by_first.end()) return nullptr;
  for (std::uint32_t k : it->second) {
    const LexiconPhrase& ph = t->phrases[k];
    if (i + ph.tokens.size() > end) continue;
    bool ok = true;
    for (std::size_t n = 0; n < ph.tokens.size() && ok; ++n) ok = tokens[i + n].norm == ph.tokens[n];
    if (ok) return &ph;
  }
  return nullptr;
}

}  // namespace actorgraph
