// Security: ids from JSONL records name output files (extract --jsonl -o DIR/).
// They are never used as paths: no directory part, no "..", no hidden files, so a
// corpus can never write outside the output directory.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "actorgraph/corpus/output.hpp"
#include "support.hpp"

using namespace actorgraph;
namespace fs = std::filesystem;

TEST_CASE("security: ids become safe file names", "[corpus]") {
  struct Case {
    std::string id, name;
  };
  const Case cases[] = {
      {"../../etc/x", "_._.._etc_x"},
      {"/abs", "_abs"},
      {"/", "_"},
      {".hidden", "_hidden"},
      {"", "_"},
      {".", "_"},
      {"..", "_."},
      {"a/../../b", "a_.._.._b"},
      {"a\\..\\b", "a_.._b"},
      {"C:\\Windows\\x", "C__Windows_x"},
      {"line\nbreak\ttab", "line_break_tab"},
      {"de-001", "de-001"},
      {"Außenminister 2024", "Außenminister 2024"},
  };
  for (const auto& c : cases) {
    CHECK(safe_file_name(c.id) == c.name);
  }
  // Whatever the id: one path component, not hidden, not "." or "..", at most 150 bytes.
  const std::string long_id(400, 'x');
  for (const std::string& id : {long_id, std::string("../") + long_id, std::string(300, '.'), std::string(200, '/')}) {
    std::string n = safe_file_name(id);
    CHECK(n.size() <= 150);
    CHECK(n.find('/') == std::string::npos);
    CHECK(n[0] != '.');
    CHECK(fs::path(n).filename() == fs::path(n));
  }
  CHECK(safe_file_name(long_id) != safe_file_name(long_id + "y"));  // long ids stay distinct
}

TEST_CASE("security: extract --jsonl writes only inside the output directory", "[corpus]") {
  test::Scratch s("security", "output-paths");
  const std::string text = "France and Germany signed a defence agreement in Paris.";
  std::string jsonl;
  const std::string ids[] = {"../../escaped", "/tmp-abs", ".hidden", "..", ".", "sub/dir/x", "ok", "ok_"};
  for (const auto& id : ids) jsonl += "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}\n";
  jsonl += "{\"id\": \"\", \"text\": \"" + text + "\"}\n";  // rejected: empty id
  fs::create_directories(s.dir / "work");
  test::spit(s.dir / "work" / "ids.jsonl", jsonl);
  auto r = s.run("extract --jsonl work/ids.jsonl -o work/out/ -f json");
  CHECK(r.code == 3);  // one bad record (empty id), the rest written
  CHECK(r.err.find("empty \"id\"") != std::string::npos);

  // Everything that exists now, anywhere under the scratch directory.
  std::set<std::string> found;
  for (auto it = fs::recursive_directory_iterator(s.dir); it != fs::recursive_directory_iterator(); ++it) {
    found.insert(fs::relative(it->path(), s.dir).generic_string());
  }
  const std::set<std::string> expected{"work",
                                       "work/ids.jsonl",
                                       "work/out",
                                       "work/out/_._.._escaped.json",
                                       "work/out/_tmp-abs.json",
                                       "work/out/_hidden.json",
                                       "work/out/_..json",
                                       "work/out/_.json",
                                       "work/out/sub_dir_x.json",
                                       "work/out/ok.json",
                                       "work/out/ok_.json"};
  CHECK(found == expected);
}

TEST_CASE("security: ids that sanitise to the same name do not overwrite each other", "[corpus]") {
  test::Scratch s("security", "name-clash");
  const std::string text = "France and Germany signed a defence agreement in Paris.";
  std::string jsonl;
  for (const char* id : {"a/b", "a_b", "a\\\\b", "a:b"}) jsonl += std::string("{\"id\": \"") + id + "\", \"text\": \"" + text + "\"}\n";
  test::spit(s.dir / "ids.jsonl", jsonl);
  auto r = s.run("extract --jsonl ids.jsonl -o out/ -f json");
  CHECK(r.code == 0);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "out")) {
    CHECK(e.path().filename().string().rfind("a_b", 0) == 0);
    ++files;
  }
  CHECK(files == 4);
}
