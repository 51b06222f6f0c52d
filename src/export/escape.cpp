#include "actorgraph/export/escape.hpp"

namespace actorgraph {

std::string markup_escape(std::string_view s, Markup markup) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      default: break;
    }
    switch (markup) {
      case Markup::html:
        if (c == '\'') {
          out += "&#39;";
          continue;
        }
        break;
      case Markup::graphviz_label:
        if (u < 0x20 || u == 0x7f) c = ' ';
        break;
      case Markup::xml:
        if (c == '\r') {
          out += "&#13;";
          continue;
        }
        if (u < 0x20 && c != '\t' && c != '\n') c = ' ';
        break;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace actorgraph
