// Word classes are named by strings in the code and defined by rows in data/text/*.tsv.
// A misspelt name in the code would ask about an empty class and silently never match;
// a class no code asks about is dead data. Both fail here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/text/lexicon.hpp"

using namespace actorgraph;

namespace {

std::string source_text() {
  namespace fs = std::filesystem;
  std::string all;
  for (const char* dir : {"src", "include"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(ACTORGRAPH_TEST_DIR) / ".." / dir)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      std::ifstream in(e.path());
      std::ostringstream text;
      text << in.rdbuf();
      all += text.str();
      all += '\n';
    }
  }
  return all;
}

}  // namespace

TEST_CASE("word classes: the code asks only about classes the data defines, and uses every one", "[text]") {
  const Lexicon lex(DataBundle::defaults());
  const std::set<std::string> defined(lex.class_names().begin(), lex.class_names().end());
  REQUIRE(defined.size() > 50);
  const std::string code = source_text();

  // Class names passed to the lexicon and to the extractor's class helpers.
  const std::regex call(R"re(\b(?:is|has|class_bit|phrases|phrase_at|class_in_clause|ends_in_class)\((?:[^()";]|\([^()]*\))*?"([a-z][a-z_]*)")re");
  std::set<std::string> asked;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), call); it != std::sregex_iterator(); ++it) {
    asked.insert((*it)[1].str());
  }
  REQUIRE(asked.size() > 40);
  for (const std::string& name : asked) {
    CAPTURE(name);
    CHECK(defined.count(name) == 1);
  }
  for (const std::string& name : defined) {
    CAPTURE(name);
    CHECK(code.find('"' + name + '"') != std::string::npos);
  }
}
