// Private to src/export: exclusive use of Graphviz's global state (the DOT
// parser, error hooks) for one render or read, collecting libcgraph/libgvc
// error messages instead of letting Graphviz print them on stderr.
#pragma once
#include <graphviz/cgraph.h>

#include <mutex>
#include <string>

namespace actorgraph {

class GraphvizSession {
 public:
  GraphvizSession();
  ~GraphvizSession();
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  // The first error message as one line (without "Error: "), or dflt.
  std::string first_error_or(const std::string& dflt) const;

 private:
  std::unique_lock<std::recursive_mutex> lock_;
  agusererrf previous_;
  agerrlevel_t previous_level_;
};

}  // namespace actorgraph
