// Stage 2 (actors): finds actor mentions in a segmented Document with one hashed
// lookup per token (longest match wins), inflection endings, compound prefixes,
// ambiguity guards, datelines/venues and article-level coreference.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
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

namespace matcher_index {
class View;
}

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
  bool people = false;    // a weak demonym in the plural ("Palestinians", "die Iraker"): the people,
                          // who may accuse, protest or back as their state does
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
  // The patterns of the dictionary's compiled rows are read from the index compiled with
  // them (ActorDictionary::compiled_index()); only the other rows (--dict files) are
  // indexed here. Throws DataError when the compiled index does not fit the table.
  ActorMatcher(const ActorDictionary& dictionary, const Lexicon& lexicon);
  ActorMatcher(const ActorMatcher&) = delete;  // patterns point into the matcher
  ActorMatcher& operator=(const ActorMatcher&) = delete;
  ~ActorMatcher();

  // The patterns of every entry in the layout of actors/matcher_index.hpp (entries by
  // their index in dictionary().entries()): the build step attaches it to the compiled
  // actor table. Only for a matcher that read no compiled index (DataError otherwise).
  std::string compile() const;

  // Mentions in document order (coreference mentions included, sorted by span).
  // doc.lang selects the dictionary rows; doc.date filters persons by validity.
  // No match is an empty result.
  std::vector<ActorMention> match(const Document& doc) const;

  const ActorDictionary& dictionary() const { return dictionary_; }

 private:
  // One way to write an entry: its tokens, the last one with an inflection ending.
  struct Pattern {
    const ActorEntry* entry = nullptr;
    std::string_view suffix;  // ending of the last token (static storage or the index), "" for none
    std::string_view shapes;  // per token of a cs entry: 'U' all caps, 'C' capitalised, 'a' any; else ""
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
    // Keys by id (0 .. size() - 1) and their patterns, after build().
    std::size_t size() const { return keys_.size(); }
    std::string_view key(std::uint32_t id) const { return keys_.key(id); }
    const List& list(std::uint32_t id) const { return lists_[id]; }
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

  // The patterns of one key: those of the compiled index [first, first + count), then
  // those added at run time (longer ones of the latter come after shorter ones of the
  // former: match() takes the longest, and the first among equals, as over one list).
  struct Patterns {
    std::uint32_t compiled_first = 0, compiled_count = 0;
    const Table::List* added = nullptr;
    std::size_t size() const { return compiled_count + (added ? added->last - added->first : 0); }
  };
  // Table t of matcher_index (names de, en; compound prefixes de, en).
  Patterns find(std::size_t t, std::string_view key) const;
  Pattern pattern(const Patterns& list, std::size_t k) const;  // k < list.size()
  bool may_start(std::size_t lang, std::string_view norm) const;
  bool may_be_prefixed(std::size_t lang, std::string_view norm) const;
  const Table& table(std::size_t t) const { return t < 2 ? tables_[t] : prefixes_[t - 2]; }

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
  std::unique_ptr<const matcher_index::View> index_;  // patterns of the compiled entries, or null
  std::size_t compiled_entries_ = 0;                  // dictionary entries [0, n) are in index_
  Table tables_[2];         // by Lang (de, en)
  WordFilter first_tokens_[2];  // the keys of tables_: most tokens skip the lookup
  Table prefixes_[2];       // compound-prefix forms by Lang
  // The first three bytes of every compound prefix (head_slot), by Lang: most long
  // capitalised words start with none of them and skip the prefix lookups. 64 to a
  // word; empty while no prefix was added.
  static std::size_t head_slot(std::string_view s);
  std::vector<std::uint64_t> prefix_heads_[2];
  std::deque<std::string> shapes_;  // case shapes of cs entries (Pattern::shapes points here)
};

}  // namespace actorgraph
