#include "actorgraph/export/report.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <ostream>
#include <set>

#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/escape.hpp"
#include "actorgraph/graph/merge.hpp"

namespace actorgraph {
namespace {

constexpr const char* kStyle = R"css(
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d8dde5; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif;
       color: var(--ink); background: var(--bg); }
header { background: #1d2430; color: #fff; padding: 18px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c9d1dc; }
nav { padding: 8px 28px; background: #fff; border-bottom: 1px solid var(--line); font-size: 13px; }
nav a { margin-right: 10px; color: #2a5db0; text-decoration: none; white-space: nowrap; line-height: 1.8; }
main { padding: 8px 28px 40px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 18px 0; }
h2 { margin: 0 0 4px; font-size: 19px; }
h3 { margin: 18px 0 6px; font-size: 15px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.meta { color: var(--muted); margin: 0 0 10px; font-size: 13px; }
.diagram { overflow: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff; text-align: center; }
.diagram svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: #eef1f5; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff6d6; }
.chip { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.mod { font-size: 12px; padding: 1px 6px; border-radius: 9px; background: #e9edf2; white-space: nowrap; }
.mod-alleged { background: #fde9c9; } .mod-hypothetical { background: #e6e0f3; } .mod-negated { background: #e0e0e0; text-decoration: line-through; }
ol.ev { margin: 0; padding-left: 18px; } ol.ev li { margin: 2px 0; }
mark { background: #ffe27a; padding: 0 1px; border-radius: 2px; }
.src { color: var(--muted); font-size: 12px; }
details { margin-top: 10px; } summary { cursor: pointer; color: var(--muted); }
.text { white-space: pre-wrap; background: var(--bg); padding: 10px 12px; border-radius: 4px; font-size: 14px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; padding: 0 28px 24px; }
)css";

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The SVG element of Graphviz's output, without its XML prolog and DOCTYPE
// (not allowed inline in HTML), scaled to the page width by CSS.
std::string inline_svg(const std::string& svg) {
  std::size_t at = svg.find("<svg");
  return at == std::string::npos ? std::string() : svg.substr(at);
}

// Evidence sentence with the cue marked. The cue is a byte span of the article
// and the sentence starts at sentence_begin; when they do not fit (an evidence
// from a graph file), the sentence is shown without a mark.
std::string marked_sentence(const Evidence& e, const Document* doc) {
  if (doc && e.sentence < doc->sentences.size()) {
    const Span s = doc->sentences[e.sentence].span;
    if (e.span.begin >= s.begin && e.span.end <= s.end && e.span.begin < e.span.end &&
        doc->slice(s) == e.text) {
      std::size_t b = e.span.begin - s.begin, n = e.span.size();
      return html_escape(e.text.substr(0, b)) + "<mark>" + html_escape(e.text.substr(b, n)) + "</mark>" +
             html_escape(e.text.substr(b + n));
    }
  }
  return html_escape(e.text);
}

// The article text with every cue of the graph marked.
std::string marked_text(const Document& doc, const ActorGraph& g) {
  std::set<std::pair<std::size_t, std::size_t>> cues;
  for (EdgeId e : g.sorted_edges()) {
    for (const Evidence& x : g.store()[e].evidence) {
      if (x.span.begin < x.span.end && x.span.end <= doc.text.size()) cues.insert({x.span.begin, x.span.end});
    }
  }
  std::string out;
  std::size_t pos = doc.body.begin;
  for (auto [b, e] : cues) {
    if (b < pos) continue;  // overlapping cues: the first wins
    out += html_escape(doc.text.substr(pos, b - pos)) + "<mark>" + html_escape(doc.text.substr(b, e - b)) + "</mark>";
    pos = e;
  }
  if (pos < doc.text.size()) out += html_escape(doc.text.substr(pos));
  return out;
}

class Writer {
 public:
  Writer(std::ostream& out, const ReportOptions& options, const std::map<std::string, const Document*>& docs)
      : out_(out), options_(options), docs_(docs) {}

  void section(const std::string& anchor, const std::string& heading, const ActorGraph& g, const Document* doc,
               bool merged) {
    const std::string prefix = anchor + "-";
    out_ << "<section id=\"" << anchor << "\">\n<h2>" << html_escape(heading) << "</h2>\n<p class=\"meta\">";
    std::vector<std::string> meta;
    if (merged) meta.push_back(plural(g.articles, "article", "articles"));
    if (!g.date.empty()) meta.push_back((merged ? "latest " : "") + g.date.str());
    if (g.lang != Lang::unknown) meta.push_back(std::string(to_string(g.lang)));
    if (!g.source.empty()) meta.push_back(g.source);
    meta.push_back(plural(boost::num_vertices(g.store()), "actor", "actors"));
    meta.push_back(plural(boost::num_edges(g.store()), "relation", "relations"));
    for (std::size_t i = 0; i < meta.size(); ++i) out_ << (i ? " · " : "") << html_escape(meta[i]);
    out_ << "</p>\n";

    ExportOptions picture = options_.picture;
    picture.dot.id_prefix = prefix;
    picture.dot.links = true;
    out_ << "<div class=\"diagram\">\n" << inline_svg(export_graph(g, "svg", picture)) << "</div>\n";
    edge_table(g, doc, merged, prefix);
    actor_table(g, prefix);
    if (doc) {
      out_ << "<details><summary>Article text (cues marked)</summary>\n<div class=\"text\">" << marked_text(*doc, g)
           << "</div></details>\n";
    }
    out_ << "</section>\n";
  }

 private:
  void edge_table(const ActorGraph& g, const Document* doc, bool merged, const std::string& prefix) {
    out_ << "<h3>Relations</h3>\n";
    if (boost::num_edges(g.store()) == 0) {
      out_ << "<p class=\"empty\">No relations found.</p>\n";
      return;
    }
    out_ << "<table>\n<thead><tr><th>Source</th><th>Target</th><th>Type</th><th>Modality</th>"
         << "<th>Mentions</th>" << (merged ? "<th>Articles</th>" : "") << "<th>Evidence (cue marked)</th></tr></thead>\n<tbody>\n";
    // Most widespread first (articles, then mentions), then by key.
    std::vector<EdgeId> edges = g.sorted_edges();
    std::stable_sort(edges.begin(), edges.end(), [&](EdgeId a, EdgeId b) {
      const RelationEdge &x = g.store()[a], &y = g.store()[b];
      return std::tie(x.weight, x.count) > std::tie(y.weight, y.count);
    });
    for (EdgeId e : edges) {
      const RelationEdge& d = g.store()[e];
      const EdgeKey k = g.key(e);
      const ActorNode& s = g.node(*g.find(k.source));
      const ActorNode& t = g.node(*g.find(k.target));
      out_ << "<tr id=\"" << prefix << "row-" << edge_element_id(k) << "\"><td>" << html_escape(s.label)
           << " <span class=\"src\">" << k.source.str() << "</span></td><td>" << html_escape(t.label)
           << " <span class=\"src\">" << k.target.str() << "</span></td><td><span class=\"chip\" style=\"background:"
           << type_color(d.type) << "\"></span>" << html_escape(type_label(d.type))
           << (is_directed(d.type) ? "" : " (mutual)") << "</td><td><span class=\"mod mod-" << to_string(d.modality)
           << "\">" << to_string(d.modality) << "</span></td><td class=\"num\">" << d.count << "</td>";
      if (merged) out_ << "<td class=\"num\">" << d.weight << "</td>";
      out_ << "<td><ol class=\"ev\">";
      for (const Evidence& x : d.evidence) {
        auto it = docs_.find(x.article);
        const Document* ev_doc = it != docs_.end() ? it->second : doc;
        out_ << "<li";
        if (!x.rule.empty()) out_ << " title=\"rule " << html_escape(x.rule) << "\"";
        out_ << ">" << marked_sentence(x, ev_doc);
        std::vector<std::string> notes;
        if (merged && !x.article.empty()) notes.push_back(x.article);
        if (x.modality != d.modality) notes.push_back(std::string(to_string(x.modality)));
        if (!notes.empty()) {
          out_ << " <span class=\"src\">(";
          for (std::size_t i = 0; i < notes.size(); ++i) out_ << (i ? ", " : "") << html_escape(notes[i]);
          out_ << ")</span>";
        }
        out_ << "</li>";
      }
      out_ << "</ol></td></tr>\n";
    }
    out_ << "</tbody></table>\n";
  }

  void actor_table(const ActorGraph& g, const std::string& prefix) {
    out_ << "<h3>Actors</h3>\n";
    if (boost::num_vertices(g.store()) == 0) {
      out_ << "<p class=\"empty\">No actors found.</p>\n";
      return;
    }
    // Most mentioned first, then by code.
    std::vector<Vertex> nodes = g.sorted_nodes();
    std::stable_sort(nodes.begin(), nodes.end(),
                     [&](Vertex a, Vertex b) { return g.node(a).mentions > g.node(b).mentions; });
    out_ << "<table>\n<thead><tr><th>Actor</th><th>Code</th><th>Kind</th><th>Mentions</th><th>Relations</th></tr>"
         << "</thead>\n<tbody>\n";
    for (Vertex v : nodes) {
      const ActorNode& n = g.node(v);
      std::size_t degree = boost::out_degree(v, g.store()) + boost::in_degree(v, g.store());
      out_ << "<tr id=\"" << prefix << "row-" << actor_element_id(n.code) << "\"><td><span class=\"chip\" style=\"background:"
           << kind_color(n.kind) << ";border:1px solid #888\"></span>" << html_escape(n.label) << "</td><td>"
           << n.code.str() << "</td><td>" << to_string(n.kind) << "</td><td class=\"num\">" << n.mentions
           << "</td><td class=\"num\">" << degree << "</td></tr>\n";
    }
    out_ << "</tbody></table>\n";
  }

  std::ostream& out_;
  const ReportOptions& options_;
  const std::map<std::string, const Document*>& docs_;
};

}  // namespace

std::string html_escape(std::string_view s) { return markup_escape(s, Markup::html); }

void write_report(std::ostream& out, const std::vector<ReportArticle>& articles, const ReportOptions& options) {
  std::map<std::string, const Document*> docs;
  for (const auto& a : articles) docs.emplace(a.graph.id, &a.doc);
  const bool several = articles.size() > 1;

  std::size_t relations = 0;
  for (const auto& a : articles) relations += boost::num_edges(a.graph.store());
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"actorgraph " << ACTORGRAPH_VERSION << "\">\n"
      << "<title>" << html_escape(options.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<header><h1>" << html_escape(options.title) << "</h1><p>" << plural(articles.size(), "article", "articles")
      << ", " << plural(relations, "relation", "relations") << " in the article graphs</p></header>\n";
  std::vector<std::string> anchors;
  for (std::size_t i = 0; i < articles.size(); ++i) anchors.push_back("article-" + std::to_string(i + 1));
  if (several) {
    out << "<nav><a href=\"#merged\">Merged graph</a>";
    for (std::size_t i = 0; i < articles.size(); ++i) {
      out << "\n<a href=\"#" << anchors[i] << "\">" << html_escape(articles[i].graph.id) << "</a>";
    }
    out << "</nav>\n";
  }
  out << "<main>\n";
  Writer w(out, options, docs);
  if (several) {
    std::vector<ActorGraph> graphs;
    for (const auto& a : articles) graphs.push_back(a.graph);
    ActorGraph merged = merge_graphs(graphs);
    merged.id = "Merged graph";
    w.section("merged", "Merged graph", merged, nullptr, true);
  }
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const auto& a = articles[i];
    w.section(anchors[i], a.graph.id, a.graph, &a.doc, false);
  }
  out << "</main>\n<footer>Generated by actorgraph " << ACTORGRAPH_VERSION
      << ". Solid lines: asserted; dashed: alleged; dotted: hypothetical; grey: negated. "
      << "Click a node or edge to jump to its row.</footer>\n</body>\n</html>\n";
}

}  // namespace actorgraph
