#include "actorgraph/actors/dictionary.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/lexicon.hpp"

namespace actorgraph {
namespace {

struct RoleName {
  ActorRole role;
  std::string_view name;
};
constexpr RoleName kRoles[] = {
    {ActorRole::label, "label"},     {ActorRole::name, "name"},     {ActorRole::adj, "adj"},
    {ActorRole::demonym, "demonym"}, {ActorRole::capital, "capital"}, {ActorRole::seat, "seat"},
    {ActorRole::person, "person"},   {ActorRole::body, "body"},     {ActorRole::prefix, "prefix"},
    {ActorRole::region, "region"},   {ActorRole::coref, "coref"},
};

// "YYYY[-MM[-DD]]..YYYY[-MM[-DD]]", either side may be empty.
void parse_validity(std::string_view s, ActorEntry& e, const DataFile& file, std::size_t line) {
  if (s.empty()) return;
  auto dots = s.find("..");
  if (dots == std::string_view::npos) throw DataError(file.name, line, "validity must be FROM..TO");
  auto from = s.substr(0, dots), to = s.substr(dots + 2);
  if (!from.empty()) {
    auto d = parse_date(from);
    if (!d) throw DataError(file.name, line, "bad date '" + std::string(from) + "'");
    e.valid_from = *d;
  }
  if (!to.empty()) {
    auto d = parse_date(to);
    if (!d) throw DataError(file.name, line, "bad date '" + std::string(to) + "'");
    e.valid_to = *d;
  }
}

}  // namespace

std::string_view to_string(ActorRole role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.name;
  }
  return "name";
}

std::optional<ActorRole> parse_actor_role(std::string_view s) {
  for (const auto& r : kRoles) {
    if (r.name == s && r.role != ActorRole::coref) return r.role;
  }
  return std::nullopt;
}

ActorDictionary::ActorDictionary(const DataBundle& data) {
  for (const DataFile* file : data.files_of("actors")) {
    for (const TsvRow& row : read_tsv(*file, 5, 7)) {
      auto col = [&](std::size_t i) { return i < row.cols.size() ? row.cols[i] : std::string_view(); };
      ActorEntry e;
      if (!ActorCode::valid(col(0))) {
        throw DataError(file->name, row.line, "bad actor code '" + std::string(col(0)) + "'");
      }
      e.code = ActorCode(std::string(col(0)));
      auto kind = parse_actor_kind(col(1));
      if (!kind) throw DataError(file->name, row.line, "unknown kind '" + std::string(col(1)) + "'");
      e.kind = *kind;
      if (col(2) != "*") {
        auto lang = parse_lang(col(2));
        if (!lang) throw DataError(file->name, row.line, "unknown language '" + std::string(col(2)) + "'");
        e.lang = *lang;
      }
      auto role = parse_actor_role(col(3));
      if (!role) throw DataError(file->name, row.line, "unknown role '" + std::string(col(3)) + "'");
      e.role = *role;
      e.form = std::string(col(4));
      e.tokens = tokenize_form(e.form);
      if (e.tokens.empty()) throw DataError(file->name, row.line, "empty form");
      std::string_view flags = col(5);
      while (!flags.empty()) {
        auto comma = flags.find(',');
        std::string_view f = flags.substr(0, comma);
        static constexpr std::pair<std::string_view, bool ActorEntry::*> kFlags[] = {
            {"cs", &ActorEntry::case_sensitive}, {"amb", &ActorEntry::ambiguous},
            {"nocompound", &ActorEntry::no_compound}, {"inflected", &ActorEntry::inflected},
            {"accents", &ActorEntry::accents}, {"event", &ActorEntry::event_head},
            {"before_title", &ActorEntry::before_title}};
        auto known_flag = std::find_if(std::begin(kFlags), std::end(kFlags), [&](const auto& k) { return k.first == f; });
        if (known_flag != std::end(kFlags)) {
          e.*(known_flag->second) = true;
        } else if (!f.empty()) {
          throw DataError(file->name, row.line, "unknown flag '" + std::string(f) + "'");
        }
        if (comma == std::string_view::npos) break;
        flags.remove_prefix(comma + 1);
      }
      parse_validity(col(6), e, *file, row.line);
      auto known = kinds_.find(e.code);
      if (known != kinds_.end() && known->second != e.kind) {
        throw DataError(file->name, row.line, "code " + e.code.str() + " has another kind elsewhere");
      }
      kinds_[e.code] = e.kind;
      if (e.role == ActorRole::label) {
        for (Lang l : {Lang::de, Lang::en}) {
          if (!e.lang || *e.lang == l) {
            labels_[e.code.str() + "|" + std::string(to_string(l))] = e.form;
          }
        }
        continue;
      }
      entries_.push_back(std::move(e));
    }
  }
}

std::string ActorDictionary::label(const ActorCode& code, Lang lang) const {
  Lang other = lang == Lang::de ? Lang::en : Lang::de;
  for (Lang l : {lang, other}) {
    auto it = labels_.find(code.str() + "|" + std::string(to_string(l)));
    if (it != labels_.end()) return it->second;
  }
  return code.str();
}

std::optional<ActorKind> ActorDictionary::kind(const ActorCode& code) const {
  auto it = kinds_.find(code);
  if (it == kinds_.end()) return std::nullopt;
  return it->second;
}

}  // namespace actorgraph
