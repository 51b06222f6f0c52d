// Regression, issue 14 (items 8 and 11): every data format of one merge holds the
// same actors and edges (the merged DOT used to leave out the actors without
// relations and the negated edges: 62 nodes / 115 edges against 121 / 120 in
// GraphML, JSON and CSV on the dev corpus); node labels in one language across a
// merged graph (--names); relation types told apart by colour and label, with a
// palette that colour-blind readers can tell apart too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/readers.hpp"
#include "actorgraph/export/tables.hpp"
#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;
using actorgraph::test::Ran;
using actorgraph::test::slurp;
using actorgraph::test::spit;

namespace {

struct Scratch : test::Scratch {
  explicit Scratch(const std::string& name) : test::Scratch("i14", name) {}
};

// German and English articles side by side: relations, a negated one, and an
// actor named without any relation.
void write_articles(const fs::path& dir) {
  fs::create_directories(dir);
  spit(dir / "a-de.txt", "date 2023-10-02\nRussland liefert Waffen an Nordkorea. Brasilien beobachtet die Lage.\n");
  spit(dir / "b-en.txt", "date 2023-10-04\nChina and Russia signed a partnership agreement. Japan did not criticise China.\n");
  spit(dir / "c-de.txt", "date 2023-10-10\nDie USA verhängen Sanktionen gegen Russland. Ägypten schweigt.\n");
}

using Edges = std::set<std::string>;
using Nodes = std::set<std::string>;

std::string edge_text(const std::string& s, const std::string& t, const std::string& type) {
  return s + ">" + t + " " + type;
}

void graph_sets(const ActorGraph& g, Nodes& nodes, Edges& edges) {
  for (Vertex v : g.sorted_nodes()) nodes.insert(g.node(v).code.str());
  for (EdgeId e : g.sorted_edges()) {
    EdgeKey k = g.key(e);
    edges.insert(edge_text(k.source.str(), k.target.str(), std::string(to_string(k.type))));
  }
}

}  // namespace

TEST_CASE("issue 14.8: every data format of one merge has the same actors and edges", "[export][cli]") {
  Scratch s("formats");
  write_articles(s.dir / "articles");
  for (const char* ext : {"dot", "json", "graphml", "csv"}) {
    CAPTURE(ext);
    REQUIRE(s.run(std::string("merge articles -q -o merged.") + ext).code == 0);
  }
  Nodes json_nodes, dot_nodes;
  Edges json_edges, dot_edges;
  graph_sets(read_graph_file((s.dir / "merged.json").string()), json_nodes, json_edges);
  graph_sets(read_graph_file((s.dir / "merged.dot").string()), dot_nodes, dot_edges);
  // The article set has an actor without relations and a negated edge.
  CHECK(json_nodes.count("BRA") == 1);
  CHECK(json_edges.count("JPN>CHN criticism") == 1);
  CHECK(dot_nodes == json_nodes);
  CHECK(dot_edges == json_edges);

  const std::string graphml = slurp(s.dir / "merged.graphml");
  Nodes ml_nodes;
  Edges ml_edges;
  std::regex node_re("<node id=\"([A-Z0-9_]+)\">");
  for (auto it = std::sregex_iterator(graphml.begin(), graphml.end(), node_re); it != std::sregex_iterator(); ++it) {
    ml_nodes.insert((*it)[1]);
  }
  std::regex edge_re("<edge id=\"e[0-9]+\" source=\"([A-Z0-9_]+)\" target=\"([A-Z0-9_]+)\">\\s*<data key=\"e_type\">([a-z_]+)<");
  for (auto it = std::sregex_iterator(graphml.begin(), graphml.end(), edge_re); it != std::sregex_iterator(); ++it) {
    ml_edges.insert(edge_text((*it)[1], (*it)[2], (*it)[3]));
  }
  CHECK(ml_nodes == json_nodes);
  CHECK(ml_edges == json_edges);

  Edges csv_edges;
  auto rows = parse_csv(slurp(s.dir / "merged.csv"), "merged.csv");
  REQUIRE(rows.size() > 1);
  for (std::size_t i = 1; i < rows.size(); ++i) csv_edges.insert(edge_text(rows[i][0], rows[i][1], rows[i][2]));
  CHECK(csv_edges == json_edges);

  // The picture still leaves out the negated edge and the actors without relations,
  // and its legend says how many actors it left out.
  REQUIRE(s.run("merge articles -q -o merged.svg").code == 0);
  const std::string svg = slurp(s.dir / "merged.svg");
  CHECK(svg.find("actor-BRA") == std::string::npos);
  CHECK(svg.find("edge-JPN-CHN-criticism") == std::string::npos);
  CHECK(svg.find("without relations not drawn") != std::string::npos);
}

// ---- Item 11: a palette for every reader.
namespace {

using Rgb = std::array<double, 3>;
using Lab = std::array<double, 3>;

Rgb linear_rgb(std::string_view hex) {
  Rgb out{};
  for (int i = 0; i < 3; ++i) {
    double c = std::stoi(std::string(hex.substr(1 + 2 * static_cast<std::size_t>(i), 2)), nullptr, 16) / 255.0;
    out[static_cast<std::size_t>(i)] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  }
  return out;
}

// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
using Matrix = std::array<std::array<double, 3>, 3>;
const Matrix kNormal{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
const Matrix kProtanopia{{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
const Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
const Matrix kTritanopia{{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

Lab lab_seen(std::string_view hex, const Matrix& m) {
  Rgb c = linear_rgb(hex), s{};
  for (std::size_t i = 0; i < 3; ++i) {
    s[i] = std::clamp(m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2], 0.0, 1.0);
  }
  double x = (0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2]) / 0.95047;
  double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
  double z = (0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2]) / 1.08883;
  auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deg(double r) { return r * 180 / M_PI; }
double rad(double d) { return d * M_PI / 180; }

// CIEDE2000 (Sharma, Wu and Dalal 2005).
double ciede2000(const Lab& p, const Lab& q) {
  double c1 = std::hypot(p[1], p[2]), c2 = std::hypot(q[1], q[2]), cb = (c1 + c2) / 2;
  double g = 0.5 * (1 - std::sqrt(std::pow(cb, 7) / (std::pow(cb, 7) + std::pow(25.0, 7))));
  double a1 = (1 + g) * p[1], a2 = (1 + g) * q[1];
  double c1p = std::hypot(a1, p[2]), c2p = std::hypot(a2, q[2]);
  auto hue = [](double b, double a) {
    double h = deg(std::atan2(b, a));
    return h < 0 ? h + 360 : h;
  };
  double h1 = c1p == 0 ? 0 : hue(p[2], a1), h2 = c2p == 0 ? 0 : hue(q[2], a2);
  double dl = q[0] - p[0], dc = c2p - c1p, dh = 0;
  if (c1p * c2p != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    if (dh < -180) dh += 360;
  }
  double dH = 2 * std::sqrt(c1p * c2p) * std::sin(rad(dh / 2));
  double lb = (p[0] + q[0]) / 2, cbp = (c1p + c2p) / 2, hb = h1 + h2;
  if (c1p * c2p != 0) {
    if (std::abs(h1 - h2) <= 180) hb = (h1 + h2) / 2;
    else hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  double t = 1 - 0.17 * std::cos(rad(hb - 30)) + 0.24 * std::cos(rad(2 * hb)) + 0.32 * std::cos(rad(3 * hb + 6)) -
             0.20 * std::cos(rad(4 * hb - 63));
  double dtheta = 30 * std::exp(-std::pow((hb - 275) / 25, 2));
  double rc = 2 * std::sqrt(std::pow(cbp, 7) / (std::pow(cbp, 7) + std::pow(25.0, 7)));
  double sl = 1 + 0.015 * std::pow(lb - 50, 2) / std::sqrt(20 + std::pow(lb - 50, 2));
  double sc = 1 + 0.045 * cbp, sh = 1 + 0.015 * cbp * t;
  double rt = -std::sin(rad(2 * dtheta)) * rc;
  return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(dH / sh, 2) + rt * (dc / sc) * (dH / sh));
}

const RelationType kAllTypes[] = {RelationType::partnership, RelationType::meeting,     RelationType::support,
                                  RelationType::aid,         RelationType::arms_supply, RelationType::sanctions,
                                  RelationType::criticism,   RelationType::threat,      RelationType::military_action};

}  // namespace

TEST_CASE("issue 14.11: the nine type colours stay apart under colour-vision deficiencies", "[export]") {
  // The implementation against pairs of Sharma, Wu and Dalal's test data.
  CHECK(ciede2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == Approx(2.0425).epsilon(1e-3));
  CHECK(ciede2000({50, 2.5, 0}, {73, 25, -18}) == Approx(27.1492).epsilon(1e-3));
  CHECK(ciede2000({22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}) == Approx(2.0373).epsilon(1e-3));

  std::vector<std::string> colours;
  for (RelationType t : kAllTypes) colours.emplace_back(type_color(t));
  colours.emplace_back(negated_color());
  std::set<std::string> distinct(colours.begin(), colours.end());
  REQUIRE(distinct.size() == 10);
  const double kThreshold = 13.0;  // CIEDE2000: about 2 is "just noticeable"; 10+ reads as another colour
  const std::pair<const char*, const Matrix*> visions[] = {
      {"normal", &kNormal}, {"protanopia", &kProtanopia}, {"deuteranopia", &kDeuteranopia}, {"tritanopia", &kTritanopia}};
  for (const auto& [name, m] : visions) {
    double smallest = 1e9;
    std::string pair;
    for (std::size_t i = 0; i < colours.size(); ++i) {
      for (std::size_t j = i + 1; j < colours.size(); ++j) {
        double d = ciede2000(lab_seen(colours[i], *m), lab_seen(colours[j], *m));
        if (d < smallest) {
          smallest = d;
          pair = colours[i] + " " + colours[j];
        }
      }
    }
    CAPTURE(name, pair, smallest);
    CHECK(smallest > kThreshold);
  }
  // Legible as thin lines and text on white: L* between 30 and 70.
  for (RelationType t : kAllTypes) {
    CAPTURE(to_string(t));
    double l = lab_seen(type_color(t), kNormal)[0];
    CHECK(l >= 30);
    CHECK(l <= 70);
  }
}

TEST_CASE("issue 14.11: a big merged graph names each edge's type, the diff picture has no underscores", "[export][cli]") {
  ActorGraph g;
  g.id = "big";
  g.articles = 2;
  // 45 edges: above kFullEdgeLabelLimit, where labels used to be only "×count".
  for (int i = 0; i < 45; ++i) {
    ActorCode a("A" + std::to_string(i)), b("B" + std::to_string(i));
    g.add_actor(a, ActorKind::state, a.str(), 1);
    g.add_actor(b, ActorKind::state, b.str(), 1);
    g.add_mention(a, b, i % 2 ? RelationType::arms_supply : RelationType::criticism, Evidence{"x", 0, Span{0, 1}, "x", "r", Modality::asserted});
  }
  std::ostringstream dot;
  write_dot(dot, g);
  CHECK(dot.str().find("label=\"arms\"") != std::string::npos);
  CHECK(dot.str().find("label=\"crit\"") != std::string::npos);
  CHECK(dot.str().find("arms supply <i>arms</i>") != std::string::npos);  // the legend explains the short names

  Scratch s("diff-labels");
  spit(s.dir / "a.txt", "Russland liefert Waffen an Nordkorea.\n");
  spit(s.dir / "b.txt", "Russia supplied weapons to North Korea. Japan criticised North Korea.\n");
  REQUIRE(s.run("diff a.txt b.txt -o d.dot").code == 0);
  const std::string diff = slurp(s.dir / "d.dot");
  CHECK(diff.find("label=\"arms supply\"") != std::string::npos);
  CHECK(diff.find("label=\"arms_supply\"") == std::string::npos);
}

TEST_CASE("issue 14.11: --names gives every actor of a merged graph a label in one language", "[export][cli]") {
  Scratch s("names");
  fs::create_directories(s.dir / "articles");
  // Two German articles and one English: German is the majority.
  spit(s.dir / "articles" / "a-de.txt", "Russland liefert Waffen an Nordkorea.\n");
  spit(s.dir / "articles" / "b-de.txt", "Deutschland kritisiert Russland.\n");
  spit(s.dir / "articles" / "c-en.txt", "Egypt criticised Germany.\n");
  auto labels = [&](const std::string& args) {
    Ran r = s.run("merge articles -q -f json " + args);
    REQUIRE(r.code == 0);
    std::map<std::string, std::string> out;
    const nlohmann::json g = nlohmann::json::parse(r.out);
    for (const auto& a : g["actors"]) {
      out[a["code"].get<std::string>()] = a["name"].get<std::string>();
    }
    return out;
  };
  auto de = labels("");
  CHECK(de["EGY"] == "Ägypten");
  CHECK(de["DEU"] == "Deutschland");
  auto en = labels("--names en");
  CHECK(en["EGY"] == "Egypt");
  CHECK(en["DEU"] == "Germany");
  CHECK(en["PRK"] == "North Korea");
  Ran code = s.run("merge articles -q --names code -o m.dot");
  REQUIRE(code.code == 0);
  CHECK(slurp(s.dir / "m.dot").find("label=\"EGY\"") != std::string::npos);
  CHECK(s.run("merge articles --names fr").code == 2);
  // render and extract take the option too.
  REQUIRE(s.run("extract articles/b-de.txt --names en -f json -o b.json").code == 0);
  CHECK(slurp(s.dir / "b.json").find("\"Germany\"") != std::string::npos);
  REQUIRE(s.run("render b.json --names de -f json -o b2.json").code == 0);
  CHECK(slurp(s.dir / "b2.json").find("\"Deutschland\"") != std::string::npos);
  // The report's pictures too (its tables keep each article's own names).
  REQUIRE(s.run("report articles -o r.html").code == 0);
  CHECK(slurp(s.dir / "r.html").find("Ägypten</text>") != std::string::npos);
  REQUIRE(s.run("report articles --names en -o r.html").code == 0);
  CHECK(slurp(s.dir / "r.html").find("Ägypten</text>") == std::string::npos);
  CHECK(slurp(s.dir / "r.html").find("Egypt</text>") != std::string::npos);
}

// ---- Item 9: what a README reader meets.
TEST_CASE("issue 14.9: a date window that keeps nothing says why, generated folders are not written into",
          "[cli]") {
  Scratch s("window");
  fs::create_directories(s.dir / "undated");
  spit(s.dir / "undated" / "de.txt", "Russland liefert Waffen an Nordkorea.\n");
  spit(s.dir / "undated" / "en.txt", "Japan criticised China.\n");
  Ran merged = s.run("merge undated --since 2023-10 -o q4.json");
  CHECK(merged.code == 1);
  CHECK(merged.err.find("left out every graph: 2 undated graphs") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "q4.json"));
  Ran analyzed = s.run("analyze undated --since 2023-10");
  CHECK(analyzed.code == 1);
  CHECK(analyzed.err.find("2 undated graphs") != std::string::npos);
  // Some dated, some not: the graph of the dated ones and a warning about the others.
  spit(s.dir / "undated" / "dated.txt", "date 2023-11-02\nJapan criticised China.\n");
  Ran some = s.run("merge undated --since 2023-10 -q -o q4.json");
  CHECK(some.code == 0);
  CHECK(some.err.find("left out 2 undated graphs") != std::string::npos);

  // A folder written as a whole by a script (graphs/) refuses one file per article.
  fs::create_directories(s.dir / "graphs");
  spit(s.dir / "graphs" / ".actorgraph-generated", "written by scripts/regen-graphs.sh, never by hand\n");
  Ran into = s.run("extract undated -o graphs/ --format json");
  CHECK(into.code == 2);
  CHECK(into.err.find("graphs/ holds generated files (written by scripts/regen-graphs.sh") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(s.dir / "graphs"), fs::directory_iterator()) == 1);
  CHECK(s.run("compare undated/dated.txt undated/en.txt --by-date month --graphs graphs").code == 2);
}

TEST_CASE("issue 14.9: the README's JSON sample has the spans the example article gives", "[export][cli]") {
  const fs::path root = fs::path(ACTORGRAPH_TEST_DIR).parent_path();
  const std::string readme = slurp(root / "README.md");
  std::smatch m;
  std::regex sample(R"re("sentence": ([0-9]+), "begin": ([0-9]+), "end": ([0-9]+),\s*"text": "([^"]+)")re");
  REQUIRE(std::regex_search(readme, m, sample));
  Scratch s("readme-json");
  Ran r = s.run("extract '" + (root / "examples" / "lawrow-visit.txt").string() + "' -f json");
  REQUIRE(r.code == 0);
  bool found = false;
  const std::string text = m[4].str();
  CAPTURE(text);
  const nlohmann::json g = nlohmann::json::parse(r.out);
  for (const auto& e : g["edges"]) {
    for (const auto& x : e["evidence"]) {
      if (x["text"].get<std::string>() != text) continue;
      found = true;
      CHECK(x["sentence"] == std::stoi(m[1]));
      CHECK(x["begin"] == std::stoi(m[2]));
      CHECK(x["end"] == std::stoi(m[3]));
    }
  }
  CHECK(found);
}
