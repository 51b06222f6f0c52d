// actorgraph diff: what two graphs (or articles, or two sets of them) agree and disagree on.
#include <iostream>
#include <memory>
#include <sstream>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/compare/diff.hpp"
#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/output.hpp"
#include "actorgraph/export/render.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct DiffCliOptions {
  CommonOptions common;
  std::string a, b;
  std::string output;
  std::string format;
  std::string layout;
  bool exclude_negated = false;
  bool no_evidence = false;
};

std::string diff_format(const DiffCliOptions& o) {
  if (!o.format.empty()) return o.format;
  return format_from_extension(o.output, {{"json", "json"}, {"dot", "dot"}, {"svg", "svg"}, {"txt", "text"}}, "text");
}

// One side of the comparison: a single graph, or the union of every graph an
// input holds (a directory or a JSONL stream).
ActorGraph load_side(const std::string& path, const CommonOptions& common, std::size_t* failed) {
  GraphAccumulator acc;
  std::string last_id;
  GraphLoadStats s = load_graphs({path}, common, 0, [&](ActorGraph&& g) { acc.add(std::move(g)); });
  *failed += s.failed;
  if (s.loaded == 0) throw InputError(path + ": no graph could be read");
  ActorGraph g = acc.result();
  if (s.loaded > 1) g.id = path;
  return g;
}

int run_diff(const DiffCliOptions& o) {
  std::string format = diff_format(o);
  if (format != "text" && format != "json" && format != "dot" && format != "svg") {
    throw UsageError("--format must be text, json, dot or svg, not '" + format + "'");
  }
  std::string layout = o.layout.empty() ? std::string(kDefaultLayout) : o.layout;
  check_layout(layout);
  check_output_not_input(o.output, with_dicts({o.a, o.b}, o.common));
  std::size_t failed = 0;
  ActorGraph a = load_side(o.a, o.common, &failed);
  ActorGraph b = load_side(o.b, o.common, &failed);
  DiffOptions dopts;
  dopts.include_negated = !o.exclude_negated;
  GraphDiff d = diff_graphs(a, b, dopts);
  std::string bytes;
  if (format == "json") {
    bytes = diff_to_json(d, a, b, !o.no_evidence).dump(2) + "\n";
  } else if (format == "text") {
    std::ostringstream ss;
    write_diff_text(ss, d, a, b);
    bytes = ss.str();
  } else {
    std::size_t nodes = d.actors_added.size() + d.actors_removed.size() + d.actors_shared.size();
    std::size_t edges = d.only_a.size() + d.only_b.size() + d.both.size();
    if (format == "svg") check_picture_size(nodes, edges);
    layout = resolve_layout(layout, nodes, edges);
    std::ostringstream ss;
    write_diff_dot(ss, d, a, b, layout);
    bytes = format == "dot" ? ss.str() : render_dot(ss.str(), "svg", layout);
  }
  write_file_atomically(o.output.empty() ? "-" : o.output, bytes);
  return failed == 0 ? kExitOk : kExitPartial;
}

const CommandRegistrar kRegister(30, [](CLI::App& app) -> Action {
  auto o = std::make_shared<DiffCliOptions>();
  auto* cmd = app.add_subcommand(
      "diff",
      "Compare two graphs: edges only in A (removed), only in B (added), in both, modality changes,\n"
      "actors added/removed, Jaccard of actor and typed edge sets. A and B are graph files (DOT/JSON\n"
      "from actorgraph), articles (*.txt), or directories/JSONL streams whose graphs are merged first.\n"
      "Examples:\n"
      "  actorgraph diff monday.json tuesday.json\n"
      "  actorgraph diff outlet-a/ outlet-b/ --format json -o diff.json\n"
      "  actorgraph diff a.txt b.txt -o diff.svg");
  cmd->add_option("A", o->a, "The first graph (the 'before')")->required();
  cmd->add_option("B", o->b, "The second graph (the 'after')")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout)");
  cmd->add_option("-f,--format", o->format, "text, json, dot or svg (default: from -o extension, else text)");
  cmd->add_option("--layout", o->layout, "Graphviz layout for dot/svg: dot, neato, fdp, circo, sfdp");
  cmd->add_flag("--exclude-negated", o->exclude_negated, "Leave negated edges out of the comparison");
  cmd->add_flag("--no-evidence", o->no_evidence, "JSON without evidence sentences");
  add_common_options(*cmd, o->common);
  return [o] { return run_diff(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
