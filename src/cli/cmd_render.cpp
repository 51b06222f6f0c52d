// actorgraph render: graph files (DOT or actorgraph JSON) in, a picture (or any
// export format) out, laid out in-process by Graphviz. Several inputs are drawn
// as their union (merge_graphs).
#include <algorithm>
#include <memory>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/export/readers.hpp"
#include "actorgraph/graph/merge.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace actorgraph::cli {
namespace {

struct RenderOptions {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string format;
  std::string layout{kDefaultLayout};
  std::string title;
  bool include_negated = false;
  bool code_labels = false;
  NamesOption names;
  bool no_legend = false;
  bool no_edge_labels = false;
  bool no_evidence = false;
};

// The format from --format, else from the -o extension, else svg.
std::string render_format(const RenderOptions& o) {
  if (!o.format.empty()) return o.format;
  std::vector<std::pair<std::string, std::string>> known{{"jsonl", "events"}};
  for (const auto& f : export_formats()) known.emplace_back(f, f);
  return format_from_extension(o.output, known, "svg");
}

int run_render(const RenderOptions& o) {
  const std::string format = render_format(o);
  refuse_binary_on_terminal(o.output, format);
  ExportOptions eopts;
  eopts.layout = o.layout;
  eopts.dot.include_negated = o.include_negated;
  eopts.dot.code_labels = o.code_labels;
  eopts.dot.legend = !o.no_legend;
  eopts.dot.edge_labels = !o.no_edge_labels;
  export_graph(ActorGraph{}, format == "png" || format == "pdf" || format == "svg" ? "dot" : format, eopts);
  check_output_not_input(o.output, o.inputs);
  NamesOption names = o.names;
  names.choice();

  std::vector<ActorGraph> graphs;
  for (const auto& path : o.inputs) {
    graphs.push_back(path == "-" ? read_graph_text(read_file("-"), "stdin") : read_graph_file(path));
    names.count(graphs.back());
  }
  names.apply(eopts, {});
  ActorGraph g = graphs.size() == 1 ? std::move(graphs.front()) : merge_graphs(graphs);
  if (!o.title.empty()) g.id = o.title;
  if (o.no_evidence) {
    for (auto [it, end] = boost::edges(g.store()); it != end; ++it) g.store()[*it].evidence.clear();
  }
  write_output_bytes(o.output, export_graph(g, format, eopts));
  return kExitOk;
}

const CommandRegistrar kRegister(15, [](CLI::App& app) -> Action {
  auto o = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand(
      "render",
      "Draw graph files (DOT or actorgraph JSON) as SVG, PNG or PDF with Graphviz, in-process.\n"
      "Several inputs are drawn as one merged graph (edge weight = graphs containing it).\n"
      "Examples:\n"
      "  actorgraph render graph.dot -o graph.svg\n"
      "  actorgraph render graph.json -o graph.png --layout neato\n"
      "  actorgraph render out/*.json -o corpus.pdf --title \"Dev corpus\"");
  cmd->add_option("inputs", o->inputs, "Graph files: DOT (from actorgraph or with code/type attributes) or JSON; - for stdin")
      ->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: stdout); the format follows its extension");
  cmd->add_option("-f,--format", o->format, "svg, png, pdf (pictures) or dot, json, graphml, csv, events (default: from -o, else svg)");
  cmd->add_option("--layout", o->layout,
                  "Graphviz layout: auto (default: dot for article-sized graphs, sfdp above 20 actors or 40 "
                  "edges), dot, neato, fdp, circo, sfdp");
  cmd->add_option("--title", o->title, "Title in the legend (default: the graph id, 'merged' for several inputs)");
  cmd->add_flag("--include-negated", o->include_negated, "Draw negated relations in pictures too (grey, dashed, 'not ...'; DOT always has them)");
  cmd->add_flag("--codes", o->code_labels, "Label nodes with actor codes instead of names (as --names code)");
  add_names_option(*cmd, o->names);
  cmd->add_flag("--no-legend", o->no_legend, "Leave out the title and legend");
  cmd->add_flag("--no-edge-labels", o->no_edge_labels, "Leave out the edge labels (colour still shows the type)");
  cmd->add_flag("--no-evidence", o->no_evidence,
                "Leave the evidence sentences out of the output (tooltips, GraphML, CSV, JSON), e.g. to publish "
                "pictures without quoting the articles");
  return [o] { return run_render(*o); };
});

}  // namespace
}  // namespace actorgraph::cli
