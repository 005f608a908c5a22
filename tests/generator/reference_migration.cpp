#include "tests/generator/reference_migration.h"

#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "generator/codes.h"
#include "core/ascii.h"

namespace handover::generator::testing {
namespace {

using Json = nlohmann::ordered_json;
using Rows = std::vector<std::vector<std::string>>;

std::string Trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}
std::string Upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}
bool AllDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// A verdict as the rules give it.
struct Verdict {
  char kind = 'L';  // L loaded, M merged, R rejected, E excluded
  std::string reason;
  static Verdict Loaded() { return {'L', ""}; }
  static Verdict Rejected(std::string r) { return {'R', std::move(r)}; }
  static Verdict Excluded(std::string r) { return {'E', std::move(r)}; }
  bool loaded() const { return kind == 'L' || kind == 'M'; }
};

struct Tally {
  int64_t extracted = 0, loaded = 0, merged = 0;
  std::map<std::string, int64_t> rejected, excluded;
  void Add(const Verdict& v) {
    ++extracted;
    if (v.kind == 'L') ++loaded;
    if (v.kind == 'M') ++merged;
    if (v.kind == 'R') ++rejected[v.reason];
    if (v.kind == 'E') ++excluded[v.reason];
  }
  Json ToJson() const {
    Json r = Json::object(), e = Json::object();
    for (const auto& [k, n] : rejected) r[k] = n;
    for (const auto& [k, n] : excluded) e[k] = n;
    return {{"extracted", extracted},
            {"loaded", loaded},
            {"merged", merged},
            {"rejected", r},
            {"excluded", e}};
  }
};

// Provider spelling (trimmed, lower case) -> council code, per column.
using CodeMap = std::unordered_map<std::string, std::string>;
CodeMap MakeMap(const std::vector<CodeVariants>& sets) {
  CodeMap map;
  for (const auto& set : sets)
    for (const auto& value : set.provider_values) map[core::AsciiLower(Trim(value))] = set.council_code;
  return map;
}
std::optional<std::string> Map(const CodeMap& map, const std::string& value) {
  const auto it = map.find(core::AsciiLower(Trim(value)));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

struct Client {
  Verdict verdict;
  std::string survivor;  // normalised ref of the person the row's data belongs to
  core::Date dob;
  bool open = false;
};

std::string MonthText(core::Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", d.year(), d.month());
  return buf;
}

}  // namespace

std::optional<core::Date> ParseLegacyDate(const std::string& raw) {
  const std::string text = Trim(raw);
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') return core::Date::ParseIso(text);
  for (char sep : {'/', '.', '-'}) {
    const auto a = text.find(sep);
    const auto b = a == std::string::npos ? a : text.find(sep, a + 1);
    if (b == std::string::npos || text.find(sep, b + 1) != std::string::npos) continue;
    const std::string d = text.substr(0, a), m = text.substr(a + 1, b - a - 1),
                      y = text.substr(b + 1);
    if (!AllDigits(d) || d.size() > 2) return std::nullopt;
    if (sep == '-') {
      static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
      if (y.size() != 2 || !AllDigits(y)) return std::nullopt;
      for (unsigned k = 0; k < 12; ++k)
        if (core::AsciiLower(m) == kMonths[k]) {
          const int yy = std::stoi(y);
          return core::Date::FromYmd(yy < 69 ? 2000 + yy : 1900 + yy, k + 1, std::stoul(d));
        }
      return std::nullopt;
    }
    if (!AllDigits(m) || m.size() > 2 || y.size() != 4 || !AllDigits(y)) return std::nullopt;
    return core::Date::FromYmd(std::stoi(y), std::stoul(m), std::stoul(d));
  }
  return std::nullopt;
}

std::optional<int64_t> ParseLegacyMoney(const std::string& raw) {
  std::string text = Trim(raw);
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.erase(0, 1);
  }
  if (text.rfind("\xC2\xA3", 0) == 0)
    text.erase(0, 2);
  else if (!text.empty() && text[0] == '\xA3')
    text.erase(0, 1);
  std::string whole, fraction;
  bool point = false;
  for (char c : text) {
    if (c == ',' && !point) continue;
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    (point ? fraction : whole) += c;
  }
  if (whole.empty() && fraction.empty()) return std::nullopt;
  fraction += "000";
  int64_t pence = (whole.empty() ? 0 : std::stoll(whole)) * 100 + std::stoll(fraction.substr(0, 2));
  if (fraction[2] >= '5') ++pence;  // half away from zero (on the magnitude)
  return negative ? -pence : pence;
}

std::string MatchSkeleton(const std::string& name) {
  std::string out;
  bool first = true;
  for (char c : core::AsciiLower(name)) {
    if (c < 'a' || c > 'z') continue;
    const bool vowel = std::string("aeiouy").find(c) != std::string::npos;
    if (!first && vowel) {
      continue;
    }
    first = false;
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

core::Result<Json> ReferenceMigration(db::Database& db, core::Date cutover) {
  auto query = [&db](const std::string& sql, size_t columns) {
    return db.QueryRows(sql, columns, sql);
  };
  std::map<std::string, Tally> tallies;
  Json key;

  // --- clients ---------------------------------------------------------------
  auto clients_rows = query(
      "SELECT CAST(client_id AS TEXT), client_ref, forename, surname, dob, status, "
      "closed_date, CAST(deleted AS TEXT) FROM client ORDER BY client_id",
      8);
  if (!clients_rows.ok()) return clients_rows.status();
  std::unordered_map<std::string, Client> clients;
  std::map<std::tuple<int32_t, char, std::string>, std::string> survivors;
  Tally& client_tally = tallies["client"];
  for (const auto& r : *clients_rows) {
    const std::string ref = Upper(Trim(r[1]));
    Client c;
    const auto dob = ParseLegacyDate(r[4]);
    if (ref.empty())
      c.verdict = Verdict::Rejected("missing_key");
    else if (Trim(r[7]) == "1")
      c.verdict = Verdict::Excluded("soft_deleted");
    else if (Upper(Trim(r[5])) == "ARCHIVED")
      c.verdict = Verdict::Excluded("archived");
    else if (Upper(Trim(r[3])).rfind("TEST", 0) == 0)
      c.verdict = Verdict::Excluded("test_record");
    else if (!dob)
      c.verdict = Verdict::Rejected("unreadable_dob");
    if (c.verdict.kind == 'L') {
      const std::string letters = MatchSkeleton(r[2]);
      const auto match =
          std::make_tuple(dob->days, letters.empty() ? ' ' : letters[0], MatchSkeleton(r[3]));
      const auto [it, inserted] = survivors.emplace(match, ref);
      c.survivor = it->second;
      if (!inserted) c.verdict = {'M', "duplicate"};
      c.dob = *dob;
      c.open = Upper(Trim(r[5])) == "OPEN";
    }
    client_tally.Add(c.verdict);
    if (!ref.empty()) clients[ref] = c;
  }
  key["people"] = {{"client_rows", client_tally.extracted},
                   {"after_deduplication", client_tally.loaded},
                   {"duplicate_rows_merged", client_tally.merged}};

  // The verdict a row inherits from the client it cites; survivor set when loaded.
  auto cited = [&clients](const std::string& raw, std::string& survivor) {
    const std::string ref = Upper(Trim(raw));
    if (ref.empty()) return Verdict::Rejected("missing_key");
    const auto it = clients.find(ref);
    if (it == clients.end()) return Verdict::Rejected("orphan");
    if (it->second.verdict.kind == 'R') return Verdict::Rejected("parent_rejected");
    if (it->second.verdict.kind == 'E') return Verdict::Excluded("parent_excluded");
    survivor = it->second.survivor;
    return Verdict::Loaded();
  };

  // --- staff and allocations -----------------------------------------------
  auto workers = query("SELECT CAST(worker_id AS TEXT), worker_name FROM worker", 2);
  if (!workers.ok()) return workers.status();
  std::set<std::string> worker_ids, worker_names;
  for (const auto& r : *workers) {
    worker_ids.insert(r[0]);
    worker_names.insert(core::AsciiLower(Trim(r[1])));
    tallies["worker"].Add(Verdict::Loaded());
  }
  auto resolves = [&](const std::string& id, const std::string& name) {
    if (!id.empty()) return worker_ids.count(id) > 0;
    std::string n = core::AsciiLower(name);
    if (auto p = n.find("(pa)"); p != std::string::npos) n.erase(p, 4);
    if (auto comma = n.find(','); comma != std::string::npos)
      n = n.substr(comma + 1) + " " + n.substr(0, comma);
    std::string collapsed;
    for (char c : Trim(n))
      if (!(c == ' ' && !collapsed.empty() && collapsed.back() == ' ')) collapsed += c;
    return worker_names.count(collapsed) > 0;
  };
  auto allocations =
      query("SELECT client_ref, CAST(worker_id AS TEXT), pa_name, start_date FROM allocation", 4);
  if (!allocations.ok()) return allocations.status();
  for (const auto& r : *allocations) {
    std::string who;
    Verdict v = cited(r[0], who);
    if (v.loaded() && !ParseLegacyDate(r[3]))
      v = Verdict::Rejected("unreadable_date");
    else if (v.loaded() && !resolves(r[1], r[2]))
      v = Verdict::Rejected("unresolved_worker");
    tallies["allocation"].Add(v);
  }

  // --- contacts, plans, episodes and the cohort's status ---------------------
  struct Latest {
    core::Date on;
    int64_t id = -1;
    std::string code;
  };
  std::unordered_map<std::string, Latest> in_touch, activity, accommodation;
  const CodeMap in_touch_map = MakeMap(InTouchCodes());
  auto contacts = query(
      "SELECT CAST(contact_id AS TEXT), client_ref, contact_date, in_touch, "
      "CAST(deleted AS TEXT) FROM contact_log",
      5);
  if (!contacts.ok()) return contacts.status();
  for (const auto& r : *contacts) {
    std::string who;
    Verdict v = Trim(r[4]) == "1" ? Verdict::Excluded("soft_deleted") : cited(r[1], who);
    const auto on = ParseLegacyDate(r[2]);
    const auto code = Map(in_touch_map, r[3]);
    if (v.loaded() && !on)
      v = Verdict::Rejected("unreadable_date");
    else if (v.loaded() && !code)
      v = Verdict::Rejected("unmapped_code");
    tallies["contact_log"].Add(v);
    if (!v.loaded() || *on > cutover) continue;
    Latest& best = in_touch[who];
    const int64_t id = std::stoll(r[0]);
    if (best.id < 0 || *on > best.on || (*on == best.on && id > best.id)) best = {*on, id, *code};
  }
  std::unordered_map<std::string, Verdict> plans;
  auto plan_rows =
      query("SELECT CAST(plan_id AS TEXT), client_ref, plan_date FROM pathway_plan", 3);
  if (!plan_rows.ok()) return plan_rows.status();
  for (const auto& r : *plan_rows) {
    std::string who;
    Verdict v = cited(r[1], who);
    if (v.loaded() && !ParseLegacyDate(r[2])) v = Verdict::Rejected("unreadable_date");
    tallies["pathway_plan"].Add(v);
    plans[r[0]] = v;
  }
  auto reviews = query("SELECT CAST(plan_id AS TEXT), review_date FROM plan_review", 2);
  if (!reviews.ok()) return reviews.status();
  for (const auto& r : *reviews) {
    const auto plan = plans.find(r[0]);
    Verdict v = Verdict::Loaded();
    if (plan == plans.end())
      v = Verdict::Rejected("orphan");
    else if (plan->second.kind == 'R')
      v = Verdict::Rejected("parent_rejected");
    else if (plan->second.kind == 'E')
      v = Verdict::Excluded("parent_excluded");
    else if (!ParseLegacyDate(r[1]))
      v = Verdict::Rejected("unreadable_date");
    tallies["plan_review"].Add(v);
  }
  // Episodes: the loaded one covering the cut-over (latest start, then highest id).
  auto episodes = [&](const char* table, const char* sql, const CodeMap& map, bool accom,
                      std::unordered_map<std::string, Latest>& status) -> core::Status {
    auto rows = query(sql, accom ? 6 : 5);
    if (!rows.ok()) return rows.status();
    for (const auto& r : *rows) {
      std::string who;
      Verdict v = cited(r[1], who);
      const auto start = ParseLegacyDate(r[accom ? 4 : 3]);
      const std::string end_text = Trim(r[accom ? 5 : 4]);
      const auto code = Map(map, r[2]);
      if (v.loaded() && !start)
        v = Verdict::Rejected("unreadable_date");
      else if (v.loaded() && !code)
        v = Verdict::Rejected("unmapped_code");
      tallies[table].Add(v);
      if (!v.loaded() || *start > cutover) continue;
      if (!end_text.empty() && *ParseLegacyDate(end_text) < cutover) continue;
      std::string council = *code;
      if (accom) {
        const std::string suitable = core::AsciiLower(Trim(r[3]));
        const bool yes = suitable == "y" || suitable == "yes" || suitable == "1";
        council += (council == "S" || council == "X" || !yes) ? "2" : "1";
      }
      Latest& best = status[who];
      const int64_t id = std::stoll(r[0]);
      if (best.id < 0 || *start > best.on || (*start == best.on && id > best.id))
        best = {*start, id, council};
    }
    return core::Status::Ok();
  };
  HANDOVER_RETURN_IF_ERROR(episodes("accom_history",
                                    "SELECT CAST(accom_id AS TEXT), client_ref, accom_type, "
                                    "suitable, start_date, end_date FROM accom_history",
                                    MakeMap(AccomTypeCodes()), true, accommodation));
  HANDOVER_RETURN_IF_ERROR(episodes(
      "eet_history",
      "SELECT CAST(eet_id AS TEXT), client_ref, activity, start_date, end_date FROM eet_history",
      MakeMap(ActivityCodes()), false, activity));

  // --- money -------------------------------------------------------------------
  std::vector<CodeVariants> pay_sets;
  for (int t = 0; t < kPayTypeCount; ++t) pay_sets.push_back(PayTypeCodes(static_cast<PayType>(t)));
  const CodeMap pay_map = MakeMap(pay_sets);
  const CodeMap frequency_map = MakeMap(FrequencyCodes());
  int64_t source = 0, loaded = 0, unreadable = 0;
  std::map<std::string, int64_t> rejected_pence, excluded_pence, by_type;
  std::map<std::string, std::map<std::string, int64_t>> by_month;
  auto payments = query(
      "SELECT client_ref, pay_type, amount, paid_date, CAST(deleted AS TEXT) FROM payment", 5);
  if (!payments.ok()) return payments.status();
  for (const auto& r : *payments) {
    std::string who;
    Verdict v = Trim(r[4]) == "1" ? Verdict::Excluded("soft_deleted") : cited(r[0], who);
    const auto pence = ParseLegacyMoney(r[2]);
    const auto paid = ParseLegacyDate(r[3]);
    const auto type = Map(pay_map, r[1]);
    if (v.loaded() && !paid)
      v = Verdict::Rejected("unreadable_date");
    else if (v.loaded() && !pence)
      v = Verdict::Rejected("unreadable_amount");
    else if (v.loaded() && !type)
      v = Verdict::Rejected("unmapped_code");
    tallies["payment"].Add(v);
    if (!pence) {
      ++unreadable;
      continue;
    }
    source += *pence;
    if (v.kind == 'R') rejected_pence[v.reason] += *pence;
    if (v.kind == 'E') excluded_pence[v.reason] += *pence;
    if (!v.loaded()) continue;
    loaded += *pence;
    by_type[*type] += *pence;
    by_month[MonthText(*paid)][*type] += *pence;
  }
  Json by_type_json = Json::object();
  for (int t = 0; t < kPayTypeCount; ++t) {
    const std::string& code = PayTypeCode(static_cast<PayType>(t));
    by_type_json[code] = by_type.count(code) ? by_type[code] : 0;
  }
  Json by_month_json = Json::object();
  for (const auto& [month, types] : by_month) {
    Json row = Json::object();
    for (int t = 0; t < kPayTypeCount; ++t) {
      const std::string& code = PayTypeCode(static_cast<PayType>(t));
      if (types.count(code) && types.at(code) != 0) row[code] = types.at(code);
    }
    by_month_json[month] = row;
  }
  Json historic = {{"source_pence", source},
                   {"loaded_pence", loaded},
                   {"rejected_pence", Json(rejected_pence)},
                   {"excluded_pence", Json(excluded_pence)},
                   {"unreadable_amount_rows", unreadable},
                   {"loaded_by_type", by_type_json},
                   {"loaded_by_month", by_month_json}};

  std::map<std::string, std::array<int64_t, 3>> arrangements;  // count, pence, before cut-over
  auto schedules = query(
      "SELECT client_ref, pay_type, amount, frequency, start_date, end_date, "
      "paid_to, CAST(deleted AS TEXT) FROM pay_schedule",
      8);
  if (!schedules.ok()) return schedules.status();
  for (const auto& r : *schedules) {
    std::string who;
    Verdict v = Trim(r[7]) == "1" ? Verdict::Excluded("soft_deleted") : cited(r[0], who);
    if (v.loaded()) {
      const core::Date start = *ParseLegacyDate(r[4]);
      const core::Date first_unpaid = Trim(r[6]).empty() ? start : core::Date{ParseLegacyDate(r[6])->days + 1};
      const bool open = Trim(r[5]).empty() || *ParseLegacyDate(r[5]) >= first_unpaid;
      if (!open) v = Verdict::Excluded("no_open_period");
      if (open && Map(frequency_map, r[3])) {
        auto& a = arrangements[*Map(pay_map, r[1])];
        ++a[0];
        a[1] += *ParseLegacyMoney(r[2]);
        if (first_unpaid < cutover) ++a[2];
      }
    }
    tallies["pay_schedule"].Add(v);
  }
  Json arrangements_json = Json::object();
  int64_t arrangement_count = 0, arrears = 0;
  for (int t = 0; t < kPayTypeCount; ++t) {
    const std::string& code = PayTypeCode(static_cast<PayType>(t));
    if (!arrangements.count(code)) continue;
    const auto& a = arrangements[code];
    arrangements_json[code] = {
        {"count", a[0]}, {"amount_pence_per_period", a[1]}, {"starting_before_cutover", a[2]}};
    arrangement_count += a[0];
    arrears += a[2];
  }

  const CodeMap balance_map = MakeMap({SetUpHomeBalanceCodes(), SavingsBalanceCodes()});
  std::map<std::string, std::pair<int64_t, int64_t>> balances;
  int64_t balance_count = 0, balance_pence = 0;
  auto balance_rows = query("SELECT client_ref, balance_type, balance FROM balance_held", 3);
  if (!balance_rows.ok()) return balance_rows.status();
  for (const auto& r : *balance_rows) {
    std::string who;
    Verdict v = cited(r[0], who);
    const int64_t pence = ParseLegacyMoney(r[2]).value_or(0);
    if (v.loaded() && pence <= 0) v = Verdict::Excluded("zero_balance");
    tallies["balance_held"].Add(v);
    if (!v.loaded()) continue;
    auto& [count, total] = balances[*Map(balance_map, r[1])];
    ++count;
    total += pence;
    ++balance_count;
    balance_pence += pence;
  }
  Json balances_json = Json::object();
  for (const auto& [type, cp] : balances)
    balances_json[type] = {{"count", cp.first}, {"pence", cp.second}};
  key["money"] = {
      {"historic_payments", historic},
      {"open_arrangements",
       {{"count", arrangement_count},
        {"starting_before_cutover", arrears},
        {"by_type", arrangements_json}}},
      {"opening_balances",
       {{"count", balance_count}, {"pence", balance_pence}, {"by_type", balances_json}}}};

  auto codes = query("SELECT code FROM code_lookup", 1);
  if (!codes.ok()) return codes.status();
  for (size_t i = 0; i < codes->size(); ++i)
    tallies["code_lookup"].Add(Verdict::Excluded("provider_code_table"));

  Json tables = Json::object();
  for (const auto& [name, tally] : tallies) tables[name] = tally.ToJson();
  key["tables"] = tables;

  // --- OC3 cohort --------------------------------------------------------------
  int64_t cohort = 0, yes = 0, eet = 0, suitable = 0;
  std::map<std::string, int64_t> touch_counts, activity_counts, accom_counts;
  for (const auto& [ref, c] : clients) {
    if (c.verdict.kind != 'L' || !c.open) continue;
    const int age = [&] {
      int a = cutover.year() - c.dob.year();
      if (cutover.month() < c.dob.month() ||
          (cutover.month() == c.dob.month() && cutover.day() < c.dob.day()))
        --a;
      return a;
    }();
    if (age < 17 || age > 25) continue;
    ++cohort;
    auto status = [&ref](std::unordered_map<std::string, Latest>& m) {
      const auto it = m.find(ref);
      return it == m.end() ? std::string("none") : it->second.code;
    };
    const std::string t = status(in_touch), a = status(activity), h = status(accommodation);
    ++touch_counts[t];
    ++activity_counts[a];
    ++accom_counts[h];
    yes += t == "YES";
    eet += IsEetActivity(a);
    suitable += h.size() == 2 && h[1] == '1';
  }
  key["oc3"] = {{"cohort", cohort},
                {"in_touch", Json(touch_counts)},
                {"activity", Json(activity_counts)},
                {"accommodation", Json(accom_counts)},
                {"in_touch_yes", yes},
                {"in_education_employment_training", eet},
                {"in_suitable_accommodation", suitable}};
  return key;
}

}  // namespace handover::generator::testing
