// The argument-frame tables (tests/frames/*.tsv, invented sentences, README there):
// the whole pipeline (rules and learned model) on every item, scored per frame and
// language. Each frame has a floor of exactly right items in tests/frames/floors.tsv
// (a ratchet: raise it when the engine gets better, never lower it to pass).
// AG_FRAMES_REPORT=1 prints the table; AG_FRAMES_REPORT=all also every wrong item.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "support.hpp"

using namespace actorgraph;

namespace {

struct Item {
  std::string file;
  std::size_t line = 0;
  std::string frame, lang, text, expected;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (true) {
    std::size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? e : e - b));
    if (e == std::string::npos) break;
    b = e + sep.size();
  }
  return out;
}

std::vector<Item> load_items() {
  std::vector<Item> items;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(ACTORGRAPH_TEST_DIR) + "/frames")) {
    if (e.path().extension() == ".tsv" && e.path().filename() != "floors.tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      auto cols = split(line, "\t");
      REQUIRE(cols.size() == 4);
      items.push_back({f.filename().string(), n, cols[0], cols[1], cols[2], cols[3]});
    }
  }
  return items;
}

// "SRC>TGT type" without modality, for edge precision and recall.
std::set<std::string> keys(const std::string& edges) {
  std::set<std::string> out;
  if (edges == "-" || edges.empty()) return out;
  for (const auto& e : split(edges, "; ")) out.insert(e.substr(0, e.rfind(' ')));
  return out;
}

struct Score {
  int items = 0, exact = 0, tp = 0, fp = 0, fn = 0;
};

}  // namespace

TEST_CASE("argument frames: every frame table, German and English, above its floor", "[relations][frames]") {
  const auto items = load_items();
  REQUIRE(items.size() >= 300);
  std::map<std::pair<std::string, std::string>, Score> by_frame;
  const char* report = std::getenv("AG_FRAMES_REPORT");
  for (const auto& it : items) {
    Document doc = make_document("frame", it.text);
    ArticleOptions o;
    o.lang = it.lang == "de" ? Lang::de : Lang::en;
    std::string got = test::edges(test::full_pipeline().run(std::move(doc), o));
    if (got.empty()) got = "-";
    Score& s = by_frame[{it.frame, it.lang}];
    ++s.items;
    if (got == it.expected) ++s.exact;
    auto g = keys(got), w = keys(it.expected);
    for (const auto& k : g) (w.count(k) ? s.tp : s.fp) += 1;
    for (const auto& k : w) s.fn += g.count(k) ? 0 : 1;
    if (report && std::string(report) == "all" && got != it.expected) {
      std::cout << it.file << ":" << it.line << "\t" << it.text << "\n\twant " << it.expected << "\n\tgot  " << got
                << "\n";
    }
  }
  std::map<std::pair<std::string, std::string>, int> floors;
  {
    std::ifstream in(std::string(ACTORGRAPH_TEST_DIR) + "/frames/floors.tsv");
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto cols = split(line, "\t");
      REQUIRE(cols.size() == 3);
      floors[{cols[0], cols[1]}] = std::stoi(cols[2]);
    }
  }
  Score all;
  for (const auto& [key, s] : by_frame) {
    all.items += s.items, all.exact += s.exact, all.tp += s.tp, all.fp += s.fp, all.fn += s.fn;
    if (report) {
      std::printf("%-20s %s  items %3d  exact %3d  edges tp %3d fp %3d fn %3d\n", key.first.c_str(),
                  key.second.c_str(), s.items, s.exact, s.tp, s.fp, s.fn);
    }
    CAPTURE(key.first, key.second, s.exact);
    REQUIRE(floors.count(key) == 1);  // every frame and language has a floor
    CHECK(s.exact >= floors[key]);
  }
  if (report) {
    std::printf("%-20s     items %3d  exact %3d  edges tp %3d fp %3d fn %3d\n", "all", all.items, all.exact, all.tp,
                all.fp, all.fn);
  }
}

TEST_CASE("language identification on the frame sentences: one or two sentences each", "[text][frames]") {
  // Short texts (issue: "Russland liefert Waffen an Nordkorea." was read as English).
  const auto items = load_items();
  std::size_t right = 0;
  for (const auto& it : items) {
    Document doc = make_document("frame", it.text);
    test::pipeline().segmenter().segment(doc);
    Lang got = detect_language(doc, test::pipeline().lexicon(), test::pipeline().morphology());
    if (to_string(got) == it.lang) {
      ++right;
    } else {
      UNSCOPED_INFO(it.lang << " read as " << to_string(got) << ": " << it.text);
    }
  }
  CHECK(right * 100 >= items.size() * 99);
}
