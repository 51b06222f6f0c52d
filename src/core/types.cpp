#include "actorgraph/core/types.hpp"

#include <cstdio>

namespace actorgraph {
namespace {

struct TypeInfo {
  RelationType type;
  std::string_view name;
  bool directed;
  bool cooperative;
  std::string_view cameo;
  std::string_view plover;
};

constexpr std::array<TypeInfo, kRelationTypeCount> kTypes{{
    {RelationType::partnership, "partnership", false, true, "03,050,057,06", "AGREE,COOPERATE"},
    {RelationType::meeting, "meeting", false, true, "04", "CONSULT"},
    {RelationType::support, "support", true, true, "051,052,053,054", "SUPPORT"},
    {RelationType::aid, "aid", true, true, "07", "AID"},
    {RelationType::arms_supply, "arms_supply", true, true, "072", "AID"},
    {RelationType::sanctions, "sanctions", true, false, "16,172", "SANCTION"},
    {RelationType::criticism, "criticism", true, false, "11,12,14", "ACCUSE,REJECT,PROTEST"},
    {RelationType::threat, "threat", true, false, "13", "THREATEN"},
    {RelationType::military_action, "military_action", true, false, "15,17,18,19,20",
     "MOBILIZE,COERCE,ASSAULT"},
}};

const TypeInfo& info(RelationType t) { return kTypes[static_cast<std::size_t>(t)]; }

}  // namespace

std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::de: return "de";
    case Lang::en: return "en";
    case Lang::unknown: break;
  }
  return "unknown";
}

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "de" || s == "german" || s == "deu" || s == "ger") return Lang::de;
  if (s == "en" || s == "english" || s == "eng") return Lang::en;
  return std::nullopt;
}

std::string_view to_string(ActorKind kind) {
  switch (kind) {
    case ActorKind::state: return "state";
    case ActorKind::igo: return "igo";
    case ActorKind::group: return "group";
    case ActorKind::collective: return "collective";
  }
  return "state";
}

std::optional<ActorKind> parse_actor_kind(std::string_view s) {
  if (s == "state") return ActorKind::state;
  if (s == "igo") return ActorKind::igo;
  if (s == "group") return ActorKind::group;
  if (s == "collective") return ActorKind::collective;
  return std::nullopt;
}

bool ActorCode::valid(std::string_view s) {
  if (s.empty() || s.size() > 24) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string_view to_string(RelationType type) { return info(type).name; }

std::optional<RelationType> parse_relation_type(std::string_view s) {
  for (const auto& t : kTypes) {
    if (t.name == s) return t.type;
  }
  return std::nullopt;
}

bool is_directed(RelationType type) { return info(type).directed; }
bool is_cooperative(RelationType type) { return info(type).cooperative; }
std::string_view cameo_roots(RelationType type) { return info(type).cameo; }
std::string_view plover_category(RelationType type) { return info(type).plover; }

std::string_view to_string(Modality m) {
  switch (m) {
    case Modality::asserted: return "asserted";
    case Modality::alleged: return "alleged";
    case Modality::hypothetical: return "hypothetical";
    case Modality::negated: return "negated";
  }
  return "asserted";
}

std::optional<Modality> parse_modality(std::string_view s) {
  if (s == "asserted") return Modality::asserted;
  if (s == "alleged") return Modality::alleged;
  if (s == "hypothetical") return Modality::hypothetical;
  if (s == "negated") return Modality::negated;
  return std::nullopt;
}

int strength(Modality m) {
  switch (m) {
    case Modality::asserted: return 3;
    case Modality::alleged: return 2;
    case Modality::hypothetical: return 1;
    case Modality::negated: return 0;
  }
  return 0;
}

std::string Date::str() const {
  if (year == 0) return "";
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

bool Date::operator<(const Date& o) const {
  if (year != o.year) return year < o.year;
  if (month != o.month) return month < o.month;
  return day < o.day;
}

std::optional<Date> parse_date(std::string_view s) {
  auto digits = [&](std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, d.year) || d.year < 1) return std::nullopt;
  if (s.size() == 4) return d;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2, d.month)) return std::nullopt;
  if (d.month < 1 || d.month > 12) return std::nullopt;
  if (s.size() == 7) return d;
  if (s.size() != 10 || s[7] != '-' || !digits(8, 2, d.day)) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max_day = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day < 1 || d.day > max_day) return std::nullopt;
  return d;
}

}  // namespace actorgraph
