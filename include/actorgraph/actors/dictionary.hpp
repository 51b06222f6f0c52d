// Stage 2 (actors): the actor dictionary, one row per name form, read from
// "#actorgraph-actors 1" files (format: docs/DICTIONARIES.md).
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
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

struct ActorEntry {
  ActorCode code;
  ActorKind kind = ActorKind::state;
  std::optional<Lang> lang;  // nullopt: both languages
  ActorRole role = ActorRole::name;
  std::string form;                 // as written in the file
  std::vector<std::string> tokens;  // tokenize_form(form)
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
  explicit ActorDictionary(const DataBundle& data);

  const std::vector<ActorEntry>& entries() const { return entries_; }
  // The label row for the language, else the other language's, else the code.
  std::string label(const ActorCode& code, Lang lang) const;
  // The kind of a known code; nullopt for a code the dictionary does not have.
  std::optional<ActorKind> kind(const ActorCode& code) const;

 private:
  std::vector<ActorEntry> entries_;
  std::unordered_map<std::string, std::string> labels_;  // "CODE|lang" -> label
  std::unordered_map<ActorCode, ActorKind> kinds_;
};

}  // namespace actorgraph
