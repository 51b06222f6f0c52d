// Stage 2 (actors): finds actor mentions in a segmented Document with one hashed
// lookup per token (longest match wins), inflection endings, compound prefixes,
// ambiguity guards, datelines/venues and article-level coreference.
#pragma once
#include <bitset>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/core/flat_index.hpp"
#include "actorgraph/core/word_filter.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {

// One actor mention. span is a half-open byte range into Document::text and covers
// tokens [first_token, end_token) of sentence `sentence`.
struct ActorMention {
  Span span;
  std::size_t first_token = 0;
  std::size_t end_token = 0;
  std::size_t sentence = 0;
  ActorCode code;
  ActorKind kind = ActorKind::state;
  ActorRole role = ActorRole::name;
  bool genitive = false;  // matched with a genitive/possessive ending (Russlands, Russia's)
  bool venue = false;     // a capital after "in"/"at": where something happens
  bool dateline = false;  // "PJÖNGJANG:" at the start of a paragraph
  bool coref = false;     // resolved from "beide Länder", "the country", "der Minister"
  bool weak = false;      // an adjective or demonym not next to an official/body: no actor by itself
  bool attribute = false; // qualifies another actor's name ("der argentinische Papst", "OPEC-Mitglied
                          // Venezuela"): counted as mentioned, but takes no role in relations
  // A place or dateline names no acting actor; coreference mentions add no new actor.
  bool counts_as_actor() const {
    return !venue && !dateline && !coref && !weak && role != ActorRole::region && kind != ActorKind::collective;
  }
};

class ActorMatcher {
 public:
  // Uses the lexicon classes "venue_prep" and "coref" (value state|pair|subject|person).
  ActorMatcher(const ActorDictionary& dictionary, const Lexicon& lexicon);
  ActorMatcher(const ActorMatcher&) = delete;  // patterns point into the matcher
  ActorMatcher& operator=(const ActorMatcher&) = delete;

  // Mentions in document order (coreference mentions included, sorted by span).
  // doc.lang selects the dictionary rows; doc.date filters persons by validity.
  // No match is an empty result.
  std::vector<ActorMention> match(const Document& doc) const;

  const ActorDictionary& dictionary() const { return dictionary_; }

 private:
  // One way to write an entry: its tokens, the last one with an inflection ending.
  struct Pattern {
    const ActorEntry* entry = nullptr;
    std::string_view suffix;              // ending of the last token (static storage), "" for none
    const std::string* shapes = nullptr;  // per token of a cs entry: 'U' all caps, 'C' capitalised, 'a' any
    bool genitive = false;
    std::size_t size() const { return entry->tokens.size(); }
    // True when norm is the pattern's token k (k >= 1).
    bool token_is(std::size_t k, std::string_view norm) const;
  };
  // The patterns of one language by their first token (or compound prefix): all in one
  // array, each key's patterns side by side, longest first (in the order added among
  // equally long ones).
  class Table {
   public:
    struct List {
      const Pattern* first = nullptr;
      const Pattern* last = nullptr;
      const Pattern* begin() const { return first; }
      const Pattern* end() const { return last; }
    };
    // Room for n patterns: growing the list would touch fresh memory at every doubling.
    void reserve(std::size_t n) { added_.reserve(n); }
    void add(std::string_view key, const Pattern& p);
    void build();  // after the last add()
    // The patterns of key; nullptr when none.
    const List* find(std::string_view key) const {
      const std::uint32_t id = keys_.find(key);
      return id == FlatIndex::kNone ? nullptr : &lists_[id];
    }

   private:
    FlatIndex keys_;
    std::vector<std::pair<std::uint32_t, Pattern>> added_;  // (key id, pattern) until build()
    std::vector<Pattern> patterns_;
    std::vector<List> lists_;  // by key id, into patterns_
  };

  void add_entry(const ActorEntry& e, Lang lang);
  // before: the sentence's mention found last, if any
  bool accepts(const Document& doc, const Pattern& p, std::size_t first, std::size_t end,
               const Sentence& sentence, const ActorMention* before) const;
  void add_coreference(const Document& doc, std::vector<ActorMention>& mentions) const;
  // Officials named again by surname: "Außenminister Sergej Lawrow ... Lawrow sagte",
  // "EU-Kommissar Dimitris Avramopoulos ... Avramopoulos", "French Foreign Minister
  // Jean Dupont ... Dupont said": a person mention of two or more words, or an actor
  // followed by a title and a capitalised name, makes later lone surnames mentions.
  void add_surnames(const Document& doc, std::vector<ActorMention>& mentions) const;
  void resolve_attributes(const Document& doc, std::vector<ActorMention>& mentions) const;
  // A domestic body with no state named ("die Regierung", "the foreign ministry", class
  // home_body) stands for the state of the article's dateline ("KABUL, Afghanistan -").
  void add_home_bodies(const Document& doc, std::vector<ActorMention>& mentions) const;

  const ActorDictionary& dictionary_;
  const Lexicon& lexicon_;
  Table tables_[2];         // by Lang (de, en)
  WordFilter first_tokens_[2];  // the keys of tables_: most tokens skip the lookup
  Table prefixes_[2];       // compound-prefix forms by Lang
  // The first three bytes of every compound prefix (head_slot), by Lang: most long
  // capitalised words start with none of them and skip the prefix lookups.
  static std::size_t head_slot(std::string_view s);
  std::bitset<1 << 16> prefix_heads_[2];
  std::deque<std::string> shapes_;  // case shapes of cs entries (Pattern::shapes points here)
};

}  // namespace actorgraph
