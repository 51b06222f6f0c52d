// Stage 5 (export): pictures (SVG, PNG, PDF) laid out and drawn in-process by
// Graphviz's libgvc/libcgraph, never by running the `dot` program.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// The layout engines render_dot() accepts: dot, neato, fdp, circo, sfdp.
const std::vector<std::string>& layout_engines();
// The default: "auto" picks dot for article-sized graphs (up to kAutoDotNodes
// actors and kAutoDotEdges edges drawn) and sfdp above (see docs/RENDERING.md).
inline constexpr std::string_view kDefaultLayout = "auto";
inline constexpr std::size_t kAutoDotNodes = 20;
inline constexpr std::size_t kAutoDotEdges = 40;
// The engine "auto" means for a picture of that many nodes and edges; any
// other layout is returned unchanged.
std::string resolve_layout(std::string_view layout, std::size_t nodes, std::size_t edges);
// Picture formats: svg, png, pdf.
const std::vector<std::string>& picture_formats();
bool is_picture_format(std::string_view format);

// Throws UsageError unless layout is "auto" or one of layout_engines().
void check_layout(std::string_view layout);

// Lays out and draws DOT text with the given engine into format's bytes
// ("auto" uses the DOT's own `layout` attribute, else dot).
//
// Plugins are registered in code (no Graphviz config file is read): the core
// (SVG), dot and neato layout plugins, and the pango/cairo plugin for PNG/PDF,
// loaded by absolute path from Graphviz's plugin directory beside libgvc.
// SVG is laid out with Graphviz's built-in font metrics (Helvetica/Arial widths,
// no pango), so its bytes do not depend on the fonts installed; PNG and PDF use
// pango to measure and draw with the installed fonts. Output is deterministic
// for a given machine: the same DOT gives the same bytes (PDF's CreationDate is
// pinned, see docs/RENDERING.md).
//
// Throws UsageError for an unknown format or engine, InputError for DOT that
// does not parse, Error when Graphviz or a needed plugin fails.
std::string render_dot(const std::string& dot, std::string_view format, std::string_view layout);

}  // namespace actorgraph
