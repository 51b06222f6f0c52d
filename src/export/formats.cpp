#include "actorgraph/export/formats.hpp"

#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/export/json.hpp"

namespace actorgraph {

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> formats{"dot", "json"};
  return formats;
}

std::string format_extension(std::string_view format) { return "." + std::string(format); }

std::string export_graph(const ActorGraph& g, std::string_view format, const ExportOptions& options) {
  std::ostringstream out;
  if (format == "dot") {
    write_dot(out, g, options.dot);
  } else if (format == "json") {
    JsonOptions jo;
    if (options.compact) {
      out << graph_to_json(g, jo).dump() << '\n';
    } else {
      write_json(out, g, jo);
    }
  } else {
    throw UsageError("unknown format '" + std::string(format) + "'");
  }
  return out.str();
}

}  // namespace actorgraph
