// End-to-end tests against the generator's answer key: a generated provider
// database with its detailed key, a rehearsal's figures in the key's shape,
// and the key's money detail as comparable lines.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace handover::testing {

// One provider database of `seed` with `people` young people and the
// detailed answer key, in `dir` (provider.db) or in the database `target`.
class GeneratedProvider {
 public:
  GeneratedProvider(const TempDir& dir, int seed, const std::string& target = "", int people = 2000) {
    std::vector<std::string> args = {"generate", "--people", std::to_string(people), "--seed", std::to_string(seed),
                                     "--answer-key-detail"};
    if (target.empty()) {
      url_ = "sqlite:" + (dir / "provider.db").string();
      args.insert(args.end(), {"--out", (dir / "provider.db").string()});
    } else {
      url_ = target;
      args.insert(args.end(), {"--target", target, "--answer-key", (dir / "answer-key.json").string()});
    }
    const auto r = RunHandover(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    key_ = nlohmann::json::parse(ReadFile(dir / "answer-key.json"));
  }
  const std::string& url() const { return url_; }
  const nlohmann::json& key() const { return key_; }
  std::string cutover() const { return key_["generator"]["cutover"]; }

 private:
  std::string url_;
  nlohmann::json key_;
};

// A reconciliation's mapping figures in the answer key's shape, by source table.
inline nlohmann::json AsKeyTables(const nlohmann::json& report) {
  nlohmann::json tables = nlohmann::json::object();
  for (const auto& m : report["mappings"]) {
    nlohmann::json t = {{"extracted", m["source_rows"]}, {"loaded", m["loaded"]}, {"merged", m["merged"]},
                        {"rejected", nlohmann::json::object()}, {"excluded", nlohmann::json::object()}};
    for (const auto& [outcome_reason, rows] : m["by_reason"].items()) {
      const size_t colon = outcome_reason.find(':');
      const std::string outcome = outcome_reason.substr(0, colon), reason = outcome_reason.substr(colon + 1);
      if (outcome == "rejected" || outcome == "excluded") t[outcome][reason] = rows;
    }
    tables[m["source_table"].get<std::string>()] = t;
  }
  return tables;
}

// The figures of a rehearsal that must not depend on how the source is
// reached: per table (as AsKeyTables), OC3, pence loaded, exceptions, money
// per young person, month and type.
inline nlohmann::json SourceIndependentFigures(const nlohmann::json& report) {
  return {{"tables", AsKeyTables(report)}, {"oc3", report["oc3"]}, {"pence", report["totals"]["pence_loaded"]},
          {"exceptions", report["totals"]["exceptions"]}, {"money_by_person", report["money_by_person"]}};
}

// "person_ref,kind,type,month,pence,frequency,start,end" lines of the key's
// money detail, one multiset per kind.
inline std::map<std::string, std::multiset<std::string>> KeyMoney(const std::filesystem::path& csv) {
  std::map<std::string, std::multiset<std::string>> by_kind;
  std::istringstream in(ReadFile(csv));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) f.push_back(cell);
    f.resize(9);
    if (f[1] == "historic") by_kind[f[1]].insert(f[0] + "|" + f[2] + "|" + f[3] + "|" + f[4]);
    if (f[1] == "arrangement") by_kind[f[1]].insert(f[0] + "|" + f[2] + "|" + f[4] + "|" + f[5] + "|" + f[6] + "|" + f[7]);
    if (f[1] == "opening_balance") by_kind[f[1]].insert(f[0] + "|" + f[2] + "|" + f[4]);
  }
  return by_kind;
}

// The rows of `sql` (`columns` text columns) as '|'-joined lines.
inline std::multiset<std::string> QueryLines(db::Database& db, const std::string& sql, size_t columns) {
  std::multiset<std::string> lines;
  auto rows = db.QueryRows(sql, columns, "reading the council database");
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  if (!rows.ok()) return lines;
  for (const auto& row : *rows) {
    std::string line;
    for (const auto& cell : row) line += (line.empty() ? "" : "|") + cell;
    lines.insert(line);
  }
  return lines;
}

// Expects the committed council database `council` to hold exactly the
// key's money: per person, month and type, the open arrangements and the
// opening balances (`money_csv`: the key's answer-key-money.csv).
inline void ExpectCouncilMoneyEqualsTheKey(db::Database& council, const nlohmann::json& key,
                                           const std::filesystem::path& money_csv, const std::string& cutover) {
  auto want = KeyMoney(money_csv);
  const auto historic = QueryLines(
      council,
      "SELECT p.legacy_ref, y.payment_type, substr(CAST(y.paid_date AS VARCHAR(10)), 1, 7), "
      "CAST(sum(y.amount_pence) AS VARCHAR(20)) FROM payment y JOIN person p USING (person_id) "
      "GROUP BY p.legacy_ref, y.payment_type, substr(CAST(y.paid_date AS VARCHAR(10)), 1, 7)",
      4);
  EXPECT_EQ(historic.size(), want["historic"].size());
  EXPECT_TRUE(historic == want["historic"]) << "money per person, month and type differs from the answer key";
  EXPECT_GT(historic.size(), 10000u);
  const auto arrangements = QueryLines(
      council,
      "SELECT p.legacy_ref, a.payment_type, CAST(a.amount_pence AS VARCHAR(20)), a.frequency, "
      "CAST(a.start_date AS VARCHAR(10)), COALESCE(CAST(a.end_date AS VARCHAR(10)), '') "
      "FROM payment_arrangement a JOIN person p USING (person_id)",
      6);
  EXPECT_TRUE(arrangements == want["arrangement"]) << "arrangements differ from the answer key";
  EXPECT_EQ(arrangements.size(), key["money"]["open_arrangements"]["count"].get<size_t>());
  EXPECT_EQ(QueryIntOrFail(council, "SELECT count(*) FROM payment_arrangement WHERE start_date < '" + cutover + "'"),
            key["money"]["open_arrangements"]["starting_before_cutover"].get<int64_t>());
  for (const auto& [type, figures] : key["money"]["open_arrangements"]["by_type"].items()) {
    SCOPED_TRACE(type);
    const std::string of_type = " FROM payment_arrangement WHERE payment_type = '" + type + "'";
    EXPECT_EQ(QueryIntOrFail(council, "SELECT count(*)" + of_type), figures["count"].get<int64_t>());
    EXPECT_EQ(QueryIntOrFail(council, "SELECT sum(amount_pence)" + of_type),
              figures["amount_pence_per_period"].get<int64_t>());
    EXPECT_EQ(QueryIntOrFail(council, "SELECT count(*)" + of_type + " AND start_date < '" + cutover + "'"),
              figures["starting_before_cutover"].get<int64_t>());
  }
  const auto balances = QueryLines(council,
                                   "SELECT p.legacy_ref, b.balance_type, CAST(b.amount_pence AS VARCHAR(20)) "
                                   "FROM opening_balance b JOIN person p USING (person_id)",
                                   3);
  EXPECT_TRUE(balances == want["opening_balance"]) << "opening balances differ from the answer key";
  for (const auto& [type, figures] : key["money"]["opening_balances"]["by_type"].items()) {
    SCOPED_TRACE(type);
    EXPECT_EQ(QueryIntOrFail(council, "SELECT sum(amount_pence) FROM opening_balance WHERE balance_type = '" + type + "'"),
              figures["pence"].get<int64_t>());
  }
  const nlohmann::json& hp = key["money"]["historic_payments"];
  EXPECT_EQ(QueryIntOrFail(council, "SELECT sum(amount_pence) FROM payment"), hp["loaded_pence"].get<int64_t>());
  for (const auto& [type, pence] : hp["loaded_by_type"].items())
    EXPECT_EQ(QueryIntOrFail(council, "SELECT sum(amount_pence) FROM payment WHERE payment_type = '" + type + "'"),
              pence.get<int64_t>())
        << type;
}

}  // namespace handover::testing
