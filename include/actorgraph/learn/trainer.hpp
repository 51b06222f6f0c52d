// Training the edge model (stage 3b) from annotated articles: logistic regression
// per relation type over the candidates of EdgeModel, labels from the gold edges
// and their evidence spans, thresholds and mode chosen by k-fold cross-validation
// on the training articles alone (never on the check split).
#pragma once
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/eval/scorer.hpp"
#include "actorgraph/pipeline.hpp"

namespace actorgraph {

// One annotated article: its text, its gold, and the byte ranges of each gold edge's
// evidence (empty when unknown).
struct TrainingInput {
  std::string id;
  std::string text;
  ArticleOptions options;
  GoldArticle gold;
  std::vector<std::vector<Span>> evidence;  // per gold edge
};

// Reads the evidence ranges of a gold file: "evidence_spans" ([[begin, end], ...])
// when present, else the "evidence" quote (pieces split at "...") found in text.
std::vector<std::vector<Span>> gold_evidence(const std::string& gold_json, const std::string& text);

struct TrainOptions {
  int epochs = 8;
  int runs = 20;  // training runs with different shuffles, averaged (5 left the check figure to the shuffles: +-0.02)
  int folds = 5;
  double learning_rate = 0.1;
  double l2 = 1e-6;
  int min_articles = 2;  // a feature must occur in this many training articles
};

struct TrainReport {
  std::string text;      // cross-validation figures, for people
  std::string comment;   // "# ..." lines written at the top of the model file
  std::string held_out;  // the chosen settings' held-out errors per article (eval --errors form)
};

// Trains on every article (pipeline must have no model), chooses thresholds and mode
// by cross-validation, and returns the final model in *model.
TrainReport train_edge_model(const Pipeline& rules_only, const std::vector<TrainingInput>& articles,
                             const TrainOptions& options, EdgeModel* model);

}  // namespace actorgraph
