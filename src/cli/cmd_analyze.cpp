// actorgraph analyze: centrality, components and the signed bloc structure of a (merged) graph.
#include <iostream>
#include <memory>
#include <sstream>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/compare/analysis.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct AnalyzeOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::size_t top = 15;
  std::size_t exact_limit = 20;
  std::size_t min_support = 1;
  std::size_t min_ties = 3;
  std::string since, until;
  std::size_t jobs = 0;
};

int run_analyze(const AnalyzeOptions& o) {
  std::string format = o.format;
  if (format.empty()) format = format_from_extension(o.output, {{"json", "json"}, {"txt", "text"}}, "text");
  if (format != "text" && format != "json") throw UsageError("--format must be text or json, not '" + format + "'");
  check_output_not_input(o.output, with_dicts(o.inputs, o.common));
  if (o.exact_limit > 30) throw UsageError("--exact-limit above 30 would take too long (2^(n-1) splits)");
  DateWindow window{date_option(o.since, "--since"), date_option(o.until, "--until")};
  if (!window.valid()) throw UsageError("--until " + o.until + " is before --since " + o.since);
  GraphAccumulator acc;
  AnalysisContext context;
  std::size_t outside = 0, undated = 0;
  GraphLoadStats stats = load_graphs(
      o.inputs, o.common, o.jobs,
      [&](ActorGraph&& g) {
        if (!window.contains(g.date)) {
          ++(g.date.empty() ? undated : outside);
          return;
        }
        context.articles += g.articles;
        if (g.date.empty()) context.undated += g.articles;
        else if (context.first.empty() || g.date < context.first) context.first = g.date;
        if (context.last < g.date) context.last = g.date;
        acc.add(std::move(g));
      },
      true);
  if (stats.loaded == 0) throw InputError("no graph could be read");
  check_date_window(acc.size(), outside, undated);
  ActorGraph g = filter_min_support(acc.result(), o.min_support);
  if (acc.size() > 1) g.id = "merged (" + std::to_string(acc.size()) + " graphs)";
  AnalysisOptions ao;
  ao.exact_limit = o.exact_limit;
  ao.min_ties = o.min_ties;
  GraphAnalysis a = analyze_graph(g, ao);
  const std::vector<std::string> caveats = analysis_caveats(a, context);
  write_output_safely(o.output.empty() ? "-" : o.output, [&](std::ostream& out) {
    if (format == "json") {
      nlohmann::json j = analysis_to_json(a, caveats);
      j["graph"] = {{"id", g.id}, {"articles", g.articles}, {"actors", num_vertices(g.store())},
                    {"edges", num_edges(g.store())}};
      out << j.dump(2) << "\n";
    } else {
      write_analysis_text(out, a, g, o.top, caveats);
    }
  });
  return batch_exit_code(stats);
}

const CommandRegistrar kRegister(33, [](CLI::App& app) -> Action {
  auto o = std::make_shared<AnalyzeOptions>();
  auto* cmd = app.add_subcommand(
      "analyze",
      "Analyse a graph (several inputs are merged first) with Boost.Graph: degree and betweenness\n"
      "centrality, connected components, and the signed structure (cooperative relations +,\n"
      "conflictual -): structural balance of triads and, per connected component with enough signed\n"
      "ties, the two-bloc split that fits best; notes say what the figures rest on.\n"
      "Examples:\n"
      "  actorgraph analyze merged.json\n"
      "  actorgraph analyze graphs/ --min-support 2 --format json -o analysis.json");
  cmd->add_option("inputs", o->inputs, "Graph files, directories, JSONL streams (- for stdin) or articles")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->add_option("-f,--format", o->format, "text or json (default: from -o extension, else text)");
  cmd->add_option("--top", o->top, "Rows of the centrality table (0 = all; text only)");
  cmd->add_option("--exact-limit", o->exact_limit,
                  "Exhaustive bloc search up to this many signed actors (default 20), local search above");
  cmd->add_option("--min-support", o->min_support, "Only edges seen in at least N articles")->check(CLI::PositiveNumber);
  cmd->add_option("--min-ties", o->min_ties,
                  "Split a connected component into blocs only with at least N signed ties (default 3)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--since", o->since, "Only graphs dated on or after YYYY[-MM[-DD]]");
  cmd->add_option("--until", o->until, "Only graphs dated on or before YYYY[-MM[-DD]]");
  cmd->add_option("-j,--jobs", o->jobs, "Threads for reading and extracting (default 0 = all cores)")
      ->check(CLI::Range(0, 1024));
  add_common_options(*cmd, o->common);
  return [o] { return run_analyze(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
