// The whole article pipeline: Document -> ActorMention[] -> RelationMention[] -> ActorGraph.
// Build one Pipeline (it owns every stage, built once from data) and share it
// between threads: run() is const and thread-safe.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/actors/matcher.hpp"
#include "actorgraph/core/data_files.hpp"
#include "actorgraph/graph/actor_graph.hpp"
#include "actorgraph/learn/edge_model.hpp"
#include "actorgraph/relations/extractor.hpp"
#include "actorgraph/relations/rules.hpp"
#include "actorgraph/text/document.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actorgraph/text/morphology.hpp"
#include "actorgraph/text/segmenter.hpp"

namespace actorgraph {

struct ArticleOptions {
  std::optional<Lang> lang;  // force the language instead of detecting it
  std::optional<Date> date;  // override the article date
};

struct ArticleResult {
  Document doc;
  std::vector<ActorMention> mentions;
  std::vector<RelationMention> relations;
  ActorGraph graph;
  std::vector<TraceLine> trace;  // filled only when run(..., trace = true)
};

class Pipeline {
 public:
  explicit Pipeline(const DataBundle& data);

  // Runs every stage on a Document from make_document(). Throws InputError when
  // the language cannot be detected and none is forced.
  ArticleResult run(Document doc, const ArticleOptions& options = {}, bool trace = false) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const Morphology& morphology() const { return morphology_; }
  const RuleSet& rules() const { return rules_; }
  const Segmenter& segmenter() const { return segmenter_; }
  const ActorDictionary& dictionary() const { return dictionary_; }
  const EdgeModel& model() const { return model_; }

  // The stages up to the rules (no learned edges): for training the model.
  ArticleResult run_rules(Document doc, const ArticleOptions& options = {}) const;

 private:
  Lexicon lexicon_;
  Morphology morphology_;
  ActorDictionary dictionary_;
  Segmenter segmenter_;
  ActorMatcher matcher_;
  RuleSet rules_;
  RelationExtractor extractor_;
  EdgeModel model_;
};

// Builds the article graph: every acting actor as a node (mention counts), every
// relation mention folded into its (source, target, type) edge with evidence.
ActorGraph build_graph(const Document& doc, const std::vector<ActorMention>& mentions,
                       const std::vector<RelationMention>& relations, const ActorDictionary& dictionary);

}  // namespace actorgraph
