// Escaping text for the markup languages the exporters write: one helper for the
// HTML report, Graphviz HTML-like labels and GraphML (XML). CSV fields: tables.hpp.
#pragma once
#include <string>
#include <string_view>

namespace actorgraph {

enum class Markup {
  html,            // & < > " ' as entities; everything else as is
  graphviz_label,  // & < > " as entities; control characters (NUL ends Graphviz's strings) as spaces
  xml,             // & < > " and CR as entities; control characters XML 1.0 forbids as spaces
};

std::string markup_escape(std::string_view s, Markup markup);

}  // namespace actorgraph
