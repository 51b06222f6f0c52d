#include "actorgraph/export/json.hpp"

#include <ostream>

#include "actorgraph/core/error.hpp"
#include "actorgraph/core/fingerprint.hpp"

namespace actorgraph {

nlohmann::json graph_to_json(const ActorGraph& g, const JsonOptions& options) {
  using nlohmann::json;
  json j;
  j["id"] = g.id;
  j["lang"] = std::string(to_string(g.lang));
  j["date"] = g.date.str();
  if (!g.source.empty()) j["source"] = g.source;
  if (g.articles != 1) j["articles"] = g.articles;
  json actors = json::array();
  for (Vertex v : g.sorted_nodes()) {
    const ActorNode& n = g.node(v);
    actors.push_back({{"code", n.code.str()}, {"name", n.label}, {"kind", std::string(to_string(n.kind))},
                      {"mentions", n.mentions}});
  }
  j["actors"] = std::move(actors);
  json edges = json::array();
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    if (d.modality == Modality::negated && !options.include_negated) continue;
    EdgeKey k = g.key(e);
    json je{{"source", k.source.str()},
            {"target", k.target.str()},
            {"type", std::string(to_string(d.type))},
            {"directed", is_directed(d.type)},
            {"modality", std::string(to_string(d.modality))},
            {"count", d.count},
            {"weight", d.weight},
            {"cameo", std::string(cameo_roots(d.type))},
            {"plover", std::string(plover_category(d.type))}};
    if (options.evidence) {
      json ev = json::array();
      for (const Evidence& x : d.evidence) {
        json o{{"sentence", x.sentence}, {"begin", x.span.begin}, {"end", x.span.end},
               {"text", x.text},         {"rule", x.rule},        {"modality", std::string(to_string(x.modality))}};
        if (x.article != g.id) o["article"] = x.article;
        ev.push_back(std::move(o));
      }
      je["evidence"] = std::move(ev);
    }
    edges.push_back(std::move(je));
  }
  j["edges"] = std::move(edges);
  j["generator"] = version_text();
  return j;
}

void write_json(std::ostream& out, const ActorGraph& g, const JsonOptions& options) {
  out << graph_to_json(g, options).dump(2) << '\n';
}

namespace {

ActorCode code_of(const nlohmann::json& v, const std::string& name, const char* what) {
  const nlohmann::json* c = &v;
  if (v.is_array()) {
    if (v.empty()) throw InputError(name + ": empty " + what + " list");
    c = &v[0];
  }
  if (!c->is_string() || !ActorCode::valid(c->get<std::string>())) {
    throw InputError(name + ": bad actor code in " + what);
  }
  return ActorCode(c->get<std::string>());
}

std::string str_or(const nlohmann::json& j, const char* key, const std::string& dflt) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : dflt;
}

// j[key] as a whole number >= 0; dflt when absent or null. Anything else (a
// negative or fractional number, a string) throws InputError "where: key must be
// a whole number, not 'VALUE'", as the DOT reader does.
std::size_t num_or(const nlohmann::json& j, const char* key, std::size_t dflt, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return dflt;
  if (it->is_number_unsigned()) return it->get<std::size_t>();
  throw InputError(where + ": " + key + " must be a whole number, not '" + it->dump().substr(0, 40) + "'");
}

// j[key] parsed as a modality; dflt when absent or null; InputError when unknown.
Modality modality_or(const nlohmann::json& j, const char* key, Modality dflt, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return dflt;
  std::optional<Modality> m = it->is_string() ? parse_modality(it->get<std::string>()) : std::nullopt;
  if (!m) {
    std::string shown = it->is_string() ? it->get<std::string>() : it->dump();
    throw InputError(where + ": unknown modality '" + shown.substr(0, 40) + "'");
  }
  return *m;
}

}  // namespace

ActorGraph graph_from_json(const nlohmann::json& j, const std::string& name) {
  if (!j.is_object()) throw InputError(name + ": not a graph (expected a JSON object)");
  ActorGraph g;
  g.id = str_or(j, "id", name);
  g.lang = parse_lang(str_or(j, "lang", "")).value_or(Lang::unknown);
  if (auto d = parse_date(str_or(j, "date", ""))) g.date = *d;
  g.source = str_or(j, "source", "");
  g.articles = num_or(j, "articles", 1, name);
  auto actors = j.find("actors");
  if (actors == j.end() || !actors->is_array()) throw InputError(name + ": no \"actors\" array");
  for (const auto& a : *actors) {
    if (a.is_string()) {
      g.add_actor(code_of(a, name, "actors"), ActorKind::state, a.get<std::string>(), 1);
      continue;
    }
    if (!a.is_object() || !a.contains("code")) throw InputError(name + ": actor without \"code\"");
    ActorCode c = code_of(a["code"], name, "actors");
    const std::string where = name + ": actor " + c.str();
    std::string kind_text = str_or(a, "kind", "state");
    auto kind = parse_actor_kind(kind_text);
    if (!kind) throw InputError(where + ": unknown kind '" + kind_text.substr(0, 40) + "'");
    g.add_actor(c, *kind, str_or(a, "name", c.str()), num_or(a, "mentions", 1, where));
  }
  auto edges = j.find("edges");
  if (edges == j.end()) return g;
  if (!edges->is_array()) throw InputError(name + ": \"edges\" is not an array");
  for (const auto& e : *edges) {
    if (!e.is_object() || !e.contains("source") || !e.contains("target") || !e.contains("type")) {
      throw InputError(name + ": edge without source, target or type");
    }
    if (auto opt = e.find("optional"); opt != e.end() && opt->is_boolean() && opt->get<bool>()) continue;
    ActorCode s = code_of(e["source"], name, "edge source");
    ActorCode t = code_of(e["target"], name, "edge target");
    auto type = parse_relation_type(str_or(e, "type", ""));
    if (!type) throw InputError(name + ": unknown relation type '" + str_or(e, "type", "") + "'");
    const std::string where = name + ": edge " + s.str() + " -> " + t.str();
    RelationEdge d;
    d.type = *type;
    d.modality = modality_or(e, "modality", Modality::asserted, where);
    d.count = num_or(e, "count", 1, where);
    d.weight = num_or(e, "weight", 1, where);
    if (auto ev = e.find("evidence"); ev != e.end() && ev->is_array()) {
      for (const auto& x : *ev) {
        if (!x.is_object()) continue;
        Evidence v;
        v.article = str_or(x, "article", g.id);
        v.sentence = num_or(x, "sentence", 0, where);
        v.span = Span{num_or(x, "begin", 0, where), num_or(x, "end", 0, where)};
        v.text = str_or(x, "text", "");
        v.rule = str_or(x, "rule", "");
        v.modality = modality_or(x, "modality", d.modality, where);
        d.evidence.push_back(std::move(v));
      }
    } else if (e.contains("evidence") && e["evidence"].is_string()) {
      d.evidence.push_back(Evidence{g.id, 0, {}, e["evidence"].get<std::string>(), "", d.modality});
    }
    for (const ActorCode& c : {s, t}) {
      if (!g.find(c)) g.add_actor(c, ActorKind::state, c.str(), 0);
    }
    g.put_edge(make_edge_key(s, t, d.type), d);
  }
  return g;
}

ActorGraph read_json_graph(const std::string& text, const std::string& name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte: 1-based offset of the character where parsing stopped.
    if (e.byte >= text.size()) throw InputError(name + ": truncated JSON (the file ends inside a value)");
    std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < at; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    throw InputError(name + ":" + std::to_string(line) + ": malformed JSON at column " +
                     std::to_string(at - line_start + 1));
  } catch (const nlohmann::json::exception& e) {
    // A number beyond double's range ("1e999"): out_of_range, not a parse_error.
    std::string why = e.what();
    if (auto close = why.find("] "); close != std::string::npos) why.erase(0, close + 2);
    throw InputError(name + ": malformed JSON: " + why.substr(0, 80));
  }
  return graph_from_json(j, name);
}

}  // namespace actorgraph
