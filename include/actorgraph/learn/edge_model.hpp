// Stage 3b (learn): a linear edge classifier over actor pairs of a sentence.
//
// The rules of stage 3 and the actor mentions of stage 2 propose candidates: every
// ordered pair of different actors named in one sentence. Each candidate is described
// by hashed feature strings (the words between the two mentions and around them, the
// prepositions before each, their roles, order and distance, the rule edges of the
// sentence), and one logistic model per relation type scores it. The weights and the
// per-type thresholds are data (data/model/edges.tsv, "#actorgraph-model 1"), made by
// `actorgraph train` from the annotated training corpus; an empty model changes nothing.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "actorgraph/actors/matcher.hpp"
#include "actorgraph/core/data_files.hpp"
#include "actorgraph/learn/model_blob.hpp"
#include "actorgraph/relations/extractor.hpp"
#include "actorgraph/relations/rules.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {

using TypeScores = std::array<float, kRelationTypeCount>;

// One ordered pair of actors named in one sentence: source candidate a, target b.
struct EdgeCandidate {
  std::size_t sentence = 0;
  ActorCode a, b;
  std::size_t mention_a = 0, mention_b = 0;  // indexes into the mentions (the closest pair)
  std::uint32_t sentence_cues = 0;            // bit t: the sentence has a cue word of relation type t
  std::vector<std::uint64_t> features;        // hashed feature strings
  std::vector<std::string> feature_names;     // the strings, only when asked for (explain, tests)
};

// How model decisions combine with the rules' edges.
enum class ModelMode {
  off,      // the model is not used for this language
  add,      // rule edges stay; the model adds edges above threshold
  replace,  // in a candidate sentence the model decides every type, rule edges included
};

class EdgeModel {
 public:
  // Reads every "#actorgraph-model 1" file of the bundle (rows: "mode\tLANG\toff|add|replace",
  // "threshold\tLANG\tTYPE\tVALUE", "HASH\tTYPE:W,TYPE:W,..."). Throws DataError on a bad row.
  // rules: their cue words are features (the types whose cues occur in the sentence).
  EdgeModel(const DataBundle& data, const Lexicon& lexicon, const RuleSet& rules);

  // How the model is used for one language.
  struct Settings {
    ModelMode mode = ModelMode::off;
    TypeScores thresholds{};
  };

  bool empty() const { return weights_.empty() && builtin_.empty(); }
  const Settings& settings(Lang lang) const { return settings_[lang == Lang::de ? 0 : 1]; }

  // Every candidate of the document with its features. rules are the rule stage's
  // mentions (their types are features). names keeps the feature strings.
  std::vector<EdgeCandidate> candidates(const Document& doc, const std::vector<ActorMention>& mentions,
                                        const std::vector<RelationMention>& rules, bool names = false) const;

  // The model's score (a logit) per type for a candidate.
  TypeScores scores(const EdgeCandidate& c) const;

  // Adds (mode add) or decides (mode replace) relation mentions from the model.
  void apply(const Document& doc, const std::vector<ActorMention>& mentions, std::vector<RelationMention>& relations,
             std::vector<TraceLine>* trace = nullptr) const;

  // Same as apply, with explicit thresholds and mode (training: threshold search).
  void apply_with(const Document& doc, const std::vector<ActorMention>& mentions,
                  std::vector<RelationMention>& relations, const TypeScores& thresholds, ModelMode mode,
                  const std::vector<EdgeCandidate>* precomputed = nullptr,
                  std::vector<TraceLine>* trace = nullptr) const;

  // Training: replaces the weights (used by the trainer between folds).
  void set(std::unordered_map<std::uint64_t, TypeScores> weights, Settings de, Settings en) {
    weights_ = std::move(weights);
    builtin_ = {};
    settings_[0] = de;
    settings_[1] = en;
  }
  // Writes the model as a data file.
  void write(std::ostream& out, const std::string& comment) const;

 private:
  void add_cross_sentence(const Document& doc, const std::vector<ActorMention>& mentions,
                          const std::map<std::pair<std::string, std::string>, std::set<RelationType>>& rule_in_article,
                          const std::function<const std::vector<std::uint16_t>&(std::size_t)>& masks_of,
                          const std::function<bool(std::size_t)>& is_sport,
                          bool names, std::vector<EdgeCandidate>& out) const;

  // The weights of feature hash h (kRelationTypeCount floats): those read as text win
  // over the compiled ones; nullptr when the model has none.
  const float* weights_of(std::uint64_t h) const;

  // rules_here: the rules' relations of the candidate's sentence.
  Modality modality_of(const Document& doc, const EdgeCandidate& c,
                       const std::vector<const RelationMention*>& rules_here) const;

  // Sets masks[t] for each token t of sent: the relation types (bit idx(type)) whose rule
  // cues start there (masks has a slot per token of doc).
  void cue_masks(const Document& doc, const Sentence& sent, std::vector<std::uint16_t>& masks) const;
  // The relation types whose rule cues start at some token of [first, end).
  static std::vector<RelationType> cue_types(const std::vector<std::uint16_t>& masks, std::size_t first,
                                             std::size_t end);

  const Lexicon& lexicon_;
  int alleged_id_ = -1, hyp_id_ = -1;  // the modality classes' ids in lexicon_ (modality_of)
  const RuleSet& rules_;
  std::unordered_map<std::uint64_t, TypeScores> weights_;  // from model files read as text
  model_blob::View builtin_;                               // the compiled built-in model
  Settings settings_[2];                                   // German, English
};

// 64-bit FNV-1a: the stable hash of a feature string (stored in the model file).
std::uint64_t feature_hash(std::string_view s);

}  // namespace actorgraph
