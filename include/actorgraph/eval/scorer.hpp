// Evaluation: the scores of ANNOTATION.md (actor and edge P/R/F1, modality
// accuracy, per type, per language, micro and macro) of predicted graphs against gold.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct GoldEdge {
  std::vector<ActorCode> sources;  // alt codes: any one matches
  std::vector<ActorCode> targets;
  RelationType type = RelationType::partnership;
  Modality modality = Modality::asserted;
  bool optional = false;
  std::string evidence;
};

struct GoldArticle {
  std::string id;
  Lang lang = Lang::unknown;
  std::vector<ActorCode> actors;
  std::vector<ActorCode> optional_actors;
  std::vector<GoldEdge> edges;
};

// Reads a gold file; throws InputError naming the file when it is malformed.
GoldArticle read_gold(const std::string& text, const std::string& name);

struct Counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Counts& operator+=(const Counts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn;
    return *this;
  }
};

// A miss or a spurious edge, for the confusion list.
struct EdgeError {
  std::string article;
  std::string kind;  // "missed", "spurious", "modality"
  std::string edge;  // "RUS -> PRK arms_supply (alleged)"
  std::string detail;
};

struct ArticleScore {
  std::string id;
  Lang lang = Lang::unknown;
  Counts actors, edges;
  std::size_t modality_total = 0, modality_correct = 0;
  std::map<RelationType, Counts> by_type;
  std::vector<EdgeError> errors;
};

// Scores one predicted graph against its gold annotation.
ArticleScore score_article(const GoldArticle& gold, const ActorGraph& pred);

struct Summary {
  std::size_t articles = 0;
  Counts actors, edges;
  std::size_t modality_total = 0, modality_correct = 0;
  double macro_actor_f1 = 0, macro_edge_f1 = 0;
  std::map<RelationType, Counts> by_type;
  double modality_accuracy() const {
    return modality_total == 0 ? 1.0 : double(modality_correct) / double(modality_total);
  }
};
Summary summarize(const std::vector<ArticleScore>& scores);

// The figures by name for floors: actor_f1, actor_precision, actor_recall, edge_f1,
// edge_precision, edge_recall, modality_accuracy (each also with _de / _en suffix).
std::map<std::string, double> figures(const std::vector<ArticleScore>& scores);

// Human-readable report (per language, overall, per type, misses) and JSON form.
std::string format_report(const std::vector<ArticleScore>& scores, bool list_errors);
nlohmann::json report_json(const std::vector<ArticleScore>& scores);

}  // namespace actorgraph
