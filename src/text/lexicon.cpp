#include "actorgraph/text/lexicon.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>

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

Lexicon::ClassKey Lexicon::class_key(std::string_view cls) {
  ClassKey k;
  k.size = cls.size();
  const char* p = cls.data();
  if (k.size >= 8) {
    std::memcpy(&k.head, p, 8);
    std::memcpy(&k.tail, p + k.size - 8, 8);
  } else if (k.size >= 4) {
    std::uint32_t head = 0, tail = 0;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + k.size - 4, 4);
    k.head = head;
    k.tail = tail;
  } else {
    for (std::size_t i = 0; i < k.size; ++i) k.head = k.head << 8 | static_cast<unsigned char>(p[i]);
  }
  return k;
}

std::size_t Lexicon::class_slot(const ClassKey& key) const {
  // Multiplicative hashing: the top bits of the product depend on every input bit.
  std::uint64_t h = (key.head ^ (key.tail * 0xC2B2AE3D27D4EB4FULL) ^ key.size) * 0x9E3779B97F4A7C15ULL;
  return static_cast<std::size_t>(h >> class_shift_);
}

int Lexicon::class_id(std::string_view cls) const {
  if (class_slots_.empty()) return -1;
  const ClassKey key = class_key(cls);
  const std::size_t mask = class_slots_.size() - 1;
  for (std::size_t s = class_slot(key);; s = (s + 1) & mask) {
    const ClassKey& k = class_slots_[s];
    if (k.id < 0) return -1;
    if (k.head == key.head && k.tail == key.tail && k.size == key.size &&
        (k.size <= 16 || class_names_[static_cast<std::size_t>(k.id)] == cls)) {
      return k.id;
    }
  }
}

int Lexicon::add_class(std::string_view cls) {
  if (int id = class_id(cls); id >= 0) return id;
  int id = static_cast<int>(class_names_.size());
  class_names_.emplace_back(cls);
  tables_.emplace_back();
  if (class_names_.size() * 2 > class_slots_.size()) {
    class_slots_.assign(std::max<std::size_t>(64, class_slots_.size() * 2), ClassKey{});
    class_shift_ = 64;
    for (std::size_t n = class_slots_.size(); n > 1; n /= 2) --class_shift_;
    for (std::size_t k = 0; k < class_names_.size(); ++k) {
      ClassKey key = class_key(class_names_[k]);
      key.id = static_cast<std::int32_t>(k);
      std::size_t s = class_slot(key);
      while (class_slots_[s].id >= 0) s = (s + 1) & (class_slots_.size() - 1);
      class_slots_[s] = key;
    }
  } else {
    ClassKey key = class_key(cls);
    key.id = id;
    std::size_t s = class_slot(key);
    while (class_slots_[s].id >= 0) s = (s + 1) & (class_slots_.size() - 1);
    class_slots_[s] = key;
  }
  return id;
}

Lexicon::ClassMask Lexicon::class_bit(std::string_view cls) const {
  int id = class_id(cls);
  return id >= 0 && id < 64 ? ClassMask{1} << id : 0;
}

Lexicon::Table& Lexicon::table_for(std::string_view cls, Lang lang) {
  auto& both = tables_[static_cast<std::size_t>(add_class(cls))];
  return lang == Lang::de ? both.first : both.second;
}

const Lexicon::Table* Lexicon::table(std::string_view cls, Lang lang) const {
  int id = class_id(cls);
  if (id < 0 || lang == Lang::unknown) return nullptr;
  const auto& both = tables_[static_cast<std::size_t>(id)];
  return lang == Lang::de ? &both.first : &both.second;
}

const std::string* Lexicon::word(std::string_view cls, Lang lang, std::string_view norm) const {
  const Table* t = table(cls, lang);
  if (!t) return nullptr;
  std::uint32_t id = t->words.find(norm);
  return id == FlatIndex::kNone ? nullptr : &t->values[id];
}

Lexicon::ClassWord& Lexicon::classes_for(Lang lang, std::string_view norm) {
  const auto l = static_cast<std::size_t>(lang);
  std::uint32_t id = class_words_index_[l].insert(norm);
  if (id == word_classes_[l].size()) {
    class_words_[l].add(norm);
    word_classes_[l].emplace_back();
  }
  return word_classes_[l][id];
}

const Lexicon::ClassWord* Lexicon::class_word(Lang lang, std::string_view norm) const {
  const auto l = static_cast<std::size_t>(lang);
  if (lang == Lang::unknown || !class_words_[l].may_contain(norm)) return nullptr;
  std::uint32_t id = class_words_index_[l].find(norm);
  return id == FlatIndex::kNone ? nullptr : &word_classes_[l][id];
}

Lexicon::WordClasses Lexicon::classes_of(Lang lang, std::string_view norm) const {
  const ClassWord* w = class_word(lang, norm);
  return w ? w->classes : WordClasses{};
}

void Lexicon::annotate(Document& doc) const {
  doc.word_classes.clear();
  doc.word_classes.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) doc.word_classes.push_back(classes_of(doc.lang, t.norm));
  doc.word_classes_lexicon = serial_;
  doc.word_classes_lang = doc.lang;
}

Lexicon::Lexicon(const DataBundle& data) {
  static std::atomic<std::uint64_t> next_serial{1};
  serial_ = next_serial++;
  for (const DataFile* file : data.files_of("text")) {
    for_each_tsv_row(*file, 3, 4, [&](const TsvRow& row) {
      std::string_view cls = row.cols[0];
      std::string_view lang_col = row.cols[1];
      if (cls.empty()) throw DataError(file->name, row.line, "empty class");
      // The row's languages: both for "*", else the one named.
      std::array<Lang, 2> lang_list{Lang::de, Lang::en};
      std::size_t lang_count = 2;
      if (lang_col != "*") {
        auto l = parse_lang(lang_col);
        if (!l) throw DataError(file->name, row.line, "unknown language '" + std::string(lang_col) + "'");
        lang_list[0] = *l;
        lang_count = 1;
      }
      std::vector<std::string> toks = tokenize_form(row.cols[2]);
      if (toks.empty()) throw DataError(file->name, row.line, "empty form");
      std::string value = row.cols.size() > 3 ? std::string(row.cols[3]) : std::string();
      // Single words by themselves; a form the tokenizer splits ("Dr.", "U.S.") also
      // under its tokens joined, so "dr" + "." can be looked up as "dr.".
      std::string joined;
      for (const auto& tok : toks) joined += tok;
      for (std::size_t k = 0; k < lang_count; ++k) {
        Table& t = table_for(cls, lang_list[k]);
        std::uint32_t id = t.words.insert(joined);
        if (id == t.values.size()) t.values.emplace_back();
        t.values[id] = value;  // a later row wins
        // Every entry is also a phrase, so phrase matchers see single words too (the
        // last language takes the row's tokens and value, the others copies).
        if (k + 1 < lang_count) {
          t.phrases.push_back(LexiconPhrase{toks, value});
        } else {
          t.phrases.push_back(LexiconPhrase{std::move(toks), std::move(value)});
        }
      }
    });
  }
  for (std::size_t id = 0; id < tables_.size(); ++id) {
    const ClassMask bit = id < 64 ? ClassMask{1} << id : 0;
    for (Lang l : {Lang::de, Lang::en}) {
      Table& t = l == Lang::de ? tables_[id].first : tables_[id].second;
      auto longer = [](const LexiconPhrase& a, const LexiconPhrase& b) { return a.tokens.size() > b.tokens.size(); };
      // (most tables are in order already: no sort, and no buffer from the heap for it)
      if (!std::is_sorted(t.phrases.begin(), t.phrases.end(), longer)) {
        std::stable_sort(t.phrases.begin(), t.phrases.end(), longer);
      }
      for (std::size_t k = 0; k < t.phrases.size(); ++k) {
        t.by_first[hash_of(t.phrases[k].tokens.front())].push_back(static_cast<std::uint32_t>(k));
      }
      if (id >= 128) continue;
      if (bit == 0) {
        const ClassMask more = ClassMask{1} << (id - 64);
        for (std::uint32_t w = 0; w < t.words.size(); ++w) classes_for(l, t.words.key(w)).classes.more_words |= more;
        continue;
      }
      for (std::uint32_t w = 0; w < t.words.size(); ++w) classes_for(l, t.words.key(w)).classes.words |= bit;
      for (const LexiconPhrase& ph : t.phrases) classes_for(l, ph.tokens.front()).classes.phrase_starts |= bit;
    }
  }
}

bool Lexicon::has(std::string_view cls, Lang lang, std::string_view norm) const {
  const int id = class_id(cls);
  if (id < 0) return false;
  if (id >= 128) return word(cls, lang, norm) != nullptr;
  const ClassWord* w = class_word(lang, norm);
  if (!w) return false;
  return word_in(w->classes, id);
}

std::string_view Lexicon::value(std::string_view cls, Lang lang, std::string_view norm) const {
  const std::string* v = word(cls, lang, norm);
  return v ? std::string_view(*v) : std::string_view();
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
