// Stage 5 (export): one entry point from a graph to the bytes of any output format.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/actors/dictionary.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/render.hpp"
#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

struct ExportOptions {
  DotOptions dot;
  std::string layout{kDefaultLayout};  // Graphviz engine for svg/png/pdf (and the DOT's layout attribute)
  bool compact = false;                // JSON on one line (JSONL streams)
  // Actor labels in one language (--names): with a dictionary and de or en, every
  // actor it knows is labelled in that language in every format.
  const ActorDictionary* label_dictionary = nullptr;
  Lang label_lang = Lang::unknown;
};

// The formats export_graph() knows: dot, json, svg, png, pdf, graphml, csv, events.
const std::vector<std::string>& export_formats();
// The file extension for a format ("json" -> ".json", "events" -> ".jsonl").
std::string format_extension(std::string_view format);
// True for formats whose bytes are not text (png, pdf).
bool is_binary_format(std::string_view format);
// Writes g in `format`. The data formats (dot, json, graphml, csv) hold every
// actor and edge of g, negated edges included; the pictures (svg, png, pdf) leave
// out what options.dot leaves out (negated edges, isolated actors of merged graphs).
// Throws UsageError for an unknown format or layout
// engine; pictures may throw Error when Graphviz fails (see render_dot()).
std::string export_graph(const ActorGraph& g, std::string_view format, const ExportOptions& options = {});

}  // namespace actorgraph
