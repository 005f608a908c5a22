// AnswerKey: what a correct migration of the generated provider database
// must produce, accumulated while the generator writes each row (it knows
// which rows it duplicated, deleted or corrupted) — never by running a
// pipeline. Memory is bounded: totals per table, per reason, per month and
// type; per-person detail streams to opt-in CSV files as each person ends.
// The exception is the `day_one` section (day_one_key.h), which lists the
// references of open cases, arrangements and balances.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "generator/codes.h"
#include "generator/day_one_key.h"
#include "generator/outcome.h"
#include "generator/provider_schema.h"
#include "core/status.h"
#include "core/value.h"

namespace handover::generator {

// How many rows of one provider table go where.
struct TableTally {
  int64_t extracted = 0, loaded = 0, merged = 0;
  std::map<std::string, int64_t> rejected, excluded;  // by reason / rule
};

// Money of one kind of row, in pence, split the way reconciliation proves it.
struct MoneyTally {
  int64_t source_pence = 0, loaded_pence = 0;
  std::map<std::string, int64_t> rejected_pence, excluded_pence;
  int64_t unreadable_amount_rows = 0;  // rejected rows whose amount has no value
  void Add(const Outcome& outcome, std::optional<int64_t> pence);
};

// The figures and where the answer key is written.
struct AnswerKeySettings {
  uint64_t seed = 0;
  int64_t people = 0;
  core::Date cutover;
  std::filesystem::path path;  // answer-key.json
  bool detail = false;         // also write <stem>-money.csv and <stem>-cohort.csv
};

class AnswerKey {
 public:
  explicit AnswerKey(AnswerKeySettings settings);
  ~AnswerKey();
  AnswerKey(const AnswerKey&) = delete;
  AnswerKey& operator=(const AnswerKey&) = delete;

  // Opens the detail files when asked for (owner-only). Fails with kIo.
  core::Status Open();

  // One provider row of `table` and what must become of it.
  void Count(Table table, const Outcome& outcome);

  // A provider payment row of the current person (loaded money counts for
  // them); `paid_on` / `pence` are nullopt when the row's date / amount is
  // unreadable (a loaded row has both).
  void Payment(int64_t payment_id, const std::string& cited_ref, std::optional<core::Date> paid_on,
               core::Date period_start, PayType type, std::optional<int64_t> pence, const Outcome& outcome);
  // A recurring arrangement the council must have live from `start`.
  void Arrangement(const std::string& person_ref, int64_t schedule_id, PayType type, int64_t amount_pence,
                   const std::string& frequency, core::Date start, std::optional<core::Date> end);
  // An opening balance the council must hold (balance_type as council code).
  void OpeningBalance(const std::string& person_ref, const std::string& balance_type,
                      int64_t pence);
  // A person in the reporting cohort and their status at the cut-over
  // (codes; empty = no information).
  void CohortPerson(const std::string& person_ref, const std::string& in_touch,
                    const std::string& activity, const std::string& accommodation);
  // Ends the current person: writes their per-month detail lines.
  core::Status EndPerson(const std::string& person_ref);

  // The day-one pack's figures (the `day_one` section), fed by the writers.
  DayOneKey& day_one() { return day_one_; }

  const TableTally& tally(Table table) const { return tables_[static_cast<size_t>(table)]; }
  const MoneyTally& historic() const { return historic_; }
  int64_t cohort() const { return cohort_; }

  // Writes answer-key.json (owner-only, 0600) and closes the detail files.
  core::Status Write();

 private:
  core::Status DetailLine(const std::string& line);

  AnswerKeySettings settings_;
  DayOneKey day_one_;
  std::array<TableTally, kTableCount> tables_;
  MoneyTally historic_;
  std::map<int, std::array<int64_t, kPayTypeCount>> loaded_by_month_;  // yyyymm -> type
  std::array<int64_t, kPayTypeCount> loaded_by_type_{};
  // Arrangements: count, sum of per-period amounts, starting before the cut-over.
  std::array<int64_t, kPayTypeCount> arrangement_count_{}, arrangement_pence_{},
      arrangement_arrears_{};
  std::map<std::string, std::pair<int64_t, int64_t>> balances_;  // type -> (count, pence)
  int64_t cohort_ = 0;
  std::map<std::string, int64_t> in_touch_, activity_, accommodation_;
  int64_t in_touch_yes_ = 0, in_eet_ = 0, suitable_ = 0;
  // The current person's historic money per (yyyymm, type), for the detail file.
  std::map<std::pair<int, int>, int64_t> person_months_;
  FILE* money_csv_ = nullptr;
  FILE* cohort_csv_ = nullptr;
};

// Creates (or truncates) `path` readable and writable by its owner only and
// returns it open for writing; nullptr with errno set on failure.
FILE* OpenPrivateFile(const std::filesystem::path& path);

}  // namespace handover::generator
