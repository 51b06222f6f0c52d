// Stage 5 (export): the graph for other tools: GraphML (Gephi, NetworkX,
// igraph, yEd), a CSV edge list (RFC 4180) and event lines (one JSON object per
// relation mention, the event-data convention of PHOENIX/POLECAT-style data).
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

// GraphML 1.0, edgedefault="directed". Node id = actor code; node data label,
// kind, mentions. One <edge> per (source, target, type), ids e0, e1, ...;
// edge data type, directed (boolean: symmetric types are false), modality,
// count, weight, cameo, plover, label, evidence (the evidence sentences, one per
// line). Graph data: id, date, lang, articles. Negated edges only when
// include_negated. Mixed directedness is a data attribute, not GraphML's own
// `directed` edge attribute, which NetworkX rejects in a directed graph.
void write_graphml(std::ostream& out, const ActorGraph& g, bool include_negated = true);

// The CSV header, in this order.
inline constexpr const char* kCsvHeader = "source,target,type,directed,modality,count,first evidence";
// One row per edge (sorted by key) under kCsvHeader, CRLF line ends, fields
// quoted per RFC 4180 when they contain a comma, quote, CR or LF.
void write_csv(std::ostream& out, const ActorGraph& g, bool include_negated = true);
// Quotes one field per RFC 4180 when needed.
std::string csv_field(std::string_view s);
// Parses RFC 4180 CSV (quoted fields may hold commas, doubled quotes and line
// breaks; CRLF or LF line ends) into rows of fields. Throws InputError naming
// `name` for an unterminated quote or a stray quote inside an unquoted field.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::string& name);

// One JSON object per line per evidence entry (a relation mention): article,
// date, source, source_name, target, target_name, type, directed, modality (of
// that mention), cameo, plover, sentence (index), begin, end (the cue's byte span
// in the article), text (the sentence), rule; publisher when the graph has a
// source. Sorted by edge key, then evidence order. Negated mentions are kept
// (modality "negated") unless include_negated is false.
void write_events(std::ostream& out, const ActorGraph& g, bool include_negated = true);

}  // namespace actorgraph
