// Stage 5 (export): one entry point from a graph to the bytes of any output format.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/export/dot.hpp"
#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct ExportOptions {
  DotOptions dot;
  std::string layout = "dot";  // Graphviz engine for svg/png/pdf
  bool compact = false;        // JSON on one line (JSONL streams)
};

// The formats export_graph() knows, e.g. {"dot", "json", ...}.
const std::vector<std::string>& export_formats();
// The file extension for a format ("json" -> ".json").
std::string format_extension(std::string_view format);
// Writes g in `format`; throws UsageError for an unknown format.
std::string export_graph(const ActorGraph& g, std::string_view format, const ExportOptions& options = {});

}  // namespace actorgraph
