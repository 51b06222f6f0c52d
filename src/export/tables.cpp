#include "actorgraph/export/tables.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "core/utf8.hpp"
#include "actorgraph/core/fingerprint.hpp"
#include "actorgraph/export/dot.hpp"
#include "actorgraph/export/escape.hpp"

namespace actorgraph {
namespace {

std::string xml_escape(std::string_view s) { return markup_escape(s, Markup::xml); }

// Appends s as a JSON string exactly as nlohmann's dump (no ASCII escaping, invalid
// UTF-8 replaced) writes it: valid UTF-8 without control characters directly, any
// other text through nlohmann.
void append_json_string(std::string& out, std::string_view s) {
  bool control = false, ascii = true;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    control = control || u < 0x20;
    ascii = ascii && u < 0x80;
  }
  if (control || (!ascii && first_invalid_utf8(s) != std::string::npos)) {
    out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// Appends ,"key": (no comma before the first member) and the value.
void append_member(std::string& out, std::string_view key, std::string_view value) {
  out.append(out.empty() ? "{\"" : ",\"").append(key).append("\":");
  append_json_string(out, value);
}

void append_member(std::string& out, std::string_view key, std::size_t value) {
  out.append(",\"").append(key).append("\":").append(std::to_string(value));
}

bool keep(const RelationEdge& d, bool include_negated) {
  return include_negated || d.modality != Modality::negated;
}

struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

constexpr Key kKeys[] = {
    {"g_id", "graph", "id", "string"},          {"g_date", "graph", "date", "string"},
    {"g_lang", "graph", "lang", "string"},      {"g_articles", "graph", "articles", "int"},
    {"n_label", "node", "label", "string"},     {"n_kind", "node", "kind", "string"},
    {"n_mentions", "node", "mentions", "int"},  {"e_type", "edge", "type", "string"},
    {"e_directed", "edge", "directed", "boolean"}, {"e_modality", "edge", "modality", "string"},
    {"e_count", "edge", "count", "int"},        {"e_weight", "edge", "weight", "int"},
    {"e_cameo", "edge", "cameo", "string"},     {"e_plover", "edge", "plover", "string"},
    {"e_label", "edge", "label", "string"},     {"e_evidence", "edge", "evidence", "string"},
};

void data(std::ostream& out, const char* indent, const char* key, std::string_view value) {
  out << indent << "<data key=\"" << key << "\">" << xml_escape(value) << "</data>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const ActorGraph& g, bool include_negated) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      << "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      << "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& k : kKeys) {
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name << "\" attr.type=\""
        << k.type << "\"/>\n";
  }
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
  data(out, "    ", "g_id", g.id);
  data(out, "    ", "g_date", g.date.str());
  data(out, "    ", "g_lang", to_string(g.lang));
  data(out, "    ", "g_articles", std::to_string(g.articles));
  for (Vertex v : g.sorted_nodes()) {
    const ActorNode& n = g.node(v);
    out << "    <node id=\"" << xml_escape(n.code.str()) << "\">\n";
    data(out, "      ", "n_label", n.label);
    data(out, "      ", "n_kind", to_string(n.kind));
    data(out, "      ", "n_mentions", std::to_string(n.mentions));
    out << "    </node>\n";
  }
  std::size_t i = 0;
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    if (!keep(d, include_negated)) continue;
    EdgeKey k = g.key(e);
    out << "    <edge id=\"e" << i++ << "\" source=\"" << xml_escape(k.source.str()) << "\" target=\""
        << xml_escape(k.target.str()) << "\">\n";
    data(out, "      ", "e_type", to_string(d.type));
    data(out, "      ", "e_directed", is_directed(d.type) ? "true" : "false");
    data(out, "      ", "e_modality", to_string(d.modality));
    data(out, "      ", "e_count", std::to_string(d.count));
    data(out, "      ", "e_weight", std::to_string(d.weight));
    data(out, "      ", "e_cameo", cameo_roots(d.type));
    data(out, "      ", "e_plover", plover_category(d.type));
    data(out, "      ", "e_label", type_label(d.type));
    std::string evidence;
    for (const Evidence& x : d.evidence) {
      if (!evidence.empty()) evidence += '\n';
      evidence += x.text;
    }
    data(out, "      ", "e_evidence", evidence);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv(std::ostream& out, const ActorGraph& g, bool include_negated) {
  out << kCsvHeader << "\r\n";
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    if (!keep(d, include_negated)) continue;
    EdgeKey k = g.key(e);
    out << csv_field(k.source.str()) << ',' << csv_field(k.target.str()) << ',' << to_string(d.type) << ','
        << (is_directed(d.type) ? "true" : "false") << ',' << to_string(d.modality) << ',' << d.count << ','
        << csv_field(d.evidence.empty() ? "" : d.evidence.front().text) << "\r\n";
  }
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t line = 1;
  std::size_t i = 0;
  bool row_started = false;
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    rows.push_back(std::move(row));
    row.clear();
    row_started = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      std::size_t start_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) throw InputError(name + ":" + std::to_string(start_line) + ": unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
      row_started = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        throw InputError(name + ":" + std::to_string(line) + ": text after a closing quote");
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_started = true;
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_row();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
    } else if (c == '"') {
      throw InputError(name + ":" + std::to_string(line) + ": quote inside an unquoted field");
    } else {
      field += c;
      row_started = true;
      ++i;
    }
  }
  if (row_started || !field.empty() || !row.empty()) end_row();
  return rows;
}

void write_events(std::ostream& out, const ActorGraph& g, bool include_negated) {
  std::string line;
  for (EdgeId e : g.sorted_edges()) {
    const RelationEdge& d = g.store()[e];
    EdgeKey k = g.key(e);
    const ActorNode& s = g.node(*g.find(k.source));
    const ActorNode& t = g.node(*g.find(k.target));
    for (const Evidence& x : d.evidence) {
      if (!include_negated && x.modality == Modality::negated) continue;
      // One JSON object per line, members in this order (written directly: the same
      // bytes as an nlohmann::ordered_json dump, without building the object).
      line.clear();
      append_member(line, "article", x.article.empty() ? g.id : x.article);
      append_member(line, "date", g.date.str());
      if (!g.source.empty()) append_member(line, "publisher", g.source);
      append_member(line, "source", k.source.str());
      append_member(line, "source_name", s.label);
      append_member(line, "target", k.target.str());
      append_member(line, "target_name", t.label);
      append_member(line, "type", to_string(d.type));
      line.append(is_directed(d.type) ? ",\"directed\":true" : ",\"directed\":false");
      append_member(line, "modality", to_string(x.modality));
      append_member(line, "cameo", cameo_roots(d.type));
      append_member(line, "plover", plover_category(d.type));
      append_member(line, "sentence", x.sentence);
      append_member(line, "begin", x.span.begin);
      append_member(line, "end", x.span.end);
      append_member(line, "text", x.text);
      append_member(line, "rule", x.rule);
      append_member(line, "generator", version_text());
      line += "}\n";
      out << line;
    }
  }
}

}  // namespace actorgraph
