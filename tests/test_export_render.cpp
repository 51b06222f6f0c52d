// Pictures through Graphviz's libraries: SVG is XML and names every actor,
// PNG/PDF have their magic and a plausible size, output is deterministic, every
// layout engine works, a 50-actor/200-edge graph stays legible.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/formats.hpp"
#include "actorgraph/export/render.hpp"

using namespace actorgraph;

// LeakSanitizer: GLib (loaded with Graphviz's pango plugin for PNG/PDF) keeps
// type-system and quark tables for the life of the process; its frames lack
// frame pointers, so LSan's stack stops inside libglib and the libgvplugin
// suppression of tests/lsan.supp does not match. Read by LSan in sanitizer
// builds only; belongs in tests/lsan.supp ("leak:libglib-2.0").
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libglib-2.0.so\n"; }

namespace {

// A small article graph with German and English names, every kind and a
// label that needs escaping.
ActorGraph sample_graph() {
  ActorGraph g;
  g.id = "sample";
  g.lang = Lang::de;
  g.date = *parse_date("2024-03-01");
  g.add_actor(ActorCode("DEU"), ActorKind::state, "Deutschland", 3);
  g.add_actor(ActorCode("UKR"), ActorKind::state, "Ukraine", 2);
  g.add_actor(ActorCode("RUS"), ActorKind::state, "Russland", 4);
  g.add_actor(ActorCode("EU"), ActorKind::igo, "Europäische Union", 1);
  g.add_actor(ActorCode("HAMAS"), ActorKind::group, "Hamas & \"Co\" <x>", 1);
  auto ev = [](std::size_t sentence, std::size_t b, std::size_t e, const char* text, Modality m = Modality::asserted) {
    return Evidence{"sample", sentence, Span{b, e}, text, "test:1", m};
  };
  g.add_mention(ActorCode("DEU"), ActorCode("UKR"), RelationType::arms_supply, ev(0, 12, 19, "Deutschland liefert Panzer."));
  g.add_mention(ActorCode("EU"), ActorCode("RUS"), RelationType::sanctions, ev(1, 40, 50, "Die EU verhängt Sanktionen."));
  g.add_mention(ActorCode("UKR"), ActorCode("DEU"), RelationType::meeting, ev(2, 60, 66, "Treffen in Berlin."));
  g.add_mention(ActorCode("RUS"), ActorCode("UKR"), RelationType::threat,
                ev(3, 70, 76, "Russland soll gedroht haben.", Modality::alleged));
  g.add_mention(ActorCode("HAMAS"), ActorCode("RUS"), RelationType::criticism, ev(4, 80, 90, "Kritik \"scharf\"."));
  return g;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

boost::property_tree::ptree parse_xml(const std::string& text) {
  std::istringstream in(text);
  boost::property_tree::ptree tree;
  boost::property_tree::read_xml(in, tree);  // throws on malformed XML
  return tree;
}

// Every text node's content under tree, concatenated with new lines.
void collect_text(const boost::property_tree::ptree& tree, std::string& out) {
  for (const auto& [name, child] : tree) {
    if (name == "<xmlattr>" || name == "<xmlcomment>") continue;
    if (name == "text") out += child.get_value<std::string>() + "\n";
    collect_text(child, out);
  }
}

struct Box {
  double x0, y0, x1, y1;
};

// Bounding boxes of the node shapes in Graphviz SVG: each node is a
// <g class="node"> holding an <ellipse> or a <polygon>.
std::map<std::string, Box> node_boxes(const boost::property_tree::ptree& tree) {
  std::map<std::string, Box> out;
  std::function<void(const boost::property_tree::ptree&)> walk = [&](const boost::property_tree::ptree& t) {
    for (const auto& [name, child] : t) {
      if (name == "g" && child.get("<xmlattr>.class", "") == "node") {
        std::string id = child.get("<xmlattr>.id", "");
        std::function<void(const boost::property_tree::ptree&)> shapes = [&](const boost::property_tree::ptree& n) {
          for (const auto& [sn, sc] : n) {
            if (sn == "ellipse" && !out.count(id)) {
              double cx = sc.get<double>("<xmlattr>.cx"), cy = sc.get<double>("<xmlattr>.cy");
              double rx = sc.get<double>("<xmlattr>.rx"), ry = sc.get<double>("<xmlattr>.ry");
              out[id] = Box{cx - rx, cy - ry, cx + rx, cy + ry};
            } else if (sn == "polygon" && !out.count(id)) {
              std::istringstream pts(sc.get<std::string>("<xmlattr>.points"));
              Box b{1e9, 1e9, -1e9, -1e9};
              std::string pair;
              while (pts >> pair) {
                double x = std::stod(pair.substr(0, pair.find(','))), y = std::stod(pair.substr(pair.find(',') + 1));
                b = Box{std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x), std::max(b.y1, y)};
              }
              out[id] = b;
            } else {
              shapes(sc);
            }
          }
        };
        shapes(child);
      } else {
        walk(child);
      }
    }
  };
  walk(tree);
  return out;
}

// A synthetic corpus graph: 50 actors, 200 edges, hubs like real news (a few
// actors in most relations), every type and modality. Deterministic.
ActorGraph synthetic_graph(std::size_t actors, std::size_t edges) {
  const char* names[] = {"Deutschland", "Frankreich", "Russland", "Ukraine", "United States", "China", "Japan",
                         "South Korea", "North Korea", "Iran", "Israel", "Türkei", "Polen", "United Kingdom",
                         "Italien", "Spanien", "India", "Pakistan", "Brasilien", "Mexiko", "Kanada", "Saudi Arabia",
                         "Ägypten", "Syrien", "Irak", "Katar", "Belarus", "Ungarn", "Serbien", "Kosovo", "Armenien",
                         "Aserbaidschan", "Georgien", "Moldau", "Rumänien", "Finnland", "Schweden", "Norwegen",
                         "Dänemark", "Niederlande", "Belgien", "Österreich", "Griechenland", "Zypern", "Libyen",
                         "Sudan", "Äthiopien", "NATO", "Europäische Union", "Vereinte Nationen"};
  ActorGraph g;
  g.id = "synthetic";
  g.articles = 40;
  auto code_of = [](std::size_t i) { return ActorCode((i < 10 ? "A0" : "A") + std::to_string(i)); };
  for (std::size_t i = 0; i < actors; ++i) {
    g.add_actor(code_of(i), i >= actors - 3 ? ActorKind::igo : ActorKind::state, names[i % 50], 1 + i % 7);
  }
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % 100000;
  };
  // Hubs: the square of a uniform number favours low indices.
  auto pick = [&] {
    double u = static_cast<double>(next()) / 100000.0;
    return static_cast<std::size_t>(u * u * static_cast<double>(actors));
  };
  std::size_t made = 0;
  while (made < edges) {
    std::size_t a = pick(), b = pick();
    if (a == b) continue;
    RelationType t = kAllRelationTypes[next() % kRelationTypeCount];
    EdgeKey k = make_edge_key(code_of(a), code_of(b), t);
    if (g.find_edge(k)) continue;
    RelationEdge e;
    e.type = t;
    e.modality = static_cast<Modality>(next() % 3);
    e.count = 1 + next() % 4;
    e.evidence.push_back(Evidence{"synthetic", 0, {}, "A sentence about them.", "", e.modality});
    g.put_edge(k, e);
    ++made;
  }
  return g;
}

}  // namespace

TEST_CASE("SVG is XML, names every actor and escapes labels", "[export]") {
  ActorGraph g = sample_graph();
  for (const char* layout : {"dot", "neato", "fdp", "circo", "sfdp", "auto"}) {
    CAPTURE(layout);
    ExportOptions o;
    o.layout = layout;
    std::string svg = export_graph(g, "svg", o);
    REQUIRE(svg.find("<svg") != std::string::npos);
    auto tree = parse_xml(svg);
    std::string text;
    collect_text(tree, text);
    for (const char* label : {"Deutschland", "Ukraine", "Russland", "Europäische Union", "Hamas & \"Co\" <x>"}) {
      CAPTURE(label);
      CHECK(text.find(label) != std::string::npos);
    }
    // Legend: every used relation type.
    for (const char* type : {"arms supply", "sanctions", "meeting (mutual)", "threat", "criticism"}) {
      CHECK(text.find(type) != std::string::npos);
    }
  }
}

TEST_CASE("SVG carries evidence tooltips and stable element ids", "[export]") {
  std::string svg = export_graph(sample_graph(), "svg");
  // Graphviz writes '-' in ids as the character reference &#45;.
  for (std::size_t at = svg.find("&#45;"); at != std::string::npos; at = svg.find("&#45;", at)) svg.replace(at, 5, "-");
  CHECK(svg.find("id=\"actor-DEU\"") != std::string::npos);
  CHECK(svg.find("id=\"edge-DEU-UKR-arms_supply\"") != std::string::npos);
  CHECK(svg.find("Deutschland liefert Panzer.") != std::string::npos);  // the tooltip
  // Symmetric meeting edge has no arrowhead: its group holds one path and no polygon.
  auto at = svg.find("id=\"edge-DEU-UKR-meeting\"");
  REQUIRE(at != std::string::npos);
  auto end = svg.find("</g>", at);
  CHECK(svg.substr(at, end - at).find("<polygon") == std::string::npos);
  auto directed = svg.find("id=\"edge-DEU-UKR-arms_supply\"");
  CHECK(svg.substr(directed, svg.find("</g>", directed) - directed).find("<polygon") != std::string::npos);
}

TEST_CASE("PNG and PDF have their magic bytes and a plausible size", "[export]") {
  ActorGraph g = sample_graph();
  std::string png = export_graph(g, "png");
  REQUIRE(png.size() > 5000);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(png.compare(12, 4, "IHDR") == 0);
  CHECK(be32(16) > 200);   // width in pixels
  CHECK(be32(20) > 100);   // height
  CHECK(be32(16) < 5000);
  std::string pdf = export_graph(g, "pdf");
  REQUIRE(pdf.size() > 3000);
  CHECK(starts_with(pdf, "%PDF-1."));
  CHECK(pdf.find("%%EOF") != std::string::npos);
  CHECK(pdf.find("/CreationDate (D:20000101000000Z)") != std::string::npos);
}

TEST_CASE("pictures are deterministic: same graph, same bytes", "[export]") {
  ActorGraph g = sample_graph();
  for (const char* format : {"svg", "png", "pdf", "dot"}) {
    for (const char* layout : {"dot", "neato", "sfdp"}) {
      CAPTURE(format, layout);
      ExportOptions o;
      o.layout = layout;
      CHECK(export_graph(g, format, o) == export_graph(g, format, o));
    }
  }
}

TEST_CASE("a render does not depend on the renders before it", "[export]") {
  // Graphviz contexts live for the whole process (render.cpp): fonts and state
  // left by one picture must not change the next.
  ActorGraph small = sample_graph();
  ActorGraph big = synthetic_graph(25, 60);
  for (const char* format : {"svg", "png", "pdf"}) {
    CAPTURE(format);
    std::string first = export_graph(small, format);
    (void)export_graph(big, format);
    CHECK(export_graph(small, format) == first);
  }
}

TEST_CASE("PDF dates are pinned and the cross-reference table stays valid", "[export]") {
  std::string pdf = export_graph(sample_graph(), "pdf");
  auto sx = pdf.rfind("startxref\n");
  REQUIRE(sx != std::string::npos);
  std::size_t xref = std::stoul(pdf.substr(sx + 10));
  REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
  std::istringstream in(pdf.substr(xref + 5));
  std::size_t first = 0, count = 0;
  in >> first >> count;
  REQUIRE(count > 3);
  std::string line;
  std::getline(in, line);
  for (std::size_t i = 0; i < count; ++i) {
    std::string offset, gen, kind;
    in >> offset >> gen >> kind;
    if (kind != "n") continue;
    std::size_t at = std::stoul(offset);
    std::string head = std::to_string(first + i) + " 0 obj";
    CAPTURE(i, at);
    CHECK(pdf.compare(at, head.size(), head) == 0);
  }
}

TEST_CASE("unknown formats and layouts are usage errors, bad DOT an input error", "[export]") {
  ActorGraph g = sample_graph();
  ExportOptions o;
  CHECK_THROWS_AS(export_graph(g, "gif", o), UsageError);
  o.layout = "twopi-ish";
  CHECK_THROWS_AS(export_graph(g, "svg", o), UsageError);
  CHECK_THROWS_AS(render_dot("digraph { a -> }", "svg", "dot"), InputError);
  // Graphviz's parser recovers: a good graph right after a bad one renders.
  CHECK(render_dot("digraph { a -> b }", "svg", "dot").find("<svg") != std::string::npos);
  CHECK_THROWS_AS(render_dot("digraph { a -> b }", "json", "dot"), UsageError);
}

TEST_CASE("auto layout: dot for article graphs, sfdp for big ones", "[export]") {
  CHECK(resolve_layout("auto", 7, 5) == "dot");
  CHECK(resolve_layout("auto", kAutoDotNodes + 1, 5) == "sfdp");
  CHECK(resolve_layout("auto", 10, kAutoDotEdges + 1) == "sfdp");
  CHECK(resolve_layout("neato", 100, 500) == "neato");
  std::ostringstream dot;
  write_dot(dot, sample_graph(), DotOptions{});
  CHECK(dot.str().find("layout=dot") != std::string::npos);
}

TEST_CASE("a graph of 50 actors and 200 edges stays legible", "[export]") {
  ActorGraph g = synthetic_graph(50, 200);
  REQUIRE(boost::num_edges(g.store()) == 200);
  ExportOptions o;
  o.dot.isolated = DotOptions::Isolated::draw;
  std::string svg = export_graph(g, "svg", o);
  CHECK(svg.find("<!-- Title: G Pages: 1 -->") != std::string::npos);
  auto tree = parse_xml(svg);
  // Page size stays screen-like (pt): no 5000-point strip.
  const std::string& vb = tree.get<std::string>("svg.<xmlattr>.viewBox");
  std::istringstream vbs(vb);
  double x = 0, y = 0, w = 0, h = 0;
  vbs >> x >> y >> w >> h;
  CHECK(w < 2500);
  CHECK(h < 2500);
  CHECK(w / h < 2.5);
  CHECK(h / w < 2.5);
  // Every actor drawn, no two node shapes overlap.
  auto boxes = node_boxes(tree);
  REQUIRE(boxes.size() == 50);
  std::size_t overlaps = 0;
  for (auto a = boxes.begin(); a != boxes.end(); ++a) {
    for (auto b = std::next(a); b != boxes.end(); ++b) {
      const Box &p = a->second, &q = b->second;
      if (p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1) {
        ++overlaps;
        WARN("overlap: " << a->first << " " << b->first);
      }
    }
  }
  CHECK(overlaps == 0);
  // Labels: the legend lists all nine types; edge labels shrink to counts.
  std::string text;
  collect_text(tree, text);
  CHECK(text.find("military action") != std::string::npos);
  CHECK(text.find("Vereinte Nationen") != std::string::npos);
}
