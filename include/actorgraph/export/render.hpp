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

// Bounds on what reaches Graphviz, whose DOT parser takes time quadratic in the
// length of one token (a 1 MB label: 0.6 s, 4 MB: a minute) and whose layouts grow
// faster than the graph (10,000 actors and 30,000 edges: about 10 s for SVG, 14 s
// for PDF; a million actors: more than ten minutes and 5 GB). docs/ROBUSTNESS.md.
inline constexpr std::size_t kMaxDotBytes = 32u << 20;   // DOT text handed to the parser
inline constexpr std::size_t kMaxDotToken = 64u << 10;   // one quoted or HTML string, name or comment
inline constexpr std::size_t kMaxPictureNodes = 10000;   // actors in one picture
inline constexpr std::size_t kMaxPictureEdges = 30000;   // edges in one picture

// Throws InputError "NAME: what" when dot is longer than kMaxDotBytes or holds a
// token longer than kMaxDotToken (with its line). Linear; never parses.
void check_dot_bounds(std::string_view dot, const std::string& name);
// Throws InputError "graph too big to draw: ..." above kMaxPictureNodes actors or
// kMaxPictureEdges edges.
void check_picture_size(std::size_t nodes, std::size_t edges);

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
// does not parse or is beyond the bounds above, Error when Graphviz or a needed
// plugin fails.
std::string render_dot(const std::string& dot, std::string_view format, std::string_view layout);

}  // namespace actorgraph
