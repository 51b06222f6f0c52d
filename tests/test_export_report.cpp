// The HTML report: self-contained (no script, no external resource), every
// article text escaped, cues highlighted inside their sentences, a merged
// section for several articles.
#include <catch2/catch.hpp>

#include <sstream>

#include "actorgraph/export/report.hpp"

using namespace actorgraph;

namespace {

// An article whose text tries to inject markup; one relation with its cue.
ReportArticle make_article(const std::string& id, const std::string& prefix) {
  ReportArticle a;
  a.doc.id = id;
  a.doc.text = prefix + "Iran <script>alert(1)</script> threatens Israel. Second & last sentence.";
  a.doc.body = Span{0, a.doc.text.size()};
  a.doc.lang = Lang::en;
  // Sentences: the prefix (when given), the one with the cue, the last one.
  std::size_t start = prefix.size();
  if (!prefix.empty()) a.doc.sentences.push_back(Sentence{Span{0, prefix.size() - 1}, 0, 0, true});
  std::size_t dot = a.doc.text.find('.', start) + 1;
  const std::size_t cue_sentence = a.doc.sentences.size();
  a.doc.sentences.push_back(Sentence{Span{start, dot}, 0, 0, prefix.empty()});
  a.doc.sentences.push_back(Sentence{Span{dot + 1, a.doc.text.size()}, 0, 0, false});
  a.graph.id = id;
  a.graph.lang = Lang::en;
  a.graph.add_actor(ActorCode("IRN"), ActorKind::state, "Iran", 1);
  a.graph.add_actor(ActorCode("ISR"), ActorKind::state, "Israel <il>", 1);
  std::size_t cue = a.doc.text.find("threatens");
  a.graph.add_mention(ActorCode("IRN"), ActorCode("ISR"), RelationType::threat,
                      Evidence{id, cue_sentence, Span{cue, cue + 9},
                               std::string(a.doc.slice(a.doc.sentences[cue_sentence].span)), "en:7",
                               Modality::asserted});
  return a;
}

std::string report(const std::vector<ReportArticle>& articles) {
  std::ostringstream out;
  ReportOptions o;
  o.title = "Test <report>";
  write_report(out, articles, o);
  return out.str();
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report: one self-contained page, text escaped, cue highlighted", "[export]") {
  std::string html = report({make_article("art-1", "")});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<title>Test &lt;report&gt;</title>") != std::string::npos);
  // No script, no external resources: only the SVG/XLink namespace URIs.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(count(html, "http") == count(html, "http://www.w3.org/"));
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Israel &lt;il&gt;") != std::string::npos);
  // The cue marked inside its sentence (table) and in the article text.
  CHECK(count(html, "<mark>threatens</mark>") == 2);
  // The diagram is inline SVG without XML prolog; nodes link to table rows.
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(html.find("id=\"article-1-row-edge-IRN-ISR-threat\"") != std::string::npos);
  CHECK(html.find("xlink:href=\"#article-1-row-edge-IRN-ISR-threat\"") != std::string::npos);
  CHECK(html.find("Merged graph") == std::string::npos);
}

TEST_CASE("report: several articles get a merged section and one section each", "[export]") {
  std::string html = report({make_article("art-1", ""), make_article("art-2", "Intro. ")});
  CHECK(count(html, "<svg") == 3);
  CHECK(html.find("<section id=\"merged\">") < html.find("<section id=\"article-1\">"));
  CHECK(html.find("<section id=\"article-2\">") != std::string::npos);
  // The merged edge table counts articles and keeps each article's evidence,
  // highlighted at the right place although the second article is shifted.
  CHECK(html.find("<td class=\"num\">2</td><td class=\"num\">2</td>") != std::string::npos);
  CHECK(count(html, "<mark>threatens</mark>") == 2 + 2 + 2);
  CHECK(html.find("(art-2)") != std::string::npos);
}

TEST_CASE("report: the same input gives the same bytes", "[export]") {
  auto a = make_article("art-1", "");
  CHECK(report({a}) == report({a}));
}
