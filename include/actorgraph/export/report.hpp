// Stage 5 (export): one self-contained HTML report (inline CSS and SVG, no
// script, no network) of one or more analysed articles and, for several, their
// merged graph.
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/export/formats.hpp"
#include "actorgraph/graph/actor_graph.hpp"
#include "actorgraph/text/document.hpp"

namespace actorgraph {

// One analysed article: its Document (text and sentence spans, which place the
// cue spans of the graph's evidence inside their sentences) and its graph.
struct ReportArticle {
  Document doc;
  ActorGraph graph;
};

struct ReportOptions {
  ExportOptions picture;  // layout, labels, negated edges (edge tables always list negated ones)
  std::string title = "actorgraph report";
};

// Writes the report: a summary, for several articles first the merged graph
// (merge_graphs) with its diagram, edge table (weight = articles) and actor
// list, then one section per article: the SVG diagram, the edges with modality
// and every evidence sentence with its cue highlighted, the actors with mention
// counts, and the article text. All text is HTML-escaped; nodes and edges of a
// diagram link to their table rows. The bytes depend only on the input.
void write_report(std::ostream& out, const std::vector<ReportArticle>& articles, const ReportOptions& options = {});

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

}  // namespace actorgraph
