#include "gold_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "actorgraph/core/error.hpp"
#include "actorgraph/corpus/jsonl.hpp"
#include "actorgraph/corpus/output.hpp"
#include "common.hpp"

namespace actorgraph::cli {

namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// NAME.txt files with NAME.gold.json beside them, sorted.
std::vector<std::string> texts_with_gold(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().string();
    if (e.path().extension() == ".txt" && fs::exists(name.substr(0, name.size() - 4) + ".gold.json")) {
      found.push_back(name);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

struct ById {
  std::size_t item;
  std::size_t cut_bytes;
  std::string date;
};

}  // namespace

std::vector<GoldInput> load_gold_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& jsonl,
                                        bool with_text) {
  std::vector<GoldInput> out;
  std::map<std::string, ById> by_id;
  for (const auto& p : paths) {
    if (!is_directory(p)) {
      std::string base = ends_with(p, ".txt") ? p.substr(0, p.size() - 4) : p;
      if (!fs::exists(base + ".txt") || !fs::exists(base + ".gold.json")) {
        throw InputError("no article with gold annotation at " + p);
      }
      out.push_back(GoldInput{stem(base + ".txt"), base + ".gold.json", read_file(base + ".gold.json"),
                              with_text ? read_file(base + ".txt") : std::string(), {}});
      continue;
    }
    std::vector<std::string> texts = texts_with_gold(p);
    if (!texts.empty()) {
      for (const auto& txt : texts) {
        std::string gold = txt.substr(0, txt.size() - 4) + ".gold.json";
        out.push_back(GoldInput{stem(txt), gold, read_file(gold), with_text ? read_file(txt) : std::string(), {}});
      }
      continue;
    }
    std::vector<std::string> golds;
    for (const auto& e : fs::directory_iterator(p)) {
      if (ends_with(e.path().filename().string(), ".gold.json")) golds.push_back(e.path().string());
    }
    if (golds.empty()) throw InputError("no NAME.txt with NAME.gold.json, and no ID.gold.json, in " + p);
    if (jsonl.empty() && with_text) {
      throw UsageError(p + " holds gold stored by id: give the corpora with --jsonl FILE...");
    }
    std::sort(golds.begin(), golds.end());
    for (const auto& g : golds) {
      std::string content = read_file(g);
      nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
      if (j.is_discarded() || !j.is_object()) throw InputError(g + ": not valid JSON");
      if (!j.contains("id") || !j["id"].is_string()) throw InputError(g + ": no \"id\"");
      ById b{out.size(), 0, ""};
      if (j.contains("cut_bytes") && j["cut_bytes"].is_number_unsigned()) b.cut_bytes = j["cut_bytes"].get<std::size_t>();
      if (j.contains("date") && j["date"].is_string()) b.date = j["date"].get<std::string>();
      std::string id = j["id"].get<std::string>();
      if (!by_id.emplace(id, b).second) throw InputError(g + ": id '" + id + "' appears in two gold files");
      out.push_back(GoldInput{id, g, std::move(content), "", {}});
    }
  }
  if (by_id.empty() || !with_text) return out;
  std::size_t found = 0;
  for (const auto& f : jsonl) {
    register_input(f);
    std::ifstream in(f, std::ios::binary);
    if (!in) throw InputError("cannot read " + f);
    JsonlReader reader(in, f);
    while (auto line = reader.next()) {
      if (!line->record) continue;
      auto it = by_id.find(line->record->id);
      if (it == by_id.end()) continue;
      CorpusRecord& r = *line->record;
      GoldInput& item = out[it->second.item];
      if (!item.text.empty()) continue;
      std::size_t cut = it->second.cut_bytes;
      if (cut > 0) {
        if (cut > r.text.size()) throw InputError(f + ": record " + r.id + " is shorter than its gold's cut_bytes");
        r.text.resize(cut);
        r.text += '\n';
      }
      item.text = std::move(r.text);
      item.options.lang = r.lang;
      item.options.date = r.date ? r.date : parse_date(it->second.date);
      ++found;
    }
  }
  for (const auto& [id, b] : by_id) {
    if (out[b.item].text.empty()) {
      throw InputError("no record with id '" + id + "' in the --jsonl corpora (gold " + out[b.item].gold_path + ")");
    }
  }
  return out;
}

}  // namespace actorgraph::cli
