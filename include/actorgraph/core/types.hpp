// Domain identifiers shared by every stage: spans, languages, actor codes,
// relation types and modalities. Each is parsed and printed only here.
#pragma once
#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace actorgraph {

// A half-open byte range [begin, end) into the original UTF-8 article text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end; }
};

enum class Lang { de, en, unknown };
std::string_view to_string(Lang lang);
// "de", "en" (also "german"/"english"); nullopt otherwise.
std::optional<Lang> parse_lang(std::string_view s);

enum class ActorKind { state, igo, group, collective };
std::string_view to_string(ActorKind kind);
std::optional<ActorKind> parse_actor_kind(std::string_view s);

// An actor code: ISO 3166-1 alpha-3, an organisation or group code ([A-Z0-9_]+).
class ActorCode {
 public:
  ActorCode() = default;
  explicit ActorCode(std::string code) : code_(std::move(code)) {}
  const std::string& str() const { return code_; }
  bool empty() const { return code_.empty(); }
  bool operator==(const ActorCode& o) const { return code_ == o.code_; }
  bool operator!=(const ActorCode& o) const { return code_ != o.code_; }
  bool operator<(const ActorCode& o) const { return code_ < o.code_; }
  // True when s has the form of a code: 1..24 of [A-Z0-9_].
  static bool valid(std::string_view s);

 private:
  std::string code_;
};

enum class RelationType {
  partnership,
  meeting,
  support,
  aid,
  arms_supply,
  sanctions,
  criticism,
  threat,
  military_action
};
inline constexpr std::size_t kRelationTypeCount = 9;
inline constexpr std::array<RelationType, kRelationTypeCount> kAllRelationTypes{
    RelationType::partnership, RelationType::meeting,   RelationType::support,
    RelationType::aid,         RelationType::arms_supply, RelationType::sanctions,
    RelationType::criticism,   RelationType::threat,    RelationType::military_action};
std::string_view to_string(RelationType type);
std::optional<RelationType> parse_relation_type(std::string_view s);
// Symmetric types (partnership, meeting) are undirected.
bool is_directed(RelationType type);
// Cooperative types count positive in signed analyses, the rest negative.
bool is_cooperative(RelationType type);
// CAMEO root codes and the PLOVER category from the annotation spec.
std::string_view cameo_roots(RelationType type);
std::string_view plover_category(RelationType type);

enum class Modality { asserted, alleged, hypothetical, negated };
std::string_view to_string(Modality m);
std::optional<Modality> parse_modality(std::string_view s);
// asserted > alleged > hypothetical > negated: the article-level edge keeps the strongest.
int strength(Modality m);

// A calendar date with optional month and day ("2023", "2023-10", "2023-10-05").
struct Date {
  int year = 0, month = 0, day = 0;  // 0 = not given
  bool empty() const { return year == 0; }
  std::string str() const;
  // Lexicographic; a missing part sorts first.
  bool operator<(const Date& o) const;
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
  bool operator<=(const Date& o) const { return !(o < *this); }
};
// Parses YYYY, YYYY-MM or YYYY-MM-DD and checks that the date exists; nullopt otherwise.
std::optional<Date> parse_date(std::string_view s);

}  // namespace actorgraph

template <>
struct std::hash<actorgraph::ActorCode> {
  std::size_t operator()(const actorgraph::ActorCode& c) const noexcept {
    return std::hash<std::string>()(c.str());
  }
};
