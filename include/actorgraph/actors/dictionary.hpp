// Stage 2 (actors): the actor dictionary, one row per name form, read from
// "#actorgraph-actors 1" files (format: docs/DICTIONARIES.md). The built-in rows are
// compiled at build time (actorgraph-datac actors) into a read-only table in the
// binary; --dict files are read at run time and layered on top.
#pragma once
#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/types.hpp"

namespace actorgraph {

enum class ActorRole : std::uint8_t {
  label,    // display name, not matched
  name,     // Russland, Russia, UNO
  adj,      // russisch, Russian
  demonym,  // Nordkoreaner, North Koreans
  capital,  // Moskau, Seoul: the government when it acts
  seat,     // Kreml, White House
  person,   // Putin, Lawrow
  body,     // Bundeswehr, Security Council
  prefix,   // first part of a closed compound: Kreml|chef
  region,   // a part of a state (Krim, Donbass): stands for the state only as a relation target
  coref     // resolved from "beide Länder", "the country" (never in the dictionary)
};
std::string_view to_string(ActorRole role);
std::optional<ActorRole> parse_actor_role(std::string_view s);

// The tokens of an entry's form: consecutive token views in an array the dictionary owns
// (valid while it lives; the compiled rows share one array, read from the table once).
class FormTokens {
 public:
  FormTokens() = default;
  FormTokens(const std::string_view* first, std::size_t size) : first_(first), size_(size) {}
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view operator[](std::size_t i) const { return first_[i]; }  // i < size()
  std::string_view back() const { return first_[size_ - 1]; }             // not empty()
  const std::string_view* begin() const { return first_; }
  const std::string_view* end() const { return first_ + size_; }
  friend bool operator==(const FormTokens& a, const FormTokens& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  const std::string_view* first_ = nullptr;
  std::size_t size_ = 0;
};

struct ActorEntry {
  ActorCode code;
  ActorKind kind = ActorKind::state;
  std::optional<Lang> lang;  // nullopt: both languages
  ActorRole role = ActorRole::name;
  // Views into the compiled table or into strings the dictionary owns (valid while the
  // dictionary lives).
  std::string_view form;                 // as written in the file
  FormTokens tokens;                     // tokenize_form(form)
  bool case_sensitive = false;      // flag cs: the text must have the form's capitalisation
  bool ambiguous = false;           // flag amb: not next to another capitalised name
  bool no_compound = false;         // flag nocompound: not as first part of X-Y
  bool inflected = false;           // flag inflected: only with an ending ("international isoliert" is an adverb)
  bool accents = false;             // flag accents: spelt with the form's accents ("Malé", not "Male")
  bool before_title = false;        // flag before_title: only right before an official or body
                                    // ("das Pekinger Außenministerium", not "das Washingtoner Abkommen")
  bool event_head = false;          // flag event: only right before an event noun (lexicon class
                                    // event_head): "internationale Sanktionen", not "internationales Recht"
  Date valid_from, valid_to;        // empty: open
};

class ActorDictionary {
 public:
  // Reads every actors file of the bundle; throws DataError "file:line: what" for a
  // malformed row, unknown kind/role/language, bad code or bad validity range.
  // A file with a compiled table (DataFile::compiled, from DataBundle::defaults())
  // stands for the built-in rows compiled at build time.
  explicit ActorDictionary(const DataBundle& data);
  ActorDictionary(const ActorDictionary&) = delete;  // entries view strings it owns
  ActorDictionary& operator=(const ActorDictionary&) = delete;

  // The rows of the dictionary's text files (no compiled rows) in the compiled layout
  // of actors/actor_table.hpp, with `index` attached (the matcher's compiled patterns,
  // ActorMatcher::compile()): the build step that compiles data/actors uses it.
  std::string compile(std::string_view index = {}) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }
  // How many entries, from the first, are the rows of a compiled table (0: none, or the
  // compiled table was not the first actors file), and the index attached to that table
  // (empty when none): the matcher reads its patterns of those entries from the index.
  std::size_t compiled_entries() const { return compiled_entries_; }
  std::string_view compiled_index() const;
  // The label row for the language, else the other language's, else the code.
  std::string label(const ActorCode& code, Lang lang) const;
  // The kind of a known code; nullopt for a code the dictionary does not have.
  std::optional<ActorKind> kind(const ActorCode& code) const;

 private:
  void add_text_file(const DataFile& file);
  void add_compiled(const unsigned char* begin, const unsigned char* end);

  std::vector<ActorEntry> entries_;
  std::deque<std::string> strings_;  // forms and tokens of text rows (entries view them)
  // The token views of the entries (FormTokens point here): one array for the rows of a
  // compiled table, one per text row.
  std::vector<std::unique_ptr<std::string_view[]>> token_arrays_;
  // Labels and kinds of text rows; those of the compiled rows are looked up in the table.
  std::map<std::pair<std::string, Lang>, std::string> labels_;  // (code, lang) -> label, sorted
  std::unordered_map<ActorCode, ActorKind> kinds_;
  const unsigned char* compiled_ = nullptr;  // the compiled table, or nullptr
  std::size_t compiled_entries_ = 0;
};

}  // namespace actorgraph
