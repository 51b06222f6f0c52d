// actorgraph compare: pairwise similarity of many graphs, or a timeline by day/week/month.
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "actorgraph/compare/similarity.hpp"
#include "actorgraph/compare/timeline.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/export/formats.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

namespace fs = std::filesystem;

struct CompareOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string measure = "mean";
  std::size_t top = 5;
  std::size_t max_matrix = 2000;
  std::string by_date;
  std::string graphs_dir;
  std::string graph_format = "json";
  std::string layout;
  bool exclude_negated = false;
  bool evidence = false;
  std::size_t jobs = 0;
};

std::string compare_format(const CompareOptions& o) {
  if (!o.format.empty()) return o.format;
  return format_from_extension(o.output, {{"csv", "csv"}, {"json", "json"}, {"txt", "text"}}, "text");
}

int run_similarity(const CompareOptions& o, const std::string& format) {
  auto measure = parse_measure(o.measure);
  if (!measure) throw UsageError("--measure must be mean, actors or edges, not '" + o.measure + "'");
  std::vector<GraphSignature> sigs;
  std::set<std::string> ids;
  GraphLoadStats stats = load_graphs(
      o.inputs, o.common, o.jobs,
      [&](ActorGraph&& g) {
        GraphSignature s = signature_of(g, !o.exclude_negated);
        std::string id = s.id;
        for (int n = 2; !ids.insert(s.id).second; ++n) s.id = id + "#" + std::to_string(n);
        sigs.push_back(std::move(s));
      },
      true);
  if (sigs.size() < 2) throw InputError("compare needs at least two graphs (got " + std::to_string(sigs.size()) + ")");
  const bool with_matrix = format != "text";
  if (with_matrix && sigs.size() > o.max_matrix) {
    throw UsageError("the " + format + " matrix of " + std::to_string(sigs.size()) + " graphs has " +
                     std::to_string(sigs.size() * sigs.size()) + " cells (about " +
                     std::to_string(similarity_csv_bytes(sigs.size()) / 1000000 + 1) +
                     " MB): give --max-matrix " + std::to_string(sigs.size()) +
                     " to write it, or the text summary (no -o .csv/.json) for the most and least similar pairs");
  }
  SimilarityReport r = similarity_report(sigs, *measure, o.top, with_matrix);
  write_output_safely(o.output.empty() ? "-" : o.output, [&](std::ostream& out) {
    if (format == "csv") {
      write_similarity_csv(out, r);
    } else if (format == "json") {
      out << similarity_to_json(r).dump(2) << "\n";
    } else {
      write_similarity_text(out, r);
    }
  });
  return batch_exit_code(stats);
}

int run_timeline(const CompareOptions& o, const std::string& format, Period period) {
  if (format == "csv") throw UsageError("a timeline is written as text or json, not csv");
  ExportOptions eo;
  if (!o.graphs_dir.empty()) {
    check_not_generated_directory(o.graphs_dir);
    if (!o.layout.empty()) eo.layout = o.layout;
    export_graph(ActorGraph{}, o.graph_format, eo);  // rejects an unknown format early
  }
  TimelineBuilder builder(period);  // a negated-only edge neither appears nor disappears
  std::size_t undated = 0;
  GraphLoadStats stats = load_graphs(
      o.inputs, o.common, o.jobs,
      [&](ActorGraph&& g) {
        if (!builder.add(std::move(g))) ++undated;
      },
      true);
  if (undated > 0) {
    warn(std::to_string(undated) + " of " + std::to_string(stats.loaded) + " graphs left out: no date precise enough for a " +
         std::string(to_string(period)));
  }
  std::vector<TimelineStep> steps = builder.build();
  if (steps.empty()) throw InputError("no dated graphs: nothing to put on a timeline");
  write_output_safely(o.output.empty() ? "-" : o.output, [&](std::ostream& out) {
    if (format == "json") {
      out << timeline_to_json(steps, period, o.evidence).dump(2) << "\n";
    } else {
      write_timeline_text(out, steps, period);
    }
  });
  if (!o.graphs_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.graphs_dir, ec);
    if (ec) throw Error("cannot create directory " + o.graphs_dir + ": " + ec.message());
    for (const auto& s : steps) {
      std::string path = (fs::path(o.graphs_dir) / (safe_file_name(s.period) + format_extension(o.graph_format))).string();
      write_file_atomically(path, export_graph(s.merged, o.graph_format, eo));
    }
  }
  return batch_exit_code(stats);
}

int run_compare(const CompareOptions& o) {
  std::string format = compare_format(o);
  if (format != "text" && format != "csv" && format != "json") {
    throw UsageError("--format must be text, csv or json, not '" + format + "'");
  }
  check_output_not_input(o.output, with_dicts(o.inputs, o.common));
  if (o.by_date.empty()) {
    if (!o.graphs_dir.empty()) throw UsageError("--graphs needs --by-date");
    return run_similarity(o, format);
  }
  auto period = parse_period(o.by_date);
  if (!period) throw UsageError("--by-date must be day, week or month, not '" + o.by_date + "'");
  return run_timeline(o, format, *period);
}

const CommandRegistrar kRegister(32, [](CLI::App& app) -> Action {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand(
      "compare",
      "Compare many graphs: the pairwise similarity matrix (Jaccard of actor sets and typed edge sets)\n"
      "with the most and least similar pairs; or, with --by-date, a timeline: per period the merged\n"
      "graph and the edges that appeared and disappeared since the previous period.\n"
      "Examples:\n"
      "  actorgraph compare graphs/                      # summary: most/least similar pairs\n"
      "  actorgraph compare graphs/ -o matrix.csv        # the whole matrix\n"
      "  actorgraph compare corpus.jsonl --by-date month --graphs months/ -o timeline.json");
  cmd->add_option("inputs", o->inputs, "Graph files, directories, JSONL streams (- for stdin) or articles")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->add_option("-f,--format", o->format, "text, csv (matrix) or json (default: from -o extension, else text)");
  cmd->add_option("--measure", o->measure, "Similarity: mean (of actor and edge Jaccard, default), actors or edges");
  cmd->add_option("--top", o->top, "How many most/least similar pairs to list (default 5)");
  cmd->add_option("--max-matrix", o->max_matrix,
                  "Refuse a csv/json matrix of more than N graphs (default 2000: about 28 MB; it grows with N^2)");
  cmd->add_option("--by-date", o->by_date, "Timeline by day, week (ISO) or month instead of the matrix");
  cmd->add_option("--graphs", o->graphs_dir, "With --by-date: write each period's merged graph into this directory");
  cmd->add_option("--graph-format", o->graph_format, "Format of the --graphs files: json (default), dot, svg, ...");
  cmd->add_option("--layout", o->layout, "Graphviz layout for --graph-format svg/png/pdf");
  cmd->add_flag("--exclude-negated", o->exclude_negated,
                "Leave negated edges out of the similarity (a timeline always leaves them out)");
  cmd->add_flag("--evidence", o->evidence, "Timeline JSON with evidence sentences");
  cmd->add_option("-j,--jobs", o->jobs, "Threads for reading and extracting (default 0 = all cores)")
      ->check(CLI::Range(0, 1024));
  add_common_options(*cmd, o->common);
  return [o] { return run_compare(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
