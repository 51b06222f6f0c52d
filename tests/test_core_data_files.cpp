#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "actorgraph/core/data_files.hpp"
#include "actorgraph/core/error.hpp"

using namespace actorgraph;

namespace {

std::vector<std::string> rows_of(const std::vector<TsvRow>& rows) {
  std::vector<std::string> out;
  for (const TsvRow& r : rows) {
    std::string line = std::to_string(r.line);
    for (std::string_view c : r.cols) line += "|" + std::string(c);
    out.push_back(line);
  }
  return out;
}

}  // namespace

// for_each_tsv_row (the start-up path of the lexicon and the rules) gives the rows
// read_tsv gives: tag line, comments, blank lines and '\r' skipped, line numbers kept.
TEST_CASE("for_each_tsv_row gives the rows of read_tsv", "[core]") {
  const DataFile file{"t.tsv",
                      "#actorgraph-text 1\r\n# a comment\nstop\tde\tund\n\n \t \nstop\ten\tand\tx\r\nmonth\t*\tMai"};
  std::vector<TsvRow> streamed;
  for_each_tsv_row(file, 3, 4, [&](const TsvRow& row) { streamed.push_back(row); });
  CHECK(rows_of(streamed) == rows_of(read_tsv(file, 3, 4)));
  CHECK(rows_of(streamed) == std::vector<std::string>{"3|stop|de|und", "6|stop|en|and|x", "7|month|*|Mai"});
  const DataFile bad{"bad.tsv", "#actorgraph-text 1\nstop\tde\tund\nstop\tde\n"};
  std::size_t seen = 0;
  CHECK_THROWS_AS(for_each_tsv_row(bad, 3, 4, [&](const TsvRow&) { ++seen; }), DataError);
  CHECK(seen == 1);
  CHECK_THROWS_WITH(read_tsv(bad, 3, 4), Catch::Contains("bad.tsv:3"));
}
