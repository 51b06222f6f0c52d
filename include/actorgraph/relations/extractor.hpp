// Stage 3 (relations): turns cue rules plus actor mentions into typed, directed
// relation mentions with modality and evidence, clause by clause.
#pragma once
#include <string>
#include <vector>

#include "actorgraph/actors/matcher.hpp"
#include "actorgraph/relations/rules.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {

// One relation said once in the text. cue is a half-open byte range into
// Document::text covering the cue tokens; sentence indexes Document::sentences.
struct RelationMention {
  ActorCode source;
  ActorCode target;
  RelationType type = RelationType::partnership;
  Modality modality = Modality::asserted;
  std::size_t sentence = 0;
  Span cue;
  std::string rule;  // the rule's "file:line"
};

// A line of the explain trace, attached to a sentence.
struct TraceLine {
  std::size_t sentence = 0;
  std::string text;
};

// The first word that makes a sentence a sports report (a game, not relations between
// states), or sentence.end_token: a word of the class "sports"; or one of "sports_weak"
// (match, league, Spiel, Liga) beside a score ("2:1", "3-0"), a team word ("sports_team")
// or a second sports word. "The Arab League met" and "a match for" report no game.
std::size_t sports_word(const Document& doc, const Sentence& sentence, const Lexicon& lexicon);

class RelationExtractor {
 public:
  // Uses the rules and the lexicon classes: prep, det, coord, clause_break, subord,
  // relpron, speech, source_prep, passive_aux, agent_prep, neg, neg_block, alleged, hyp.
  RelationExtractor(const RuleSet& rules, const Lexicon& lexicon);

  // Every relation mention of the document, in sentence order. When trace is given,
  // appends what each cue found and why a rule fired or was blocked.
  std::vector<RelationMention> extract(const Document& doc, const std::vector<ActorMention>& mentions,
                                       std::vector<TraceLine>* trace = nullptr) const;

 private:
  const RuleSet& rules_;
  const Lexicon& lexicon_;
};

}  // namespace actorgraph
