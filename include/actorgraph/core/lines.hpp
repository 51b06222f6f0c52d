// Line iteration over text held in memory (data files, compiled-table sources).
#pragma once
#include <cstddef>
#include <string_view>

namespace actorgraph {

// Calls fn(line, line_no) for every line of text: 1-based numbers, a trailing '\r'
// removed, no final empty line after a last '\n'.
template <typename F>
void for_each_line(std::string_view text, F&& fn) {
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line, ++line_no);
  }
}

}  // namespace actorgraph
