#include "graphviz_errors.hpp"

#include <string>

// libcgraph's DOT lexer keeps the input it has buffered but not parsed after a
// graph ("digraph A {...} more text") and reads it first on the next agmemread, so
// one file's leftovers broke the next file or our own DOT. aglexbad() flushes that
// buffer; it is exported by libcgraph but declared only in its private cghdr.h.
extern "C" void aglexbad(void);

namespace actorgraph {
namespace {

std::recursive_mutex& graphviz_mutex() {
  static std::recursive_mutex m;
  return m;
}

// Graphviz calls the hook with each piece of a message ("Error", ": ", then the
// formatted text); the session holds the mutex, so one buffer suffices.
std::string& buffer() {
  static std::string text;
  return text;
}

int collect(char* message) {
  if (message) buffer() += message;
  return 0;
}

std::string one_line(std::string s) {
  for (const char* prefix : {"Error: ", "Warning: "}) {
    if (s.rfind(prefix, 0) == 0) s.erase(0, std::string(prefix).size());
  }
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

GraphvizSession::GraphvizSession()
    : lock_(graphviz_mutex()), previous_(agseterrf(collect)), previous_level_(agseterr(AGERR)) {
  buffer().clear();
  aglexbad();  // no input left over from an earlier parse
}

GraphvizSession::~GraphvizSession() {
  agseterrf(previous_);
  agseterr(previous_level_);
  buffer().clear();
}

std::string GraphvizSession::first_error_or(const std::string& dflt) const {
  const std::string& all = buffer();
  std::size_t start = all.find("Error");
  if (start == std::string::npos) start = 0;
  std::size_t nl = all.find('\n', start);
  std::string msg = one_line(all.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
  return msg.empty() ? dflt : msg;
}

}  // namespace actorgraph
