// actorgraph report: articles in, one self-contained HTML report out (diagrams,
// relation tables with highlighted evidence, actor lists, and the merged graph).
#include <memory>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/driver.hpp"
#include "actorgraph/export/report.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct ReportCliOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string id;  // --id: the id of a single article
  std::string output;
  std::string layout{kDefaultLayout};
  std::string title = "actorgraph report";
  bool include_negated = false;
  bool code_labels = false;
  NamesOption names;
};

int run_report(const ReportCliOptions& o) {
  ArticleOptions aopts = o.common.article_options();
  ReportOptions ropts;
  ropts.title = o.title;
  ropts.picture.layout = o.layout;
  ropts.picture.dot.include_negated = o.include_negated;
  ropts.picture.dot.code_labels = o.code_labels;
  check_layout(o.layout);
  o.names.choice();  // a bad --names is a usage error before any work
  if (o.output.empty()) throw UsageError("report needs -o FILE.html");

  std::vector<ArticleFile> files = article_inputs(o.inputs, o.id);
  check_output_not_input(o.output, with_dicts(paths_of(files), o.common));
  auto pipeline = make_pipeline(o.common);
  std::vector<ReportArticle> articles;
  std::size_t failed = 0;
  CorpusSource source(std::move(files), {});
  while (std::optional<CorpusItem> item = source.next()) {
    ArticleRun r = run_article(*pipeline, *item, aopts);
    for (const auto& w : r.warnings) warn(w);
    if (r.result) {
      articles.push_back(ReportArticle{std::move(r.result->doc), std::move(r.result->graph)});
    } else {
      ++failed;
      warn(item->ref + ": " + r.error);
    }
  }
  if (articles.empty()) return kExitInput;
  NamesOption names = o.names;
  for (const auto& a : articles) names.count(a.graph);
  names.apply(ropts.picture, o.common.dicts);
  write_output(o.output, [&](std::ostream& out) { write_report(out, articles, ropts); });
  return failed == 0 ? kExitOk : kExitPartial;
}

const CommandRegistrar kRegister(16, [](CLI::App& app) -> Action {
  auto o = std::make_shared<ReportCliOptions>();
  auto* cmd = app.add_subcommand(
      "report",
      "Analyse articles and write one self-contained HTML report: diagrams, relations with\n"
      "highlighted evidence, actors; for several articles also their merged graph.\n"
      "Examples:\n"
      "  actorgraph report article.txt -o report.html\n"
      "  actorgraph report corpus/ -o corpus.html --title \"Dev corpus\"");
  cmd->add_option("inputs", o->inputs, "Article files, directories (*.txt, recursive) or - for stdin")->required();
  cmd->add_option("-o,--output", o->output, "The HTML file to write")->required();
  cmd->add_option("--title", o->title, "Report title");
  add_id_option(*cmd, o->id);
  cmd->add_option("--layout", o->layout, "Graphviz layout: auto (default: dot, sfdp for big graphs), dot, neato, fdp, circo, sfdp");
  cmd->add_flag("--include-negated", o->include_negated, "Draw negated relations too (the tables always list them)");
  cmd->add_flag("--codes", o->code_labels, "Label nodes with actor codes instead of names (as --names code)");
  add_names_option(*cmd, o->names);
  add_common_options(*cmd, o->common);
  return [o] { return run_report(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
