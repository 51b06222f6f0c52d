#include "actorgraph/core/data_files.hpp"

#include <algorithm>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/files.hpp"
#include "actorgraph/core/lines.hpp"
#include "core/utf8.hpp"

namespace actorgraph {
namespace {

constexpr std::string_view kTagPrefix = "#actorgraph-";
constexpr std::string_view kKnownKinds[] = {"actors", "rules", "modality", "text", "model"};

std::string_view first_line(std::string_view s) {
  auto nl = s.find('\n');
  std::string_view line = s.substr(0, nl);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  return line;
}

}  // namespace

void DataBundle::add_file(const std::string& path) { add(DataFile{path, read_whole_file(path, "dictionary file")}); }

void DataBundle::add(DataFile file) {
  std::string_view tag = first_line(file.content);
  bool known = false;
  if (tag.substr(0, kTagPrefix.size()) == kTagPrefix) {
    std::string_view rest = tag.substr(kTagPrefix.size());
    for (auto k : kKnownKinds) {
      if (rest == std::string(k) + " 1") known = true;
    }
  }
  if (!known) {
    throw DataError(file.name, 1,
                    "unknown format tag '" + std::string(tag.substr(0, 60)) +
                        "' (expected #actorgraph-actors 1, #actorgraph-rules 1, "
                        "#actorgraph-modality 1, #actorgraph-text 1 or #actorgraph-model 1)");
  }
  if (std::size_t bad = first_invalid_utf8(file.content); bad != std::string::npos) {
    std::string_view before = std::string_view(file.content).substr(0, bad);
    std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    throw DataError(file.name, line,
                    "invalid UTF-8 at column " + std::to_string(bad - line_start + 1) + " (data files are UTF-8)");
  }
  files_.push_back(std::move(file));
}

std::vector<const DataFile*> DataBundle::files_of(std::string_view kind) const {
  std::string want = std::string(kTagPrefix) + std::string(kind) + " 1";
  std::vector<const DataFile*> out;
  for (const auto& f : files_) {
    if (first_line(f.content) == want) out.push_back(&f);
  }
  return out;
}

DataBundle DataBundle::without(std::string_view kind) const {
  std::string drop = std::string(kTagPrefix) + std::string(kind) + " 1";
  DataBundle out;
  for (const auto& f : files_) {
    if (first_line(f.content) != drop) out.files_.push_back(f);
  }
  return out;
}

bool read_tsv_row(const DataFile& file, std::string_view line, std::size_t line_no, std::size_t min_cols,
                  std::size_t max_cols, TsvRow& row) {
  if (line_no == 1 || line.empty() || line[0] == '#') return false;
  if (line.find_first_not_of(" \t") == std::string_view::npos) return false;
  row.line = line_no;
  row.cols.clear();
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    row.cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (row.cols.size() < min_cols || row.cols.size() > max_cols) {
    throw DataError(file.name, line_no,
                    "expected " + std::to_string(min_cols) +
                        (min_cols == max_cols ? "" : ".." + std::to_string(max_cols)) +
                        " tab-separated columns, found " + std::to_string(row.cols.size()));
  }
  return true;
}

std::vector<TsvRow> read_tsv(const DataFile& file, std::size_t min_cols, std::size_t max_cols) {
  std::vector<TsvRow> rows;
  std::string_view s = file.content;
  rows.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
  TsvRow row;
  for_each_line(s, [&](std::string_view line, std::size_t line_no) {
    row.cols.reserve(1 + static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t')));
    if (read_tsv_row(file, line, line_no, min_cols, max_cols, row)) rows.push_back(std::move(row));
  });
  return rows;
}

}  // namespace actorgraph
