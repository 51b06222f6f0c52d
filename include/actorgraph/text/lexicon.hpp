// Stage 1 (text): closed word classes from data/text/*.tsv ("#actorgraph-text 1"):
// abbreviations, months, stop words, prepositions, determiners, subordinators,
// speech verbs, coreference phrases. Every later stage asks the lexicon, not C++.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/flat_index.hpp"
#include "actorgraph/core/word_filter.hpp"
#include "actorgraph/core/types.hpp"
#include "actorgraph/text/document.hpp"

namespace actorgraph {

// A multi-token entry: normalised tokens, and an optional value column.
struct LexiconPhrase {
  std::vector<std::string> tokens;
  std::string value;
};

class Lexicon {
 public:
  // One bit per class (the first 64 classes read; later ones have none): a word's
  // classes are the OR of their bits.
  using ClassMask = std::uint64_t;
  // The classes of one word in one language (words: has(); phrase_starts: phrase_at()).
  using WordClasses = actorgraph::WordClasses;
  // Classes with an id below this are answered by WordClasses (word_in()).
  static constexpr int kBitClasses = 128;

  // Reads every "#actorgraph-text 1" file: rows "class<TAB>lang<TAB>form[<TAB>value]",
  // lang is de, en or *. Forms are normalised; a form of several words is a phrase.
  explicit Lexicon(const DataBundle& data);
  // A number no other Lexicon of this process has: callers that cache class bits
  // key them by it (an address can be reused by a later lexicon with other classes).
  std::uint64_t serial() const { return serial_; }

  // True when the normalised single word `norm` is in class `cls` for `lang`.
  bool has(std::string_view cls, Lang lang, std::string_view norm) const;
  // The bit of class cls; 0 for an unknown class or one without a bit, which callers
  // must ask has() / phrase_at() about. Cheap: cls is found by its length and first
  // and last 8 bytes in a small open-addressing table (the name is not hashed byte
  // by byte).
  ClassMask class_bit(std::string_view cls) const;
  // The classes of norm in lang, for every class with a bit, in one hashed lookup:
  // when class_bit(cls) != 0, has(cls, lang, norm) == ((classes_of(lang, norm).words &
  // class_bit(cls)) != 0), and phrase_at(cls, lang, tokens, i, end) is nullptr when
  // (classes_of(lang, tokens[i].norm).phrase_starts & class_bit(cls)) == 0.
  WordClasses classes_of(Lang lang, std::string_view norm) const;
  // Sets doc.word_classes: classes_of(doc.lang, norm) of every token (doc segmented, its
  // language set), so that the stages look each token up once.
  void annotate(Document& doc) const;
  // classes_of(doc.lang, doc.tokens[i].norm) (i < doc.tokens.size()), read from
  // doc.word_classes when this lexicon annotated doc for its language.
  WordClasses classes_of(const Document& doc, std::size_t i) const {
    if (doc.word_classes_lexicon == serial_ && doc.word_classes_lang == doc.lang &&
        doc.word_classes.size() == doc.tokens.size()) {
      return doc.word_classes[i];
    }
    return classes_of(doc.lang, doc.tokens[i].norm);
  }
  // The id of class cls; -1 when the data defines no such class.
  int class_id(std::string_view cls) const;
  // For 0 <= id < kBitClasses: has(cls, lang, norm) == word_in(classes_of(lang, norm), id)
  // where id = class_id(cls). One lookup of a word answers every such class.
  static bool word_in(const WordClasses& classes, int id) {
    return id < 64 ? (classes.words >> id) & 1 : (classes.more_words >> (id - 64)) & 1;
  }
  // False only when no phrase of class id starts with the word (phrase_starts has bits for
  // the first 64 classes; for the others and for unknown classes ask phrase_at()).
  static bool may_start_phrase(const WordClasses& classes, int id) {
    return id < 0 || id >= 64 || ((classes.phrase_starts >> id) & 1) != 0;
  }
  // Every class name the data defines, by class id (tests check each is used by the code
  // and that the code asks only about these).
  const std::vector<std::string>& class_names() const { return class_names_; }
  // The value column of a single-word entry; empty when absent or when no value.
  std::string_view value(std::string_view cls, Lang lang, std::string_view norm) const;
  // Multi-word entries of a class for a language (longest first).
  const std::vector<LexiconPhrase>& phrases(std::string_view cls, Lang lang) const;
  // The first (longest) phrase of class cls whose tokens are tokens[i, i + n) with
  // i + n <= end; nullptr when none. Only phrases starting with tokens[i].norm are
  // tried (one hashed lookup), not every phrase of the class.
  const LexiconPhrase* phrase_at(std::string_view cls, Lang lang, const std::vector<Token>& tokens, std::size_t i,
                                 std::size_t end) const;

 private:
  std::uint64_t serial_ = 0;
  // One table per (class, language): words map to their value. A class is found by
  // its id (class_id()), a word in a flat table (core/flat_index.hpp); no lookup
  // allocates.
  struct Table {
    FlatIndex words;                  // normalised single words -> index into values
    std::vector<std::string> values;  // by word index
    std::vector<LexiconPhrase> phrases;                        // longest first
    std::unordered_map<std::size_t, std::vector<std::uint32_t>> by_first;  // hash of first token -> phrases, in order
  };
  // A class name as compared in class_slots_: its length and two 8-byte words that
  // hold all its bytes when it has at most 16 (longer names are compared in full).
  struct ClassKey {
    std::uint64_t head = 0, tail = 0;
    std::size_t size = 0;
    std::int32_t id = -1;  // -1 = empty slot
  };
  static ClassKey class_key(std::string_view cls);
  std::size_t class_slot(const ClassKey& key) const;
  int add_class(std::string_view cls);
  const Table* table(std::string_view cls, Lang lang) const;
  Table& table_for(std::string_view cls, Lang lang);
  // The value of a single-word entry; nullptr when absent.
  const std::string* word(std::string_view cls, Lang lang, std::string_view norm) const;
  // The classes of a word (has() answers the classes 0..127 with a bit test).
  struct ClassWord {
    WordClasses classes;
  };
  ClassWord& classes_for(Lang lang, std::string_view norm);
  const ClassWord* class_word(Lang lang, std::string_view norm) const;  // nullptr: no class

  std::vector<std::string> class_names_;         // by class id
  std::vector<std::pair<Table, Table>> tables_;  // by class id: de, en
  std::vector<ClassKey> class_slots_;            // open addressing, at most half full
  int class_shift_ = 64;                         // 64 - log2(class_slots_.size())
  FlatIndex class_words_index_[2];          // by Lang (de, en): words of some class with an id < 128
  std::vector<ClassWord> word_classes_[2];  // by Lang, by word index
  WordFilter class_words_[2];  // the words of classes_: words of no class skip the lookup
};

// True for a noun of the class "title" (Präsident, officials); a German compound
// counts by its last part (Außenminister, Regierungssprecher).
bool is_title_word(const Lexicon& lexicon, Lang lang, std::string_view norm);

// Splits s into tokens the way the segmenter does: runs of letters and digits
// (with inner ' and . kept), every other non-space character alone. Views into s.
std::vector<std::string_view> split_form(std::string_view s);

// Splits a dictionary form into normalised tokens the way the segmenter does
// (letters and digits run together; ' . inside words kept; hyphens and other
// punctuation are tokens of their own).
std::vector<std::string> tokenize_form(std::string_view form);

}  // namespace actorgraph
