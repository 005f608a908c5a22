#include "generator/answer_key.h"

#include "core/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "generator/calendar.h"

namespace handover::generator {
namespace {

using Json = nlohmann::ordered_json;

// "61.2": a percentage to one decimal, rounded half up, without floating point.
std::string Percent(int64_t count, int64_t total) {
  if (total == 0) return "0.0";
  const int64_t tenths = (count * 2000 + total) / (2 * total);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string MonthText(int yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

Json MapJson(const std::map<std::string, int64_t>& map) {
  Json out = Json::object();
  for (const auto& [key, value] : map) out[key] = value;
  return out;
}

std::filesystem::path Sibling(const std::filesystem::path& key, const char* suffix) {
  return key.parent_path() / (key.stem().string() + suffix);
}

core::Status IoError(const std::filesystem::path& path, const char* what) {
  return core::Status::Error(core::ErrorCode::kIo, std::string("cannot ") + what + " " + path.string() + ": " +
                                           std::strerror(errno));
}

}  // namespace

FILE* OpenPrivateFile(const std::filesystem::path& path) {
  // Created afresh, never through a link left at the path.
  auto fd = core::CreatePrivateFile(path);
  if (!fd.ok()) return nullptr;
  FILE* file = ::fdopen(*fd, "w");
  if (file == nullptr) ::close(*fd);
  return file;
}

void MoneyTally::Add(const Outcome& outcome, std::optional<int64_t> pence) {
  if (!pence) {
    ++unreadable_amount_rows;
    return;
  }
  source_pence += *pence;
  switch (outcome.kind) {
    case OutcomeKind::kLoaded:
    case OutcomeKind::kMerged:
      loaded_pence += *pence;
      break;
    case OutcomeKind::kRejected:
      rejected_pence[std::string(outcome.reason)] += *pence;
      break;
    case OutcomeKind::kExcluded:
      excluded_pence[std::string(outcome.reason)] += *pence;
      break;
  }
}

AnswerKey::AnswerKey(AnswerKeySettings settings)
    : settings_(std::move(settings)), day_one_(settings_.cutover) {}

AnswerKey::~AnswerKey() {
  if (money_csv_) std::fclose(money_csv_);
  if (cohort_csv_) std::fclose(cohort_csv_);
}

core::Status AnswerKey::Open() {
  if (!settings_.detail) return core::Status::Ok();
  const auto money = Sibling(settings_.path, "-money.csv");
  const auto cohort = Sibling(settings_.path, "-cohort.csv");
  money_csv_ = OpenPrivateFile(money);
  if (!money_csv_) return IoError(money, "create");
  cohort_csv_ = OpenPrivateFile(cohort);
  if (!cohort_csv_) return IoError(cohort, "create");
  std::fputs("person_ref,kind,payment_type,month,amount_pence,frequency,start,end,detail\n",
             money_csv_);
  std::fputs("person_ref,in_touch,activity,accommodation\n", cohort_csv_);
  return core::Status::Ok();
}

void AnswerKey::Count(Table table, const Outcome& outcome) {
  TableTally& tally = tables_[static_cast<size_t>(table)];
  ++tally.extracted;
  switch (outcome.kind) {
    case OutcomeKind::kLoaded:
      ++tally.loaded;
      break;
    case OutcomeKind::kMerged:
      ++tally.merged;
      break;
    case OutcomeKind::kRejected:
      ++tally.rejected[std::string(outcome.reason)];
      break;
    case OutcomeKind::kExcluded:
      ++tally.excluded[std::string(outcome.reason)];
      break;
  }
}

void AnswerKey::Payment(int64_t payment_id, const std::string& cited_ref,
                        std::optional<core::Date> paid_on, core::Date period_start, PayType type,
                        std::optional<int64_t> pence, const Outcome& outcome) {
  Count(Table::kPayment, outcome);
  historic_.Add(outcome, pence);
  if (outcome.loaded()) {
    assert(paid_on && pence && "a loaded payment has a date and an amount");
    const int t = static_cast<int>(type);
    loaded_by_month_[MonthKey(*paid_on)][t] += *pence;
    loaded_by_type_[t] += *pence;
    day_one_.Payment(type, *paid_on, period_start, *pence);
    if (money_csv_) person_months_[{MonthKey(*paid_on), t}] += *pence;
    return;
  }
  if (money_csv_) {
    // Every payment that does not load is listed: it is a difference finance
    // must be able to see, with the reference as the provider wrote it.
    std::fprintf(money_csv_, "%s,not_loaded,%s,%s,%s,,,,%s payment_id=%lld\n", cited_ref.c_str(),
                 PayTypeCode(type).c_str(), paid_on ? MonthText(MonthKey(*paid_on)).c_str() : "",
                 pence ? std::to_string(*pence).c_str() : "", std::string(outcome.reason).c_str(),
                 static_cast<long long>(payment_id));
  }
}

void AnswerKey::Arrangement(const std::string& person_ref, int64_t schedule_id, PayType type,
                            int64_t amount_pence, const std::string& frequency, core::Date start,
                            std::optional<core::Date> end) {
  const int t = static_cast<int>(type);
  day_one_.Arrangement(schedule_id, type, amount_pence, frequency == "WEEKLY", start, end);
  ++arrangement_count_[t];
  arrangement_pence_[t] += amount_pence;
  if (start < settings_.cutover) ++arrangement_arrears_[t];
  if (money_csv_)
    std::fprintf(money_csv_, "%s,arrangement,%s,,%lld,%s,%s,%s,\n", person_ref.c_str(),
                 PayTypeCode(type).c_str(), static_cast<long long>(amount_pence), frequency.c_str(),
                 start.ToIso().c_str(), end ? end->ToIso().c_str() : "");
}

void AnswerKey::OpeningBalance(const std::string& person_ref, const std::string& balance_type,
                               int64_t pence) {
  day_one_.Balance(balance_type, pence);
  auto& [count, total] = balances_[balance_type];
  ++count;
  total += pence;
  if (money_csv_)
    std::fprintf(money_csv_, "%s,opening_balance,%s,,%lld,,,,\n", person_ref.c_str(),
                 balance_type.c_str(), static_cast<long long>(pence));
}

void AnswerKey::CohortPerson(const std::string& person_ref, const std::string& in_touch,
                             const std::string& activity, const std::string& accommodation) {
  ++cohort_;
  ++in_touch_[in_touch.empty() ? "none" : in_touch];
  ++activity_[activity.empty() ? "none" : activity];
  ++accommodation_[accommodation.empty() ? "none" : accommodation];
  if (in_touch == "YES") ++in_touch_yes_;
  if (IsEetActivity(activity)) ++in_eet_;
  if (accommodation.size() == 2 && accommodation[1] == '1') ++suitable_;
  if (cohort_csv_)
    std::fprintf(cohort_csv_, "%s,%s,%s,%s\n", person_ref.c_str(), in_touch.c_str(),
                 activity.c_str(), accommodation.c_str());
}

core::Status AnswerKey::EndPerson(const std::string& person_ref) {
  day_one_.EndPerson();
  if (!money_csv_) return core::Status::Ok();
  for (const auto& [month_type, pence] : person_months_)
    std::fprintf(money_csv_, "%s,historic,%s,%s,%lld,,,,\n", person_ref.c_str(),
                 PayTypeCode(static_cast<PayType>(month_type.second)).c_str(),
                 MonthText(month_type.first).c_str(), static_cast<long long>(pence));
  person_months_.clear();
  if (std::ferror(money_csv_)) return IoError(Sibling(settings_.path, "-money.csv"), "write");
  return core::Status::Ok();
}

core::Status AnswerKey::Write() {
  Json key;
  key["format"] = "handover-answer-key/1";
  key["rules"] = "docs/provider-database.md";
  key["generator"] = {{"seed", settings_.seed},
                      {"people", settings_.people},
                      {"cutover", settings_.cutover.ToIso()}};

  const TableTally& clients = tally(Table::kClient);
  Json people;
  people["identities"] = settings_.people;
  people["client_rows"] = clients.extracted;
  people["after_deduplication"] = clients.loaded;
  people["duplicate_rows_merged"] = clients.merged;
  people["rejected"] = MapJson(clients.rejected);
  people["excluded"] = MapJson(clients.excluded);
  key["people"] = people;

  Json tables = Json::object();
  for (int t = 0; t < kTableCount; ++t) {
    const TableTally& tally = tables_[t];
    tables[TableName(static_cast<Table>(t))] = {{"extracted", tally.extracted},
                                                {"loaded", tally.loaded},
                                                {"merged", tally.merged},
                                                {"rejected", MapJson(tally.rejected)},
                                                {"excluded", MapJson(tally.excluded)}};
  }
  key["tables"] = tables;

  Json historic;
  historic["source_pence"] = historic_.source_pence;
  historic["loaded_pence"] = historic_.loaded_pence;
  historic["rejected_pence"] = MapJson(historic_.rejected_pence);
  historic["excluded_pence"] = MapJson(historic_.excluded_pence);
  historic["unreadable_amount_rows"] = historic_.unreadable_amount_rows;
  Json by_type = Json::object();
  for (int t = 0; t < kPayTypeCount; ++t)
    by_type[PayTypeCode(static_cast<PayType>(t))] = loaded_by_type_[t];
  historic["loaded_by_type"] = by_type;
  Json by_month = Json::object();
  for (const auto& [month, types] : loaded_by_month_) {
    Json row = Json::object();
    for (int t = 0; t < kPayTypeCount; ++t)
      if (types[t] != 0) row[PayTypeCode(static_cast<PayType>(t))] = types[t];
    by_month[MonthText(month)] = row;
  }
  historic["loaded_by_month"] = by_month;

  Json arrangements = Json::object();
  int64_t arrangement_total = 0, arrears_total = 0;
  for (int t = 0; t < kPayTypeCount; ++t) {
    if (arrangement_count_[t] == 0) continue;
    arrangements[PayTypeCode(static_cast<PayType>(t))] = {
        {"count", arrangement_count_[t]},
        {"amount_pence_per_period", arrangement_pence_[t]},
        {"starting_before_cutover", arrangement_arrears_[t]}};
    arrangement_total += arrangement_count_[t];
    arrears_total += arrangement_arrears_[t];
  }
  Json balances = Json::object();
  int64_t balance_count = 0, balance_pence = 0;
  for (const auto& [type, count_pence] : balances_) {
    balances[type] = {{"count", count_pence.first}, {"pence", count_pence.second}};
    balance_count += count_pence.first;
    balance_pence += count_pence.second;
  }
  key["money"] = {
      {"historic_payments", historic},
      {"open_arrangements",
       {{"count", arrangement_total},
        {"starting_before_cutover", arrears_total},
        {"by_type", arrangements}}},
      {"opening_balances",
       {{"count", balance_count}, {"pence", balance_pence}, {"by_type", balances}}},
  };

  key["oc3"] = {
      {"cohort_definition",
       "loaded people (after de-duplication) whose case is open at the cut-over and who are "
       "aged 17 to 25 on the cut-over date"},
      {"cohort", cohort_},
      {"in_touch", MapJson(in_touch_)},
      {"activity", MapJson(activity_)},
      {"accommodation", MapJson(accommodation_)},
      {"in_touch_yes", in_touch_yes_},
      {"in_education_employment_training", in_eet_},
      {"in_suitable_accommodation", suitable_},
      {"pct_in_touch", Percent(in_touch_yes_, cohort_)},
      {"pct_eet", Percent(in_eet_, cohort_)},
      {"pct_suitable_accommodation", Percent(suitable_, cohort_)},
  };
  key["day_one"] = day_one_.ToJson();
  if (settings_.detail)
    key["detail_files"] = {Sibling(settings_.path, "-money.csv").filename().string(),
                           Sibling(settings_.path, "-cohort.csv").filename().string()};

  for (FILE** file : {&money_csv_, &cohort_csv_}) {
    if (*file == nullptr) continue;
    const bool failed = std::ferror(*file) != 0;
    const bool closed = std::fclose(*file) == 0;
    *file = nullptr;
    if (failed || !closed) return IoError(settings_.path.parent_path(), "write detail files in");
  }
  FILE* out = OpenPrivateFile(settings_.path);
  if (!out) return IoError(settings_.path, "create");
  const std::string text = key.dump(2) + "\n";
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (std::fclose(out) != 0 || !written) return IoError(settings_.path, "write");
  return core::Status::Ok();
}

}  // namespace handover::generator
