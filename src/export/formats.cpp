#include "actorgraph/export/formats.hpp"

#include <algorithm>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/tables.hpp"
#include "actorgraph/graph/labels.hpp"

namespace actorgraph {

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> formats{"dot", "json", "svg", "png", "pdf", "graphml", "csv", "events"};
  return formats;
}

std::string format_extension(std::string_view format) {
  if (format == "events") return ".jsonl";
  return "." + std::string(format);
}

bool is_binary_format(std::string_view format) { return format == "png" || format == "pdf"; }

std::string export_graph(const ActorGraph& graph, std::string_view format, const ExportOptions& options) {
  if (options.label_dictionary && options.label_lang != Lang::unknown) {
    ExportOptions plain = options;
    plain.label_dictionary = nullptr;
    return export_graph(relabel_actors(graph, *options.label_dictionary, options.label_lang), format, plain);
  }
  const ActorGraph& g = graph;
  const auto& known = export_formats();
  if (std::find(known.begin(), known.end(), format) == known.end()) {
    throw UsageError("unknown format '" + std::string(format) +
                     "' (use dot, json, svg, png, pdf, graphml, csv or events)");
  }
  check_layout(options.layout);
  DotOptions dot = options.dot;
  dot.layout = options.layout;
  std::ostringstream out;
  if (format == "dot") {
    // DOT is a data format like JSON, GraphML and CSV (render, merge and other
    // tools read it back): every actor and edge, negated edges drawn grey and
    // dashed. Only the pictures leave things out.
    dot.include_negated = true;
    dot.isolated = DotOptions::Isolated::draw;
    write_dot(out, g, dot);
  } else if (is_picture_format(format)) {
    check_picture_size(num_vertices(g.store()), num_edges(g.store()));  // before any DOT is built
    write_dot(out, g, dot);
    return render_dot(out.str(), format, dot_view(g, dot).layout);
  } else if (format == "json") {
    JsonOptions jo;
    if (options.compact) {
      out << graph_to_json(g, jo).dump() << '\n';
    } else {
      write_json(out, g, jo);
    }
  } else if (format == "graphml") {
    // Exports for other tools keep negated edges (marked) like JSON does.
    write_graphml(out, g, true);
  } else if (format == "csv") {
    write_csv(out, g, true);
  } else if (format == "events") {
    write_events(out, g, true);
  }
  return out.str();
}

}  // namespace actorgraph
