// Comparison over time: article graphs grouped by day, ISO week or month; per
// period the merged graph and the typed edges that appeared or disappeared since
// the previous period that has articles.
#pragma once
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actorgraph/compare/accumulate.hpp"
#include "actorgraph/graph/actor_graph.hpp"

namespace actorgraph {

enum class Period { day, week, month };
std::string_view to_string(Period p);
std::optional<Period> parse_period(std::string_view s);

// The period a date falls in: "2023-10-05" (day), "2023-W40" (ISO 8601 week, whose
// year may differ from the date's near New Year), "2023-10" (month). nullopt when
// the date is missing or lacks the needed precision (a month-only date has no week).
std::optional<std::string> period_of(const Date& d, Period p);

struct TimelineStep {
  std::string period;
  std::vector<std::string> articles;  // graph ids in input order
  ActorGraph merged;                  // merge_graphs() of the period's graphs
  // Typed edges of `merged` not in the previous step's, and the reverse. The first
  // step has every edge as appeared. An edge said only as negated ("did not meet")
  // counts only with include_negated (compare never sets it).
  std::vector<EdgeKey> appeared, disappeared;
};

class TimelineBuilder {
 public:
  explicit TimelineBuilder(Period period, bool include_negated = false)
      : period_(period), include_negated_(include_negated) {}
  // Adds g to its period; returns false (and keeps nothing) when g's date cannot
  // be placed in a period.
  bool add(ActorGraph g);
  // The steps in chronological order.
  std::vector<TimelineStep> build();

 private:
  Period period_;
  bool include_negated_;
  std::map<std::string, GraphAccumulator> periods_;
  std::map<std::string, std::vector<std::string>> ids_;
};

// A period holds the articles dated in it: article (publication) dates, not the
// dates of the events they report.
// {"by": "month", "dates": "article", "periods": [{"period", "articles": [ids], "actors": [codes],
//  "edges": [edge as in the graph JSON, weight = articles of the period],
//  "appeared": [{source,target,type,directed}], "disappeared": [...]}]}
nlohmann::json timeline_to_json(const std::vector<TimelineStep>& steps, Period period, bool evidence = false);
void write_timeline_text(std::ostream& out, const std::vector<TimelineStep>& steps, Period period);

}  // namespace actorgraph
