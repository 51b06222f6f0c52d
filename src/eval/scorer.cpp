#include "actorgraph/eval/scorer.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "actorgraph/core/error.hpp"

namespace actorgraph {
namespace {

std::vector<ActorCode> codes(const nlohmann::json& v, const std::string& name) {
  std::vector<ActorCode> out;
  auto one = [&](const nlohmann::json& x) {
    if (!x.is_string()) throw InputError(name + ": actor code is not a string");
    out.emplace_back(x.get<std::string>());
  };
  if (v.is_array()) {
    for (const auto& x : v) one(x);
  } else {
    one(v);
  }
  if (out.empty()) throw InputError(name + ": empty actor list in an edge");
  return out;
}

bool contains(const std::vector<ActorCode>& v, const ActorCode& c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}

struct PredEdge {
  EdgeKey key;
  Modality modality;
};

bool edge_matches(const GoldEdge& g, const PredEdge& p) {
  if (g.type != p.key.type) return false;
  if (contains(g.sources, p.key.source) && contains(g.targets, p.key.target)) return true;
  return !is_directed(g.type) && contains(g.sources, p.key.target) && contains(g.targets, p.key.source);
}

std::string describe(const std::vector<ActorCode>& s, const std::vector<ActorCode>& t, RelationType type,
                     Modality m) {
  auto join = [](const std::vector<ActorCode>& v) {
    std::string out;
    for (const auto& c : v) out += (out.empty() ? "" : "|") + c.str();
    return out;
  };
  return join(s) + (is_directed(type) ? " -> " : " -- ") + join(t) + " " + std::string(to_string(type)) + " (" +
         std::string(to_string(m)) + ")";
}

std::string fmt(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

GoldArticle read_gold(const std::string& text, const std::string& name) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw InputError(name + ": malformed gold JSON");
  GoldArticle g;
  g.id = j.value("id", name);
  g.lang = parse_lang(j.value("lang", "")).value_or(Lang::unknown);
  if (!j.contains("actors") || !j["actors"].is_array()) throw InputError(name + ": gold without actors");
  for (const auto& a : j["actors"]) g.actors.push_back(codes(a, name)[0]);
  if (j.contains("optional_actors")) {
    for (const auto& a : j["optional_actors"]) g.optional_actors.push_back(codes(a, name)[0]);
  }
  if (j.contains("edges")) {
    for (const auto& e : j["edges"]) {
      GoldEdge ge;
      if (!e.is_object() || !e.contains("source") || !e.contains("target")) {
        throw InputError(name + ": gold edge without source or target");
      }
      ge.sources = codes(e["source"], name);
      ge.targets = codes(e["target"], name);
      auto t = parse_relation_type(e.value("type", ""));
      if (!t) throw InputError(name + ": unknown relation type '" + e.value("type", "") + "'");
      ge.type = *t;
      ge.modality = parse_modality(e.value("modality", "asserted")).value_or(Modality::asserted);
      ge.optional = e.value("optional", false);
      if (e.contains("evidence") && e["evidence"].is_string()) ge.evidence = e["evidence"].get<std::string>();
      g.edges.push_back(std::move(ge));
    }
  }
  return g;
}

ArticleScore score_article(const GoldArticle& gold, const ActorGraph& pred) {
  ArticleScore s;
  s.id = gold.id;
  s.lang = gold.lang != Lang::unknown ? gold.lang : pred.lang;

  // Actors: sets of codes, optional actors ignored on both sides.
  std::set<ActorCode> g_actors(gold.actors.begin(), gold.actors.end());
  std::set<ActorCode> p_actors;
  for (Vertex v : pred.sorted_nodes()) {
    const ActorNode& n = pred.node(v);
    if (n.kind == ActorKind::collective) continue;
    p_actors.insert(n.code);
  }
  for (const auto& c : gold.optional_actors) {
    g_actors.erase(c);
    p_actors.erase(c);
  }
  for (const auto& c : p_actors) (g_actors.count(c) ? s.actors.tp : s.actors.fp)++;
  for (const auto& c : g_actors) {
    if (!p_actors.count(c)) {
      ++s.actors.fn;
      s.errors.push_back(EdgeError{gold.id, "missed actor", c.str(), ""});
    }
  }
  for (const auto& c : p_actors) {
    if (!g_actors.count(c)) s.errors.push_back(EdgeError{gold.id, "spurious actor", c.str(), ""});
  }

  // Edges: negated ones left out on both sides; optional gold edges absorb matches.
  std::vector<PredEdge> preds;
  for (EdgeId e : pred.sorted_edges()) {
    const RelationEdge& d = pred.store()[e];
    if (d.modality == Modality::negated) continue;
    preds.push_back(PredEdge{pred.key(e), d.modality});
  }
  std::vector<bool> used(preds.size(), false);
  for (const GoldEdge& g : gold.edges) {
    if (g.optional || g.modality == Modality::negated) continue;
    bool found = false;
    for (std::size_t i = 0; i < preds.size() && !found; ++i) {
      if (used[i] || !edge_matches(g, preds[i])) continue;
      used[i] = found = true;
      ++s.edges.tp;
      ++s.by_type[g.type].tp;
      ++s.modality_total;
      if (preds[i].modality == g.modality) {
        ++s.modality_correct;
      } else {
        s.errors.push_back(EdgeError{gold.id, "modality", describe(g.sources, g.targets, g.type, g.modality),
                                     "predicted " + std::string(to_string(preds[i].modality))});
      }
    }
    if (!found) {
      ++s.edges.fn;
      ++s.by_type[g.type].fn;
      s.errors.push_back(EdgeError{gold.id, "missed", describe(g.sources, g.targets, g.type, g.modality), g.evidence});
    }
  }
  for (std::size_t i = 0; i < preds.size(); ++i) {
    if (used[i]) continue;
    bool absorbed = false;
    for (const GoldEdge& g : gold.edges) {
      if ((g.optional) && edge_matches(g, preds[i])) absorbed = true;
    }
    if (absorbed) continue;
    ++s.edges.fp;
    ++s.by_type[preds[i].key.type].fp;
    std::string detail;
    if (auto e = pred.find_edge(preds[i].key); e && !pred.store()[*e].evidence.empty()) {
      detail = pred.store()[*e].evidence.front().text;
    }
    s.errors.push_back(EdgeError{gold.id, "spurious",
                                 describe({preds[i].key.source}, {preds[i].key.target}, preds[i].key.type,
                                          preds[i].modality),
                                 detail});
  }
  return s;
}

Summary summarize(const std::vector<ArticleScore>& scores) {
  Summary sum;
  for (const auto& s : scores) {
    ++sum.articles;
    sum.actors += s.actors;
    sum.edges += s.edges;
    sum.modality_total += s.modality_total;
    sum.modality_correct += s.modality_correct;
    sum.macro_actor_f1 += s.actors.f1();
    sum.macro_edge_f1 += s.edges.f1();
    for (const auto& [t, c] : s.by_type) sum.by_type[t] += c;
  }
  if (sum.articles) {
    sum.macro_actor_f1 /= double(sum.articles);
    sum.macro_edge_f1 /= double(sum.articles);
  }
  return sum;
}

std::map<std::string, double> figures(const std::vector<ArticleScore>& scores) {
  std::map<std::string, double> out;
  auto put = [&](const std::string& suffix, const std::vector<ArticleScore>& subset) {
    Summary s = summarize(subset);
    out["actor_f1" + suffix] = s.actors.f1();
    out["actor_precision" + suffix] = s.actors.precision();
    out["actor_recall" + suffix] = s.actors.recall();
    out["edge_f1" + suffix] = s.edges.f1();
    out["edge_precision" + suffix] = s.edges.precision();
    out["edge_recall" + suffix] = s.edges.recall();
    out["modality_accuracy" + suffix] = s.modality_accuracy();
  };
  put("", scores);
  for (Lang l : {Lang::de, Lang::en}) {
    std::vector<ArticleScore> subset;
    for (const auto& s : scores) {
      if (s.lang == l) subset.push_back(s);
    }
    put("_" + std::string(to_string(l)), subset);
  }
  return out;
}

std::string format_report(const std::vector<ArticleScore>& scores, bool list_errors) {
  std::ostringstream o;
  if (list_errors) {
    for (const auto& s : scores) {
      for (const auto& e : s.errors) {
        o << e.article << "\t" << e.kind << "\t" << e.edge;
        if (!e.detail.empty()) o << "\t" << e.detail.substr(0, 300);
        o << "\n";
      }
    }
    o << "\n";
  }
  auto line = [&](const std::string& name, const std::vector<ArticleScore>& subset) {
    Summary s = summarize(subset);
    o << name << ": " << s.articles << " articles | actors P " << fmt(s.actors.precision()) << " R "
      << fmt(s.actors.recall()) << " F1 " << fmt(s.actors.f1()) << " (macro " << fmt(s.macro_actor_f1)
      << ") | edges P " << fmt(s.edges.precision()) << " R " << fmt(s.edges.recall()) << " F1 "
      << fmt(s.edges.f1()) << " (macro " << fmt(s.macro_edge_f1) << ", tp " << s.edges.tp << " fp "
      << s.edges.fp << " fn " << s.edges.fn << ") | modality " << fmt(s.modality_accuracy()) << " of "
      << s.modality_total << "\n";
  };
  Summary all = summarize(scores);
  o << "per type (P R F1, tp/fp/fn):\n";
  for (RelationType t : kAllRelationTypes) {
    auto it = all.by_type.find(t);
    Counts c = it == all.by_type.end() ? Counts{} : it->second;
    char buf[160];
    std::snprintf(buf, sizeof buf, "  %-16s %s %s %s  %zu/%zu/%zu\n", std::string(to_string(t)).c_str(),
                  fmt(c.precision()).c_str(), fmt(c.recall()).c_str(), fmt(c.f1()).c_str(), c.tp, c.fp, c.fn);
    o << buf;
  }
  for (Lang l : {Lang::de, Lang::en}) {
    std::vector<ArticleScore> subset;
    for (const auto& s : scores) {
      if (s.lang == l) subset.push_back(s);
    }
    if (!subset.empty()) line(std::string(to_string(l)), subset);
  }
  line("all", scores);
  return o.str();
}

nlohmann::json report_json(const std::vector<ArticleScore>& scores) {
  nlohmann::json j;
  j["figures"] = figures(scores);
  Summary all = summarize(scores);
  j["macro_actor_f1"] = all.macro_actor_f1;
  j["macro_edge_f1"] = all.macro_edge_f1;
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [t, c] : all.by_type) {
    types[std::string(to_string(t))] = {{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()},
                                        {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}};
  }
  j["by_type"] = types;
  nlohmann::json arts = nlohmann::json::array();
  for (const auto& s : scores) {
    nlohmann::json errs = nlohmann::json::array();
    for (const auto& e : s.errors) errs.push_back({{"kind", e.kind}, {"edge", e.edge}, {"detail", e.detail}});
    arts.push_back({{"id", s.id},
                    {"lang", std::string(to_string(s.lang))},
                    {"actor_f1", s.actors.f1()},
                    {"edge_f1", s.edges.f1()},
                    {"edge_tp", s.edges.tp},
                    {"edge_fp", s.edges.fp},
                    {"edge_fn", s.edges.fn},
                    {"errors", errs}});
  }
  j["articles"] = arts;
  return j;
}

}  // namespace actorgraph
