// Stage 1 (text): closed word classes from data/text/*.tsv ("#actorgraph-text 1"):
// abbreviations, months, stop words, prepositions, determiners, subordinators,
// speech verbs, coreference phrases. Every later stage asks the lexicon, not C++.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/core/data_files.hpp"
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
  // Reads every "#actorgraph-text 1" file: rows "class<TAB>lang<TAB>form[<TAB>value]",
  // lang is de, en or *. Forms are normalised; a form of several words is a phrase.
  explicit Lexicon(const DataBundle& data);

  // True when the normalised single word `norm` is in class `cls` for `lang`.
  bool has(std::string_view cls, Lang lang, std::string_view norm) const;
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
  // One table per (class, language): words map to their value. Every lookup hashes
  // the class name and the word once and allocates nothing: the maps are keyed by
  // std::hash<std::string_view> and keep the full strings to tell collisions apart.
  struct Word {
    std::string norm, value;
  };
  struct Table {
    std::string cls;
    Lang lang = Lang::de;
    std::unordered_map<std::size_t, std::vector<Word>> words;  // hash of norm -> words
    std::vector<LexiconPhrase> phrases;                        // longest first
    std::unordered_map<std::size_t, std::vector<std::uint32_t>> by_first;  // hash of first token -> phrases, in order
  };
  const Table* table(std::string_view cls, Lang lang) const;
  Table& table_for(std::string_view cls, Lang lang);
  const Word* word(std::string_view cls, Lang lang, std::string_view norm) const;
  std::unordered_map<std::size_t, std::vector<Table>> tables_;  // hash of class -> its tables
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
