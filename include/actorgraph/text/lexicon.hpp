// Stage 1 (text): closed word classes from data/text/*.tsv ("#actorgraph-text 1"):
// abbreviations, months, stop words, prepositions, determiners, subordinators,
// speech verbs, coreference phrases. Every later stage asks the lexicon, not C++.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/types.hpp"

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

 private:
  // One table per (class, language): words map to their value. Lookups build no
  // long keys, so short tokens stay in std::string's small-string buffer.
  struct Table {
    std::unordered_map<std::string, std::string> words;
    std::vector<LexiconPhrase> phrases;  // longest first
  };
  const Table* table(std::string_view cls, Lang lang) const;
  Table& table_for(std::string_view cls, Lang lang);
  std::unordered_map<std::string, Table> tables_;  // "class|de" -> table
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
