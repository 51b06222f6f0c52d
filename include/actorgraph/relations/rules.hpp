// Stage 3 (relations): relation cue rules from "#actorgraph-rules 1" files
// (format: docs/RULES.md), compiled into one automaton over token forms.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/core/aho_corasick.hpp"
#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/flat_index.hpp"
#include "actorgraph/core/types.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/morphology.hpp"

namespace actorgraph {

// A glob over one normalised token: "sanktion*" (prefix), "*lieferung" (suffix, the
// head of a German compound), "*waffe*" (anywhere), "traf" (exact).
// "=angreifen" is a lemma: it matches every form whose lemma it is (morphology stage:
// "griff ... an", "angegriffen", "anzugreifen"; a German compound by its head:
// "=angriff" matches "Luftangriffe").
struct TokenGlob {
  std::string text;
  bool open_start = false;  // leading '*'
  bool open_end = false;    // trailing '*'
  bool lemma = false;       // leading '='
  std::uint8_t word_class = 0;  // for lemmas: morph::kVerb (verb rows) or morph::kNoun (noun rows)
  // A lemma the table does not list, read as a compound of a known noun: the token's
  // compound head has lemma `head` and `compound_prefix` stands right before it
  // ("=waffenlieferung": head "lieferung", prefix "waffen").
  std::string head;
  std::string compound_prefix;
  bool matches(std::string_view norm) const;  // for lemma globs: norm == text
  bool matches(const Token& tok) const;
};

// How one role (source or target) of a rule is found; tried in the order written.
enum class RoleStrategy : std::uint8_t {
  subj,     // the unmarked actor before the cue in the clause (German inversion: after it)
  obj,      // the unmarked actor after the cue (German verb-final: before it, after the subject)
  poss,     // possessor or adjective right before a noun cue: Russlands/russische/Russia's
  gen,      // genitive or "of" right after a noun cue: die Unterstützung Russlands
  prep,     // the actor governed by one of the listed prepositions: gegen, an, against
  between,  // zwischen X und Y / between X and Y: both actors
  speaker,  // the speaker of the sentence: "sagte Lawrow", "according to Moscow"
  hyph,     // first part of a hyphenated compound with the cue: Russland-Sanktionen
  acr,      // as hyph, but only an all-capitals acronym: US-Sanktionen, EU-Sanktionen
  rel,      // targets only: an actor in the relative clause attached to a noun cue, not
            // its subject: "ein Angriff, bei dem zwei Palästinenser verletzt wurden"
  comp,     // the subject of the "dass"/"that" clause right after the cue's clause:
            // "bedauerte, dass Israel ...", "regretted that Israel ..." (targets only)
  other,    // the one other actor of the clause, when there is exactly one (targets only)
  place,    // as prep ("Angriffe in Mali"), for targets only, when every source is an armed
            // or political group: the state where a group attacks is its target, while a
            // state's operation in another state may be against insurgents there
  site,     // as place, for any source, when the state is not a source's own: aid where
            // it is delivered ("the UN relief operation in Indonesia"), an occupation
  appos,    // the actor a noun cue stands in apposition with: right after it ("its ally the
            // United States", "allies like Japan") or before its noun phrase and a comma
            // ("China, North Korea's closest ally,")
  reporter, // sources only: who reports the cue's clause, a wrong done ("Peru says Chile
            // violated the truce", "Chile habe die Waffenruhe verletzt, sagte Peru")
};

struct RoleSpec {
  RoleStrategy strategy = RoleStrategy::subj;
  std::vector<std::string> preps;  // for prep, place and site
};

struct Rule {
  std::string id;  // "file:line", printed with every relation it makes
  Lang lang = Lang::de;
  std::string cue;                // as written
  std::vector<TokenGlob> tokens;  // cue tokens; gap[i] says whether "..." precedes token i
  std::vector<bool> gap;
  RelationType type = RelationType::partnership;
  std::vector<RoleSpec> source;
  std::vector<RoleSpec> target;
  std::vector<TokenGlob> need;       // one of these must be in the clause (need=a|b)
  std::vector<TokenGlob> forbid;     // none of these may be in the clause (not=a|b)
  std::optional<Modality> modality;  // mod=...: fixed modality of the cue itself
  bool speech = false;               // a speech act: the sentence's speaker may be its source
  bool noun = false;                 // a nominal cue: passive voice does not swap its roles
  bool block = false;                // block: where it matches, no rule of its type fires on that word
  bool adjective = false;            // adjective: a predicative adjective ('disappointed by X'), never passive
  bool mutual = false;               // mutual: "Indien und Pakistan lieferten sich Gefechte" is
                                     // military action both ways (a reciprocal word needed)
  bool joint = false;                // joint: "U.S. and Iraqi forces launched an assault" is joint
                                     // action even without a target (not so "fought", "clashed")
};

class RuleSet {
 public:
  // Reads every rules file of the bundle: rows
  // "lang<TAB>cue<TAB>type<TAB>source<TAB>target[<TAB>flags]". Throws DataError
  // "file:line: what" for unknown types, strategies, flags or malformed cues.
  // Lemma cues ("=angreifen") must be lemmas of the morphology's table, or compounds
  // with a known noun as head; otherwise DataError. The cues of a file with resolved
  // lemmas (DataFile::resolved_lemmas: the built-in rules) are taken from those, not
  // looked up in the morphology.
  RuleSet(const DataBundle& data, const Morphology& morphology);

  // Every lemma cue of the rules (cue tokens, need= and not= words) as resolved, in the
  // layout of relations/lemma_table.hpp: the build step that resolves the built-in rules'
  // cues uses it. Throws DataError for a lemma longer than 254 bytes.
  std::string compile_lemmas() const;

  const std::vector<Rule>& rules() const { return rules_; }
  // True when some rule of the language could start at this token.
  bool starts_rule(Lang lang, const Token& tok) const {
    bool any = false;
    first_token_hits(lang, tok, [&](const Rule& r) { any = any || r.lang == lang; });
    return any;
  }

  // Calls on_hit(rule) for every rule whose first cue token matches tok in `lang`
  // (by its form, or by one of its lemmas for lemma cues; each rule once).
  template <typename F>
  void first_token_hits(Lang lang, const Token& tok, F&& on_hit) const {
    const std::string_view norm = tok.norm;
    const int l = lang == Lang::de ? 0 : 1;
    automata_[l].scan(norm, [&](std::uint32_t id, std::size_t b, std::size_t e) {
      const Rule& r = rules_[id];
      const TokenGlob& g = r.tokens[0];
      if ((g.open_start || b == 0) && (g.open_end || e == norm.size())) on_hit(r);
    });
    if (lemma_first_[l].empty()) return;
    std::uint32_t seen[8];
    std::size_t n_seen = 0;
    auto by_lemma = [&](std::string_view lemma) {
      const std::vector<std::uint32_t>* ids = lemma_first_[l].find(lemma);
      if (!ids) return;
      for (std::uint32_t id : *ids) {
        if (!rules_[id].tokens[0].matches(tok)) continue;  // a compound's prefix
        bool dup = false;
        for (std::size_t k = 0; k < n_seen; ++k) dup = dup || seen[k] == id;
        if (dup) continue;
        if (n_seen < 8) seen[n_seen++] = id;
        on_hit(rules_[id]);
      }
    };
    const TokenMorph& m = tok.morph;
    by_lemma(norm);  // the lemma's own form, even where the table does not know it
    if (m.joined) {
      by_lemma(m.joined.form());
    } else {
      for (std::size_t k = 0; k < m.entry.lemma_count(); ++k) by_lemma(m.entry.lemma(k));
    }
    for (std::size_t k = 0; k < m.head.lemma_count(); ++k) by_lemma(m.head.lemma(k));
  }

 private:
  std::vector<Rule> rules_;
  AhoCorasick automata_[2];  // first cue tokens that are globs, by language
  // Rules whose first cue token is a lemma, by the lemma.
  FlatMap<std::vector<std::uint32_t>> lemma_first_[2];
};

}  // namespace actorgraph
