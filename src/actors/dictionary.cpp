#include "actorgraph/actors/dictionary.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include "actorgraph/core/error.hpp"
#include "actorgraph/text/lexicon.hpp"
#include "actors/actor_table.hpp"

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

namespace {

// The flags of the flag column and of actor_table::Record::flags.
struct FlagName {
  std::string_view name;
  bool ActorEntry::*member;
  std::uint16_t bit;
};
constexpr FlagName kFlags[] = {
    {"cs", &ActorEntry::case_sensitive, actor_table::kCaseSensitive},
    {"amb", &ActorEntry::ambiguous, actor_table::kAmbiguous},
    {"nocompound", &ActorEntry::no_compound, actor_table::kNoCompound},
    {"inflected", &ActorEntry::inflected, actor_table::kInflected},
    {"accents", &ActorEntry::accents, actor_table::kAccents},
    {"event", &ActorEntry::event_head, actor_table::kEventHead},
    {"before_title", &ActorEntry::before_title, actor_table::kBeforeTitle},
};

// The compiled table's index of the first item with item_code(i) >= code, in [0, n).
template <class F>
std::size_t lower_bound_code(std::size_t n, std::string_view code, F&& item_code) {
  std::size_t lo = 0, hi = n;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (item_code(mid) < code) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

}  // namespace

ActorDictionary::ActorDictionary(const DataBundle& data) {
  for (const DataFile* file : data.files_of("actors")) {
    if (!file->compiled.empty()) {
      add_compiled(reinterpret_cast<const unsigned char*>(file->compiled.data()),
                   reinterpret_cast<const unsigned char*>(file->compiled.data() + file->compiled.size()));
    } else {
      add_text_file(*file);
    }
  }
}

void ActorDictionary::add_compiled(const unsigned char* begin, const unsigned char* end) {
  actor_table::View table(begin);
  if (!table.valid() || end < begin) throw DataError("data/actors", 0, "not a compiled actor table");
  compiled_ = begin;
  const bool first = entries_.empty();
  // Every row's token views in one array, not a vector per row.
  auto& token_array = token_arrays_.emplace_back(std::make_unique<std::string_view[]>(table.header().tokens));
  std::string_view* const tokens = token_array.get();
  for (std::size_t k = 0; k < table.header().tokens; ++k) tokens[k] = table.token(k);
  entries_.reserve(entries_.size() + table.header().entries);
  for (std::size_t i = 0; i < table.header().entries; ++i) {
    const actor_table::Record r = table.record(i);
    ActorEntry& e = entries_.emplace_back();
    e.code = ActorCode(std::string(table.str(r.code)));
    e.kind = static_cast<ActorKind>(r.kind);
    if (r.lang != actor_table::kBothLangs) e.lang = static_cast<Lang>(r.lang);
    e.role = static_cast<ActorRole>(r.role);
    e.form = table.str(r.form);
    e.tokens = FormTokens(tokens + r.first_token, r.token_count);
    for (const FlagName& f : kFlags) e.*(f.member) = (r.flags & f.bit) != 0;
    e.valid_from = Date{r.valid_from[0], r.valid_from[1], r.valid_from[2]};
    e.valid_to = Date{r.valid_to[0], r.valid_to[1], r.valid_to[2]};
  }
  compiled_entries_ = first ? entries_.size() : 0;
}

std::string_view ActorDictionary::compiled_index() const {
  return compiled_entries_ > 0 ? actor_table::View(compiled_).index() : std::string_view();
}

void ActorDictionary::add_text_file(const DataFile& file) {
  for (const TsvRow& row : read_tsv(file, 5, 7)) {
    auto col = [&](std::size_t i) { return i < row.cols.size() ? row.cols[i] : std::string_view(); };
    ActorEntry e;
    if (!ActorCode::valid(col(0))) {
      throw DataError(file.name, row.line, "bad actor code '" + std::string(col(0)) + "'");
    }
    e.code = ActorCode(std::string(col(0)));
    auto parsed_kind = parse_actor_kind(col(1));
    if (!parsed_kind) throw DataError(file.name, row.line, "unknown kind '" + std::string(col(1)) + "'");
    e.kind = *parsed_kind;
    if (col(2) != "*") {
      auto lang = parse_lang(col(2));
      if (!lang) throw DataError(file.name, row.line, "unknown language '" + std::string(col(2)) + "'");
      e.lang = *lang;
    }
    auto role = parse_actor_role(col(3));
    if (!role) throw DataError(file.name, row.line, "unknown role '" + std::string(col(3)) + "'");
    e.role = *role;
    e.form = strings_.emplace_back(col(4));
    std::vector<std::string> toks = tokenize_form(e.form);
    if (toks.empty()) throw DataError(file.name, row.line, "empty form");
    auto& token_array = token_arrays_.emplace_back(std::make_unique<std::string_view[]>(toks.size()));
    for (std::size_t k = 0; k < toks.size(); ++k) token_array[k] = strings_.emplace_back(std::move(toks[k]));
    e.tokens = FormTokens(token_array.get(), toks.size());
    std::string_view flags = col(5);
    while (!flags.empty()) {
      auto comma = flags.find(',');
      std::string_view f = flags.substr(0, comma);
      auto known_flag = std::find_if(std::begin(kFlags), std::end(kFlags), [&](const FlagName& k) { return k.name == f; });
      if (known_flag != std::end(kFlags)) {
        e.*(known_flag->member) = true;
      } else if (!f.empty()) {
        throw DataError(file.name, row.line, "unknown flag '" + std::string(f) + "'");
      }
      if (comma == std::string_view::npos) break;
      flags.remove_prefix(comma + 1);
    }
    parse_validity(col(6), e, file, row.line);
    if (auto known = kind(e.code); known && *known != e.kind) {
      throw DataError(file.name, row.line, "code " + e.code.str() + " has another kind elsewhere");
    }
    kinds_[e.code] = e.kind;
    if (e.role == ActorRole::label) {
      for (Lang l : {Lang::de, Lang::en}) {
        if (!e.lang || *e.lang == l) labels_[{e.code.str(), l}] = e.form;
      }
      continue;
    }
    entries_.push_back(std::move(e));
  }
}

std::string ActorDictionary::compile(std::string_view index) const {
  if (compiled_) throw DataError("data/actors", 0, "a dictionary with compiled rows is not compiled again");
  using namespace actor_table;
  std::string pool;
  auto add = [&](std::string_view s) {
    StrRef r{static_cast<std::uint32_t>(pool.size()), static_cast<std::uint32_t>(s.size())};
    pool.append(s);
    return r;
  };
  std::vector<Record> records;
  std::vector<StrRef> tokens;
  for (const ActorEntry& e : entries_) {
    Record r;
    r.code = add(e.code.str());
    r.form = add(e.form);
    r.first_token = static_cast<std::uint32_t>(tokens.size());
    r.token_count = static_cast<std::uint32_t>(e.tokens.size());
    for (std::string_view t : e.tokens) tokens.push_back(add(t));
    const Date* dates[2] = {&e.valid_from, &e.valid_to};
    std::int32_t* out[2] = {r.valid_from, r.valid_to};
    for (int k = 0; k < 2; ++k) {
      out[k][0] = dates[k]->year;
      out[k][1] = dates[k]->month;
      out[k][2] = dates[k]->day;
    }
    r.kind = static_cast<std::uint8_t>(e.kind);
    r.lang = e.lang ? static_cast<std::uint8_t>(*e.lang) : kBothLangs;
    r.role = static_cast<std::uint8_t>(e.role);
    for (const FlagName& f : kFlags) {
      if (e.*(f.member)) r.flags = static_cast<std::uint16_t>(r.flags | f.bit);
    }
    records.push_back(r);
  }
  // Labels (labels_ is sorted) and kinds sorted by code, then language, for binary search.
  std::vector<Label> labels;
  for (const auto& [key, form] : labels_) {
    labels.push_back(Label{add(key.first), add(form), static_cast<std::uint32_t>(key.second)});
  }
  std::vector<std::pair<std::string, ActorKind>> kind_rows;
  for (const auto& [code, kind] : kinds_) kind_rows.emplace_back(code.str(), kind);
  std::sort(kind_rows.begin(), kind_rows.end());
  std::vector<Kind> kinds;
  for (const auto& [code, kind] : kind_rows) kinds.push_back(Kind{add(code), static_cast<std::uint32_t>(kind)});

  Header h{static_cast<std::uint32_t>(records.size()), static_cast<std::uint32_t>(tokens.size()),
           static_cast<std::uint32_t>(labels.size()), static_cast<std::uint32_t>(kinds.size()),
           static_cast<std::uint32_t>(pool.size()), static_cast<std::uint32_t>(index.size())};
  std::string out(kMagic, sizeof kMagic);
  auto put = [&](const auto& items) {
    out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(items[0]));
  };
  out.append(reinterpret_cast<const char*>(&h), sizeof h);
  put(records);
  put(tokens);
  put(labels);
  put(kinds);
  out += pool;
  if (!index.empty()) {
    out.resize(View::index_offset(out.size()), '\0');
    out += index;
  }
  return out;
}

std::string ActorDictionary::label(const ActorCode& code, Lang lang) const {
  Lang other = lang == Lang::de ? Lang::en : Lang::de;
  const actor_table::View table(compiled_);
  for (Lang l : {lang, other}) {
    if (!labels_.empty()) {
      auto it = labels_.find({code.str(), l});
      if (it != labels_.end()) return it->second;
    }
    if (!table.valid()) continue;
    const std::size_t n = table.header().labels;
    for (std::size_t i = lower_bound_code(n, code.str(), [&](std::size_t k) { return table.str(table.label(k).code); });
         i < n && table.str(table.label(i).code) == code.str(); ++i) {
      if (table.label(i).lang == static_cast<std::uint32_t>(l)) return std::string(table.str(table.label(i).form));
    }
  }
  return code.str();
}

std::optional<ActorKind> ActorDictionary::kind(const ActorCode& code) const {
  if (auto it = kinds_.find(code); it != kinds_.end()) return it->second;
  const actor_table::View table(compiled_);
  if (!table.valid()) return std::nullopt;
  const std::size_t n = table.header().kinds;
  std::size_t i = lower_bound_code(n, code.str(), [&](std::size_t k) { return table.str(table.kind(k).code); });
  if (i < n && table.str(table.kind(i).code) == code.str()) return static_cast<ActorKind>(table.kind(i).kind);
  return std::nullopt;
}

}  // namespace actorgraph
