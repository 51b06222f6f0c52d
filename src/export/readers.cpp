#include "actorgraph/export/readers.hpp"

#include <graphviz/cgraph.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sstream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/files.hpp"
#include "actorgraph/export/json.hpp"
#include "actorgraph/export/render.hpp"
#include "core/utf8.hpp"
#include "graphviz_errors.hpp"

namespace actorgraph {
namespace {

// The attribute's value, "" when undeclared or unset; invalid UTF-8 bytes become '?'
// (labels and quotes end up in JSON, which must be UTF-8).
std::string attr(void* obj, const char* name) {
  char* v = agget(obj, const_cast<char*>(name));
  return v ? valid_utf8(std::string(v)) : std::string();
}

std::optional<std::size_t> parse_count(const std::string& s) {
  std::size_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::size_t count_attr(void* obj, const char* name, std::size_t dflt, const std::string& where) {
  std::string s = attr(obj, name);
  if (s.empty()) return dflt;
  auto v = parse_count(s);
  if (!v) throw InputError(where + ": " + name + " must be a whole number, not '" + s + "'");
  return *v;
}

// Evidence sentences from a tooltip written by write_dot: lines "• sentence"
// after the first, separated by Graphviz's "\n" escape.
std::vector<std::string> tooltip_sentences(const std::string& tip) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= tip.size()) {
    std::size_t next = tip.find("\\n", pos);
    std::string line = tip.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    const std::string bullet = "• ";
    if (line.rfind(bullet, 0) == 0) {
      std::string text;
      for (std::size_t i = bullet.size(); i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '\\') ++i;
        text += line[i];
      }
      out.push_back(text);
    }
    if (next == std::string::npos) break;
    pos = next + 2;
  }
  return out;
}

bool is_legend(Agnode_t* n) {
  std::string name = agnameof(n);
  return attr(n, "code").empty() && (name == "legend" || attr(n, "shape") == "plaintext" || attr(n, "shape") == "plain");
}

std::string stem_of(const std::string& path) { return valid_utf8(std::filesystem::path(path).stem().string()); }

// id_default names the graph when the DOT carries no article_id.
ActorGraph read_dot(const std::string& text, const std::string& name, const std::string& id_default) {
  check_dot_bounds(text, name);  // Graphviz's parser is quadratic in a token's length
  GraphvizSession session;
  Agraph_t* raw = agmemread(text.c_str());
  if (!raw) throw InputError(name + ": malformed DOT: " + session.first_error_or("syntax error"));
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> dot(raw, agclose);

  ActorGraph g;
  g.id = attr(raw, "article_id");
  if (g.id.empty()) g.id = id_default;
  g.lang = parse_lang(attr(raw, "lang")).value_or(Lang::unknown);
  if (auto d = parse_date(attr(raw, "date"))) g.date = *d;
  g.source = attr(raw, "publisher");
  g.articles = count_attr(raw, "articles", 1, name);

  std::map<Agnode_t*, ActorCode> codes;
  for (Agnode_t* n = agfstnode(raw); n; n = agnxtnode(raw, n)) {
    if (is_legend(n)) continue;
    const std::string node_name = agnameof(n);
    const std::string where = name + ": node '" + node_name + "'";
    std::string code = attr(n, "code");
    if (code.empty()) code = node_name;
    if (!ActorCode::valid(code)) {
      throw InputError(where + " has no actor code (give it code=\"XYZ\" or name it with [A-Z0-9_])");
    }
    ActorKind kind = ActorKind::state;
    if (std::string k = attr(n, "kind"); !k.empty()) {
      auto parsed = parse_actor_kind(k);
      if (!parsed) throw InputError(where + ": unknown kind '" + k + "'");
      kind = *parsed;
    }
    std::string label = attr(n, "label");
    if (label.empty() || label == "\\N" || aghtmlstr(agget(n, const_cast<char*>("label")))) label = code;
    ActorCode c(code);
    if (g.find(c)) throw InputError(where + ": actor code " + code + " appears twice");
    g.add_actor(c, kind, label, count_attr(n, "mentions", 1, where));
    codes.emplace(n, c);
  }

  std::size_t bad = 0;
  std::string first_bad;
  for (Agnode_t* n = agfstnode(raw); n; n = agnxtnode(raw, n)) {
    for (Agedge_t* e = agfstout(raw, n); e; e = agnxtout(raw, e)) {
      auto s = codes.find(agtail(e)), t = codes.find(aghead(e));
      const std::string where = name + ": edge " + agnameof(agtail(e)) + " -> " + agnameof(aghead(e));
      if (s == codes.end() || t == codes.end()) continue;  // an edge of the legend
      std::string type_text = attr(e, "type");
      auto type = parse_relation_type(type_text);
      if (!type) {
        if (bad++ == 0) first_bad = where + (type_text.empty() ? " has no type" : " has unknown type '" + type_text + "'");
        continue;
      }
      RelationEdge d;
      d.type = *type;
      if (std::string m = attr(e, "modality"); !m.empty()) {
        auto parsed = parse_modality(m);
        if (!parsed) throw InputError(where + ": unknown modality '" + m + "'");
        d.modality = *parsed;
      }
      d.count = count_attr(e, "count", 1, where);
      d.weight = count_attr(e, "weight", 1, where);
      for (auto& sentence : tooltip_sentences(attr(e, "tooltip"))) {
        d.evidence.push_back(Evidence{g.id, 0, {}, std::move(sentence), "", d.modality});
      }
      EdgeKey key = make_edge_key(s->second, t->second, d.type);
      if (auto old = g.find_edge(key)) {
        const RelationEdge& o = g.store()[*old];
        d.count += o.count;
        d.weight = std::max(d.weight, o.weight);
        if (strength(o.modality) > strength(d.modality)) d.modality = o.modality;
        d.evidence.insert(d.evidence.begin(), o.evidence.begin(), o.evidence.end());
      }
      g.put_edge(key, d);
    }
  }
  if (bad > 0) {
    throw InputError(first_bad + (bad > 1 ? " (and " + std::to_string(bad - 1) + " more edges without a valid type)" : "") +
                     "; types: partnership, meeting, support, aid, arms_supply, sanctions, criticism, threat, "
                     "military_action");
  }
  return g;
}

ActorGraph read_text(const std::string& text, const std::string& name, const std::string& id_default) {
  std::size_t i = 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) i = 3;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) throw InputError(name + ": empty graph file");
  if (text.find('\0') != std::string::npos) throw InputError(name + ": binary file, not DOT or JSON");
  if (text[i] == '{' || text[i] == '[') {
    ActorGraph g = read_json_graph(text.substr(i), name);
    if (g.id == name) g.id = id_default;
    return g;
  }
  return read_dot(text.substr(i), name, id_default);
}

}  // namespace

ActorGraph read_dot_graph(const std::string& text, const std::string& name) { return read_dot(text, name, name); }

ActorGraph read_graph_text(const std::string& text, const std::string& name) { return read_text(text, name, name); }

ActorGraph read_graph_file(const std::string& path) { return read_text(read_whole_file(path), path, stem_of(path)); }

}  // namespace actorgraph
