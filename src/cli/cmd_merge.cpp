// actorgraph merge: the union of many article graphs, weighted by how many articles say each edge.
#include <iostream>
#include <memory>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/export/formats.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct MergeOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string layout;
  std::size_t min_support = 1;
  std::string since, until;
  std::string id = "merged";
  bool include_negated = false;
  bool code_labels = false;
  NamesOption names;
  std::size_t jobs = 0;
  bool quiet = false;
};

std::string merge_format(const MergeOptions& o) {
  if (!o.format.empty()) return o.format;
  std::vector<std::pair<std::string, std::string>> known;
  for (const auto& f : export_formats()) known.emplace_back(f, f);
  return format_from_extension(o.output, known, "dot");
}

int run_merge(const MergeOptions& o) {
  DateWindow window{date_option(o.since, "--since"), date_option(o.until, "--until")};
  if (!window.valid()) {
    throw UsageError("--until " + o.until + " is before --since " + o.since);
  }
  std::string format = merge_format(o);
  refuse_binary_on_terminal(o.output, format);
  ExportOptions eo;
  if (!o.layout.empty()) eo.layout = o.layout;
  eo.dot.include_negated = o.include_negated;
  eo.dot.code_labels = o.code_labels;
  export_graph(ActorGraph{}, format, eo);  // rejects an unknown format or layout before any work
  check_output_not_input(o.output, with_dicts(o.inputs, o.common));
  NamesOption names = o.names;
  names.choice();  // a bad --names is a usage error before any work

  GraphAccumulator acc;
  std::size_t outside = 0, undated = 0;
  GraphLoadStats stats = load_graphs(
      o.inputs, o.common, o.jobs,
      [&](ActorGraph&& g) {
        if (!window.contains(g.date)) {
          ++(g.date.empty() ? undated : outside);
          return;
        }
        names.count(g);
        acc.add(std::move(g));
      },
      !o.quiet);
  if (stats.loaded == 0) throw InputError("no graph could be read");
  check_date_window(acc.size(), outside, undated);
  ActorGraph merged = filter_min_support(acc.result(), o.min_support);
  merged.id = o.id;
  names.apply(eo, o.common.dicts);
  write_file_atomically(o.output.empty() ? "-" : o.output, export_graph(merged, format, eo));
  if (!o.quiet) {
    std::string msg = "merged " + std::to_string(acc.size()) + " graphs into " +
                      std::to_string(num_vertices(merged.store())) + " actors and " +
                      std::to_string(num_edges(merged.store())) + " edges";
    if (o.min_support > 1) msg += " seen in at least " + std::to_string(o.min_support) + " articles";
    if (outside > 0) msg += "; left out " + std::to_string(outside) + " outside the date window";
    if (stats.failed > 0) msg += "; " + std::to_string(stats.failed) + " inputs failed";
    warn(msg);
  }
  return batch_exit_code(stats);
}

const CommandRegistrar kRegister(31, [](CLI::App& app) -> Action {
  auto o = std::make_shared<MergeOptions>();
  auto* cmd = app.add_subcommand(
      "merge",
      "Merge graphs into one: every actor and edge, edge weight = number of articles that contain it,\n"
      "evidence kept per article. Inputs are graph files (DOT/JSON), directories, JSONL streams of\n"
      "graphs or articles, or articles (*.txt, extracted on the fly).\n"
      "Examples:\n"
      "  actorgraph merge graphs/ -o merged.json\n"
      "  actorgraph merge graphs/ --min-support 2 --since 2023-10 --until 2023-12 -o q4.svg\n"
      "  actorgraph extract --jsonl corpus.jsonl | actorgraph merge - -o merged.dot");
  cmd->add_option("inputs", o->inputs, "Graph files, directories, JSONL streams (- for stdin) or articles")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->add_option("-f,--format", o->format, "dot, json, svg, png, pdf, graphml, csv (default: from -o, else dot)");
  cmd->add_option("--layout", o->layout, "Graphviz layout for pictures: auto, dot, neato, fdp, circo, sfdp");
  cmd->add_option("--min-support", o->min_support, "Keep edges seen in at least N articles (and their actors)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--since", o->since, "Only graphs dated on or after YYYY[-MM[-DD]] (undated graphs are left out)");
  cmd->add_option("--until", o->until, "Only graphs dated on or before YYYY[-MM[-DD]]");
  cmd->add_option("--id", o->id, "Id of the merged graph (default: merged)");
  cmd->add_flag("--include-negated", o->include_negated, "Draw negated relations in pictures too (DOT, JSON, GraphML and CSV always keep them)");
  cmd->add_flag("--codes", o->code_labels, "Label nodes with actor codes instead of names (as --names code)");
  add_names_option(*cmd, o->names);
  cmd->add_option("-j,--jobs", o->jobs, "Threads for reading and extracting (default 0 = all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("-q,--quiet", o->quiet, "No summary line on stderr");
  add_common_options(*cmd, o->common);
  return [o] { return run_merge(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
