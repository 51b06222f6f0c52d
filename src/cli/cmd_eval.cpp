// actorgraph eval: scores the extractor (or given predictions) against gold files.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "actorgraph/core/error.hpp"
#include "actorgraph/eval/scorer.hpp"
#include "actorgraph/export/json.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "gold_input.hpp"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

struct EvalOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string pred_dir;
  bool json = false;
  bool errors = false;
  std::vector<std::string> floors;
  std::vector<std::string> jsonl;
};

int run_eval(const EvalOptions& o) {
  std::vector<std::pair<std::string, double>> floors;
  for (const auto& f : o.floors) {
    auto eq = f.find('=');
    if (eq == std::string::npos) throw UsageError("--floor takes NAME=VALUE, e.g. edge_f1=0.5");
    try {
      floors.emplace_back(f.substr(0, eq), std::stod(f.substr(eq + 1)));
    } catch (const std::exception&) {
      throw UsageError("--floor value is not a number: " + f);
    }
  }
  std::vector<GoldInput> items = load_gold_inputs(o.paths, o.jsonl, o.pred_dir.empty());
  PipelinePtr pipeline;
  if (o.pred_dir.empty()) pipeline = make_pipeline(o.common);
  std::vector<ArticleScore> scores;
  for (auto& item : items) {
    GoldArticle gold = read_gold(item.gold_json, item.gold_path);
    ActorGraph pred;
    if (pipeline) {
      ArticleOptions ao = o.common.article_options();
      if (!ao.lang) ao.lang = item.options.lang;
      if (!ao.date) ao.date = item.options.date;
      pred = pipeline->run(make_document(item.id, std::move(item.text)), ao).graph;
    } else {
      std::string p = (fs::path(o.pred_dir) / (item.id + ".json")).string();
      pred = read_json_graph(read_file(p), p);
    }
    scores.push_back(score_article(gold, pred));
  }
  if (o.json) {
    std::cout << report_json(scores).dump(2) << "\n";
  } else {
    std::cout << format_report(scores, o.errors);
  }
  auto figs = figures(scores);
  int rc = kExitOk;
  for (const auto& [name, value] : floors) {
    auto it = figs.find(name);
    if (it == figs.end()) throw UsageError("unknown figure for --floor: " + name);
    if (it->second + 1e-9 < value) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "below floor: %s = %.3f < %.3f", name.c_str(), it->second, value);
      warn(buf);
      rc = kExitBelowFloor;
    }
  }
  return rc;
}

const CommandRegistrar kRegister(30, [](CLI::App& app) -> Action {
  auto o = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand(
      "eval",
      "Score actors and edges against gold annotations (ANNOTATION.md): P/R/F1 per language and\n"
      "overall, per relation type, modality accuracy. The last line is the overall figures.\n"
      "Examples:\n"
      "  actorgraph eval ../shared/corpus/dev\n"
      "  actorgraph eval ../shared/corpus/dev --errors            # list every miss and spurious edge\n"
      "  actorgraph eval ../shared/corpus/dev --pred predictions/ # score JSON graphs written earlier\n"
      "  actorgraph eval ../shared/corpus/dev --floor edge_f1=0.5 # exit 4 when below\n"
      "  actorgraph eval corpus/check --jsonl ../shared/bench/*.jsonl  # gold by id, texts from corpora");
  cmd->add_option("paths", o->paths,
                  "Directories with NAME.txt + NAME.gold.json, NAME.txt files, or folders of ID.gold.json "
                  "(texts from --jsonl)")->required();
  cmd->add_option("--jsonl", o->jsonl,
                  "JSONL corpora holding the texts of gold files stored by id (each cut at the gold's "
                  "cut_bytes)");
  cmd->add_option("--pred", o->pred_dir, "Read predicted graphs NAME.json from this directory instead of extracting");
  cmd->add_flag("--json", o->json, "Machine-readable report");
  cmd->add_flag("--errors", o->errors, "List every missed, spurious and wrong-modality edge and actor");
  cmd->add_option("--floor", o->floors,
                  "NAME=VALUE: exit 4 when a figure is below VALUE (actor_f1, edge_f1, edge_precision, "
                  "edge_recall, modality_accuracy; suffix _de/_en per language)");
  add_common_options(*cmd, o->common);
  return [o] { return run_eval(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
