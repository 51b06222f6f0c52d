#include "actorgraph/export/render.hpp"

#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "actorgraph/core/error.hpp"
#include "graphviz_errors.hpp"

namespace actorgraph {
namespace {

// One Graphviz plugin library: its file and the symbol Graphviz's libltdl
// naming gives its plugin table.
struct PluginLib {
  const char* file;
  const char* symbol;
};
constexpr std::array<PluginLib, 3> kLayoutAndCore{{
    {"libgvplugin_core.so.6", "gvplugin_core_LTX_library"},
    {"libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"},
    {"libgvplugin_neato_layout.so.6", "gvplugin_neato_layout_LTX_library"},
}};
constexpr PluginLib kPango{"libgvplugin_pango.so.6", "gvplugin_pango_LTX_library"};

// Directories to look for plugins in: "graphviz/" beside the libgvc this
// process runs with, then the usual multiarch and plain locations.
std::vector<std::filesystem::path> plugin_dirs() {
  std::vector<std::filesystem::path> dirs;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&gvContextPlugins), &info) != 0 && info.dli_fname) {
    std::error_code ec;
    auto lib = std::filesystem::canonical(info.dli_fname, ec);
    if (!ec) dirs.push_back(lib.parent_path() / "graphviz");
  }
  for (const char* d : {"/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/aarch64-linux-gnu/graphviz",
                        "/usr/lib64/graphviz", "/usr/lib/graphviz", "/usr/local/lib/graphviz"}) {
    dirs.emplace_back(d);
  }
  return dirs;
}

// The plugin table of lib, loaded once per process (RTLD_NODELETE: pango and
// GLib must never be unloaded). Throws Error naming the file when missing.
void* plugin_table(const PluginLib& lib) {
  static std::mutex mutex;
  static std::vector<std::pair<std::string, void*>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  for (const auto& [name, table] : loaded) {
    if (name == lib.symbol) return table;
  }
  std::string tried;
  for (const auto& dir : plugin_dirs()) {
    std::filesystem::path path = dir / lib.file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
      tried = dlerror();
      continue;
    }
    void* table = dlsym(handle, lib.symbol);
    if (!table) {
      tried = path.string() + " has no " + lib.symbol;
      continue;
    }
    loaded.emplace_back(lib.symbol, table);
    return table;
  }
  throw Error(std::string("Graphviz plugin ") + lib.file + " not found" + (tried.empty() ? "" : " (" + tried + ")") +
              "; install Debian package libgvc6");
}

// A Graphviz context with exactly the given plugins, built from a table in code
// (demand_loading = 0: Graphviz reads no config6 file and scans no directory).
//
// One context of each kind lives for the whole process (context_for()): the
// pango plugin caches a pointer to the last font name it measured, and that
// name belongs to the context's font dictionary, so freeing a context and
// rendering with a new one reads freed memory (AddressSanitizer finds it). The
// plugin itself can never be unloaded either, so its context stays with it.
class Context {
 public:
  explicit Context(bool with_pango) {
    for (const auto& lib : kLayoutAndCore) symbols_.push_back({lib.symbol, plugin_table(lib)});
    if (with_pango) symbols_.push_back({kPango.symbol, plugin_table(kPango)});
    symbols_.push_back({nullptr, nullptr});
    gvc_ = gvContextPlugins(symbols_.data(), 0);
    if (!gvc_) throw Error("cannot create a Graphviz context");
  }
  ~Context() { gvFreeContext(gvc_); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  GVC_t* get() const { return gvc_; }

 private:
  std::vector<lt_symlist_t> symbols_;
  GVC_t* gvc_ = nullptr;
};

// cairo writes the wall-clock time into the PDF's Info dictionary
// ("/CreationDate (D:YYYYMMDDHHmmSS+hh'mm)" or "...Z" in UTC, and /ModDate).
// Replace each by a fixed date and shift the byte offsets of the cross-reference
// table and startxref by the change in length, so the PDF stays valid and the
// bytes do not depend on the clock or the time zone.
void pin_pdf_dates(std::string& pdf) {
  const std::string fixed = "(D:20000101000000Z)";
  for (const char* key : {"/CreationDate ", "/ModDate "}) {
    std::size_t at = pdf.find(key);
    if (at == std::string::npos) continue;
    std::size_t open = at + std::strlen(key);
    std::size_t close = pdf.find(')', open);
    if (open >= pdf.size() || pdf[open] != '(' || close == std::string::npos) continue;
    const long delta = static_cast<long>(fixed.size()) - static_cast<long>(close + 1 - open);
    pdf.replace(open, close + 1 - open, fixed);
    if (delta == 0) continue;
    // Classic xref table: "xref\n0 N\n" then N entries "oooooooooo ggggg n \n".
    std::size_t xref = pdf.rfind("\nxref\n");
    std::size_t startxref = pdf.rfind("startxref\n");
    if (xref == std::string::npos || startxref == std::string::npos || xref < open) continue;
    std::size_t line = pdf.find('\n', xref + 6);
    std::size_t entry = line + 1;
    while (entry + 20 <= startxref && std::isdigit(static_cast<unsigned char>(pdf[entry]))) {
      long offset = std::stol(pdf.substr(entry, 10));
      if (pdf[entry + 17] == 'n' && offset > static_cast<long>(open)) {
        char buf[11];
        std::snprintf(buf, sizeof buf, "%010ld", offset + delta);
        pdf.replace(entry, 10, buf);
      }
      entry += 20;
    }
    std::size_t num = startxref + 10;
    std::size_t num_end = pdf.find('\n', num);
    long where = std::stol(pdf.substr(num, num_end - num));
    pdf.replace(num, num_end - num, std::to_string(where + delta));
  }
}

// Rounds every coordinate of a finished layout to 1/100 point. sfdp's result
// differs between runs in the last bits of its doubles (its data structures are
// ordered by address, and addresses change with ASLR); SVG prints two decimals
// and hid that, but cairo's PDF prints six and showed it, so the same graph gave
// different PDF bytes. Rounding makes every run draw the same picture (and leaves
// SVG's two decimals as they were); 1/100 point is far below anything visible.
double round_coord(double v) { return std::round(v * 100.0) / 100.0; }
void round_point(pointf& p) {
  p.x = round_coord(p.x);
  p.y = round_coord(p.y);
}
void round_label(textlabel_t* l) {
  if (l) round_point(l->pos);
}
void round_graph_labels(Agraph_t* g) {
  round_point(GD_bb(g).LL);
  round_point(GD_bb(g).UR);
  round_label(GD_label(g));
  for (int i = 1; i <= GD_n_cluster(g); ++i) round_graph_labels(GD_clust(g)[i]);
}
void round_layout(Agraph_t* g) {
  round_graph_labels(g);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    round_point(ND_coord(n));
    round_label(ND_label(n));
    round_label(ND_xlabel(n));
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
      round_label(ED_label(e));
      round_label(ED_xlabel(e));
      round_label(ED_head_label(e));
      round_label(ED_tail_label(e));
      splines* spl = ED_spl(e);
      if (!spl) continue;
      round_point(spl->bb.LL);
      round_point(spl->bb.UR);
      for (int i = 0; i < spl->size; ++i) {
        bezier& b = spl->list[i];
        for (int j = 0; j < b.size; ++j) round_point(b.list[j]);
        round_point(b.sp);
        round_point(b.ep);
      }
    }
  }
}

// The process-wide context with or without pango; callers hold a GraphvizSession.
GVC_t* context_for(bool with_pango) {
  static Context* plain = nullptr;
  static Context* pango = nullptr;
  Context*& c = with_pango ? pango : plain;
  if (!c) c = new Context(with_pango);  // never freed, see Context
  return c->get();
}

}  // namespace

const std::vector<std::string>& layout_engines() {
  static const std::vector<std::string> engines{"dot", "neato", "fdp", "circo", "sfdp"};
  return engines;
}

const std::vector<std::string>& picture_formats() {
  static const std::vector<std::string> formats{"svg", "png", "pdf"};
  return formats;
}

bool is_picture_format(std::string_view format) {
  const auto& f = picture_formats();
  return std::find(f.begin(), f.end(), format) != f.end();
}

void check_layout(std::string_view layout) {
  const auto& e = layout_engines();
  if (layout != "auto" && std::find(e.begin(), e.end(), layout) == e.end()) {
    throw UsageError("unknown layout '" + std::string(layout) + "' (use auto, dot, neato, fdp, circo or sfdp)");
  }
}

void check_dot_bounds(std::string_view dot, const std::string& name) {
  if (dot.size() > kMaxDotBytes) {
    throw InputError(name + ": DOT of " + std::to_string(dot.size()) + " bytes is too big for Graphviz's parser (at most " +
                     std::to_string(kMaxDotBytes) + ")");
  }
  auto is_id = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '.' || c == '-' || u >= 0x80;
  };
  const std::size_t n = dot.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = dot[i];
    std::size_t j = i + 1;
    if (c == '"') {
      while (j < n && dot[j] != '"') j += (dot[j] == '\\' && j + 1 < n) ? 2 : 1;
      ++j;
    } else if (c == '<') {
      for (int depth = 1; j < n && depth > 0; ++j) depth += dot[j] == '<' ? 1 : dot[j] == '>' ? -1 : 0;
    } else if (c == '/' && j < n && dot[j] == '*') {
      std::size_t close = dot.find("*/", j + 1);
      j = close == std::string_view::npos ? n : close + 2;
    } else if ((c == '/' && j < n && dot[j] == '/') || (c == '#' && (i == 0 || dot[i - 1] == '\n'))) {
      std::size_t eol = dot.find('\n', j);
      j = eol == std::string_view::npos ? n : eol;
    } else if (is_id(c)) {
      while (j < n && is_id(dot[j])) ++j;
    }
    j = std::min(j, n);
    if (j - i > kMaxDotToken) {
      std::size_t line = 1 + static_cast<std::size_t>(std::count(dot.begin(), dot.begin() + static_cast<long>(i), '\n'));
      throw InputError(name + ":" + std::to_string(line) + ": a DOT string, name or comment of " + std::to_string(j - i) +
                       " bytes is too long for Graphviz's parser (at most " + std::to_string(kMaxDotToken) + ")");
    }
    i = j;
  }
}

void check_picture_size(std::size_t nodes, std::size_t edges) {
  if (nodes <= kMaxPictureNodes && edges <= kMaxPictureEdges) return;
  throw InputError("graph too big to draw: " + std::to_string(nodes) + " actors and " + std::to_string(edges) +
                   " edges (a picture takes at most " + std::to_string(kMaxPictureNodes) + " actors and " +
                   std::to_string(kMaxPictureEdges) +
                   " edges); write dot, json or graphml, or draw a part (--min-support, db graph --actor)");
}

std::string resolve_layout(std::string_view layout, std::size_t nodes, std::size_t edges) {
  if (layout != "auto") return std::string(layout);
  return nodes <= kAutoDotNodes && edges <= kAutoDotEdges ? "dot" : "sfdp";
}

std::string render_dot(const std::string& dot, std::string_view format, std::string_view layout) {
  if (!is_picture_format(format)) throw UsageError("cannot render format '" + std::string(format) + "'");
  check_layout(layout);
  check_dot_bounds(dot, "graph to draw");
  GraphvizSession errors;  // Graphviz keeps global state: one render at a time
  GVC_t* gvc = context_for(format != "svg");
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) throw InputError("malformed DOT: " + errors.first_error_or("syntax error"));
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(g, agclose);
  // The legend adds a few nodes and edges of its own.
  constexpr std::size_t kLegendAllowance = 100;
  const auto nodes = static_cast<std::size_t>(agnnodes(g)), edges = static_cast<std::size_t>(agnedges(g));
  check_picture_size(nodes > kLegendAllowance ? nodes - kLegendAllowance : 0,
                     edges > kLegendAllowance ? edges - kLegendAllowance : 0);

  std::string engine(layout);
  if (engine == "auto") {
    const char* own = agget(g, const_cast<char*>("layout"));
    engine = own && *own ? own : "dot";
    check_layout(engine);
  }
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    throw Error("Graphviz layout '" + engine + "' failed: " + errors.first_error_or("unknown error"));
  }
  round_layout(g);
  std::string device = format == "svg" ? "svg" : std::string(format) + ":cairo";
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc, g, device.c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (rc != 0 || out.empty()) {
    throw Error("Graphviz cannot render " + std::string(format) + ": " + errors.first_error_or("no renderer"));
  }
  if (format == "pdf") pin_pdf_dates(out);
  return out;
}

}  // namespace actorgraph
