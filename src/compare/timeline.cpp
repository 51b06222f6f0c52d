#include "actorgraph/compare/timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "actorgraph/compare/diff.hpp"
#include "actorgraph/export/json.hpp"

namespace actorgraph {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

long year_of_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<long>(yoe) + era * 400 + (m <= 2);
}

nlohmann::json keys_json(const std::vector<EdgeKey>& keys) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& k : keys) {
    j.push_back({{"source", k.source.str()},
                 {"target", k.target.str()},
                 {"type", std::string(to_string(k.type))},
                 {"directed", is_directed(k.type)}});
  }
  return j;
}

std::string key_text(const EdgeKey& k) {
  return k.source.str() + (is_directed(k.type) ? " -> " : " -- ") + k.target.str() + " " +
         std::string(to_string(k.type));
}

}  // namespace

std::string_view to_string(Period p) {
  switch (p) {
    case Period::day: return "day";
    case Period::week: return "week";
    case Period::month: return "month";
  }
  return "month";
}

std::optional<Period> parse_period(std::string_view s) {
  if (s == "day") return Period::day;
  if (s == "week") return Period::week;
  if (s == "month") return Period::month;
  return std::nullopt;
}

std::optional<std::string> period_of(const Date& d, Period p) {
  if (d.empty() || d.month == 0) return std::nullopt;
  char buf[32];
  if (p == Period::month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    return std::string(buf);
  }
  if (d.day == 0) return std::nullopt;
  if (p == Period::day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return std::string(buf);
  }
  long days = days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  long weekday = ((days % 7) + 7 + 3) % 7;  // Monday = 0 (1970-01-01 was a Thursday)
  long thursday = days - weekday + 3;
  long iso_year = year_of_days(thursday);
  long week = (thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1;
  std::snprintf(buf, sizeof buf, "%04ld-W%02ld", iso_year, week);
  return std::string(buf);
}

bool TimelineBuilder::add(ActorGraph g) {
  auto key = period_of(g.date, period_);
  if (!key) return false;
  ids_[*key].push_back(g.id);
  periods_.try_emplace(*key).first->second.add(std::move(g));
  return true;
}

std::vector<TimelineStep> TimelineBuilder::build() {
  std::vector<TimelineStep> steps;
  std::vector<EdgeKey> previous;
  for (auto& [key, acc] : periods_) {
    TimelineStep s;
    s.period = key;
    s.articles = ids_[key];
    s.merged = acc.result();
    s.merged.id = key;
    std::vector<EdgeKey> now = edge_set(s.merged, include_negated_);
    std::set_difference(now.begin(), now.end(), previous.begin(), previous.end(), std::back_inserter(s.appeared));
    std::set_difference(previous.begin(), previous.end(), now.begin(), now.end(), std::back_inserter(s.disappeared));
    previous = std::move(now);
    steps.push_back(std::move(s));
  }
  return steps;
}

nlohmann::json timeline_to_json(const std::vector<TimelineStep>& steps, Period period, bool evidence) {
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& s : steps) {
    JsonOptions jo;
    jo.evidence = evidence;
    nlohmann::json g = graph_to_json(s.merged, jo);
    nlohmann::json actors = nlohmann::json::array();
    for (const auto& a : g["actors"]) actors.push_back(a["code"]);
    periods.push_back({{"period", s.period},
                       {"articles", s.articles},
                       {"actors", std::move(actors)},
                       {"edges", std::move(g["edges"])},
                       {"appeared", keys_json(s.appeared)},
                       {"disappeared", keys_json(s.disappeared)}});
  }
  return {{"by", std::string(to_string(period))}, {"dates", "article"}, {"periods", std::move(periods)}};
}

void write_timeline_text(std::ostream& out, const std::vector<TimelineStep>& steps, Period period) {
  out << "timeline by " << to_string(period) << ": " << steps.size()
      << " periods (by the articles' dates, not the dates of the events they report; edges said only as negated "
         "are not listed)\n";
  for (const auto& s : steps) {
    out << s.period << ": " << s.articles.size() << (s.articles.size() == 1 ? " article, " : " articles, ")
        << num_vertices(s.merged.store()) << " actors, " << num_edges(s.merged.store()) << " edges\n";
    for (const auto& k : s.appeared) {
      std::size_t w = s.merged.store()[*s.merged.find_edge(k)].weight;
      out << "  + " << key_text(k) << " (" << w << (w == 1 ? " article)\n" : " articles)\n");
    }
    for (const auto& k : s.disappeared) out << "  - " << key_text(k) << "\n";
  }
}

}  // namespace actorgraph
