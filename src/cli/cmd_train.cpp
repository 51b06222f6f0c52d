// actorgraph train: fits the edge model (stage 3b) on annotated training articles.
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/learn/trainer.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "gold_input.hpp"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

struct TrainCliOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::vector<std::string> jsonl;
  std::string output;
  std::string held_out;
  TrainOptions train;
};

int run_train(const TrainCliOptions& o) {
  for (const auto& p : o.paths) {
    if (fs::path(p).lexically_normal().filename() == "check" ||
        fs::path(p).lexically_normal().parent_path().filename() == "check") {
      throw UsageError("train: " + p + " is the check split; it is never trained on");
    }
  }
  if (o.output.empty()) throw UsageError("train: give the model file with -o, e.g. -o data/model/edges.tsv");
  std::vector<std::string> read = with_dicts(o.paths, o.common);
  read.insert(read.end(), o.jsonl.begin(), o.jsonl.end());
  check_output_not_input(o.output, read);
  CommonOptions rules_only = o.common;
  rules_only.no_model = true;
  PipelinePtr pipeline = make_pipeline(rules_only);
  std::vector<TrainingInput> inputs;
  for (auto& g : load_gold_inputs(o.paths, o.jsonl, true)) {
    TrainingInput t;
    t.id = g.id;
    t.gold = read_gold(g.gold_json, g.gold_path);
    t.evidence = gold_evidence(g.gold_json, g.text);
    t.options = o.common.article_options();
    if (!t.options.lang) t.options.lang = g.options.lang;
    if (!t.options.date) t.options.date = g.options.date;
    t.text = std::move(g.text);
    inputs.push_back(std::move(t));
  }
  DataBundle none;
  EdgeModel model(none, pipeline->lexicon(), pipeline->rules());
  TrainReport report = train_edge_model(*pipeline, inputs, o.train, &model);
  std::cerr << report.text;
  write_output(o.output, [&](std::ostream& out) { model.write(out, report.comment); });
  if (!o.held_out.empty()) write_output(o.held_out, [&](std::ostream& out) { out << report.held_out; });
  return kExitOk;
}

const CommandRegistrar kRegister(32, [](CLI::App& app) -> Action {
  auto o = std::make_shared<TrainCliOptions>();
  auto* cmd = app.add_subcommand(
      "train",
      "Fit the learned edge model on annotated training articles (never the check split): logistic\n"
      "regression per relation type over the actor pairs of each sentence, thresholds and mode chosen\n"
      "by cross-validation. Prints the cross-validated figures; writes the model as a data file.\n"
      "Example:\n"
      "  actorgraph train corpus/train ../shared/corpus/dev --jsonl ../shared/bench/*.jsonl -o data/model/edges.tsv");
  cmd->add_option("paths", o->paths, "Training gold: folders of NAME.txt + NAME.gold.json or of ID.gold.json")
      ->required();
  cmd->add_option("--jsonl", o->jsonl, "JSONL corpora holding the texts of gold stored by id");
  cmd->add_option("-o,--output", o->output, "The model file to write (data/model/edges.tsv)")->required();
  cmd->add_option("--epochs", o->train.epochs, "Passes over the training candidates")->check(CLI::Range(1, 100));
  cmd->add_option("--folds", o->train.folds, "Cross-validation folds")->check(CLI::Range(2, 20));
  cmd->add_option("--min-articles", o->train.min_articles, "A feature must occur in this many articles")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--held-out", o->held_out,
                  "Also write the cross-validated (held-out) errors of every training article, as eval --errors");
  cmd->add_option("--l2", o->train.l2, "Weight decay per update (regularisation)")->check(CLI::Range(0.0, 0.1));
  cmd->add_option("--runs", o->train.runs, "Training runs with different shuffles, averaged")->check(CLI::Range(1, 100));
  add_common_options(*cmd, o->common);
  return [o] { return run_train(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
