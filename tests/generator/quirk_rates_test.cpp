// The legacy quirks are really in the generated database, at the rates
// rates.h states, measured by independent SQL on the output.
//
// Tolerance: every quirk is an independent draw, so its count is binomial;
// a count within four standard deviations (plus one) of trials x rate is
// what "at the stated rate" can promise for a few thousand trials, and a
// count of zero always fails (no test passes on an absent quirk).
#include <cmath>

#include "generator/rates.h"
#include "tests/generator/generator_fixture.h"
#include "tests/generator/reference_migration.h"

namespace handover::generator::testing {
namespace {

void ExpectRate(int64_t observed, int64_t trials, double per_million, const char* what) {
  const double p = per_million / 1e6;
  const double expected = static_cast<double>(trials) * p;
  const double sigma = std::sqrt(static_cast<double>(trials) * p * (1 - p));
  EXPECT_GT(observed, 0) << what;
  EXPECT_NEAR(static_cast<double>(observed), expected, 4 * sigma + 1)
      << what << ": " << observed << " of " << trials;
}

constexpr const char* kUnreadableDateSql =
    " IN ('', '00/00/0000') OR substr(%1, 1, 6) IN "
    "('31/02/', '30/02/', '31/04/', '31/06/', '31/09/', '31/11/')";

std::string Unreadable(const std::string& column) {
  std::string sql = "(" + column + kUnreadableDateSql + ")";
  for (auto at = sql.find("%1"); at != std::string::npos; at = sql.find("%1"))
    sql.replace(at, 2, column);
  return sql;
}

using Quirks = GeneratedProvider;

TEST_F(Quirks, DatesComeInFourFormatsAtTheStatedWeights) {
  // period_start is never made unreadable, so every value is one of the four.
  const int64_t total = Count("SELECT count(*) FROM payment");
  ASSERT_GT(total, 15000);
  const int64_t iso = Count(
      "SELECT count(*) FROM payment WHERE period_start GLOB "
      "'[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'");
  const int64_t slash = Count(
      "SELECT count(*) FROM payment WHERE period_start GLOB "
      "'[0-3][0-9]/[01][0-9]/[12][0-9][0-9][0-9]'");
  const int64_t mon = Count(
      "SELECT count(*) FROM payment WHERE period_start GLOB "
      "'[0-3][0-9]-[A-S][a-u][b-y]-[0-9][0-9]'");
  const int64_t dot = Count(
      "SELECT count(*) FROM payment WHERE period_start GLOB "
      "'*.*.[12][0-9][0-9][0-9]'");
  EXPECT_EQ(iso + slash + mon + dot, total);
  ExpectRate(iso, total, rates::kDateIsoWeight * 10000, "ISO dates");
  ExpectRate(slash, total, rates::kDateSlashWeight * 10000, "dd/mm/yyyy dates");
  ExpectRate(mon, total, rates::kDateMonWeight * 10000, "dd-Mon-yy dates");
  ExpectRate(dot, total, rates::kDateDotWeight * 10000, "d.m.yyyy dates");
}

TEST_F(Quirks, KeyDatesAreUnreadableAtTheStatedRate) {
  const int64_t payments = Count("SELECT count(*) FROM payment");
  const int64_t contacts = Count("SELECT count(*) FROM contact_log");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE " + Unreadable("paid_date")), payments,
             rates::kUnreadableKeyDate, "unreadable paid_date");
  ExpectRate(Count("SELECT count(*) FROM contact_log WHERE " + Unreadable("contact_date")),
             contacts, rates::kUnreadableKeyDate, "unreadable contact_date");
  // Each kind of unreadable date is there.
  EXPECT_GT(Count("SELECT count(*) FROM payment WHERE paid_date = '00/00/0000'") +
                Count("SELECT count(*) FROM contact_log WHERE contact_date = '00/00/0000'"),
            0);
  EXPECT_GT(Count("SELECT count(*) FROM payment WHERE paid_date = ''") +
                Count("SELECT count(*) FROM contact_log WHERE contact_date = ''"),
            0);
  // Dates of birth: only the identities fated to be unreadable.
  ExpectRate(Count("SELECT count(*) FROM client WHERE " + Unreadable("dob")), FixturePeople(),
             rates::kUnreadableDob, "unreadable dob");
}

TEST_F(Quirks, ClientsIncludeDeletedArchivedTestAndKeylessRows) {
  ExpectRate(Count("SELECT count(*) FROM client WHERE deleted = 1"), FixturePeople(),
             rates::kSoftDeleted, "deleted = 1");
  ExpectRate(Count("SELECT count(*) FROM client WHERE status = 'ARCHIVED'"), FixturePeople(),
             rates::kArchived, "ARCHIVED");
  ExpectRate(Count("SELECT count(*) FROM client WHERE upper(trim(surname)) LIKE 'TEST%'"),
             FixturePeople(), rates::kTestRecord, "TEST surnames");
  ExpectRate(Count("SELECT count(*) FROM client WHERE client_ref IS NULL"), FixturePeople(),
             rates::kMissingKey, "NULL client_ref");
  // Second registrations: later client ids, same date of birth text or not,
  // but always a primary row with the same date of birth once parsed.
  ExpectRate(
      Count("SELECT count(*) FROM client WHERE client_id > " + std::to_string(FixturePeople())),
      FixturePeople(), rates::kDuplicate, "duplicate registrations");
  EXPECT_GT(
      Count(
          "SELECT count(*) FROM client WHERE status <> trim(status) OR forename <> trim(forename) "
          "OR surname <> trim(surname)"),
      0)
      << "trailing spaces";
}

TEST_F(Quirks, PaymentsIncludeOrphansNullKeysRefundsAndDeletedRows) {
  const int64_t payments = Count("SELECT count(*) FROM payment");
  // Orphans: the planted ones plus the rows of clients whose key was lost
  // (a deleted row is excluded before its client is looked up).
  const int64_t orphans = Count(
      "SELECT count(*) FROM payment WHERE client_ref IS NOT NULL AND coalesce(deleted, 0) <> 1 AND "
      "upper(trim(client_ref)) NOT IN (SELECT upper(trim(client_ref)) FROM client WHERE client_ref "
      "IS NOT NULL)");
  EXPECT_EQ(orphans, key()["tables"]["payment"]["rejected"]["orphan"].get<int64_t>());
  ExpectRate(Count("SELECT count(*) FROM payment WHERE CAST(substr(client_ref, 3) AS INTEGER) > " +
                   std::to_string(3 * FixturePeople())),
             payments, rates::kOrphanPayment, "payments for clients that never existed");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE client_ref IS NULL"), payments,
             rates::kNullRefPayment, "payments with NULL client_ref");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE deleted = 1"), payments,
             rates::kPaymentDeleted, "deleted payments");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE amount LIKE '-%'"), payments, rates::kRefund,
             "refunds (negative amounts)");
}

TEST_F(Quirks, MoneyIsTextWithPoundSignsCommasNoiseAndBlanks) {
  const int64_t payments = Count("SELECT count(*) FROM payment");
  const int64_t unreadable = Count("SELECT count(*) FROM payment WHERE amount IN ('', 'n/a')");
  ExpectRate(unreadable, payments, rates::kUnreadableAmount, "blank or n/a amounts");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE instr(amount, '£') > 0"),
             payments - unreadable, rates::kMoneyPound, "pound signs");
  ExpectRate(Count("SELECT count(*) FROM payment WHERE amount GLOB "
                   "'*.[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"),
             payments - unreadable, rates::kMoneyFloatNoise, "floating-point noise");
  EXPECT_GT(Count("SELECT count(*) FROM payment WHERE amount GLOB '*[0-9],[0-9][0-9][0-9]*'"), 0)
      << "thousands separators";
  EXPECT_GT(Count("SELECT count(*) FROM pay_schedule WHERE instr(amount, '£') > 0"), 0);
}

TEST_F(Quirks, ProviderCodesAndFreeTextStandInForCouncilCodes) {
  for (const char* value : {"SP", "Staying put", "Supp. Lodgings"}) {
    EXPECT_GT(
        Count(std::string("SELECT count(*) FROM payment WHERE trim(pay_type) = '") + value + "'"),
        0)
        << value;
    EXPECT_GT(Count(std::string("SELECT count(*) FROM accom_history WHERE trim(accom_type) = '") +
                    value + "'"),
              0)
        << value;
  }
  EXPECT_GT(
      Count("SELECT count(*) FROM contact_log WHERE trim(lower(in_touch)) = 'in touch - phone'"),
      0);
  const int64_t payments = Count("SELECT count(*) FROM payment");
  ExpectRate(
      Count("SELECT count(*) FROM payment WHERE pay_type IN ('MISC', 'See notes', '?\?\?', 'tbc')"),
      payments, rates::kUnmappedPayType, "unmapped pay types");
  const int64_t contacts = Count("SELECT count(*) FROM contact_log");
  ExpectRate(Count("SELECT count(*) FROM contact_log WHERE in_touch IN ('MISC', 'See notes', "
                   "'?\?\?', 'tbc')"),
             contacts, rates::kUnmappedCode, "unmapped in-touch values");
  EXPECT_GT(Count("SELECT count(DISTINCT pay_type) FROM payment"), 25)
      << "spellings, case and spaces vary";
}

TEST_F(Quirks, PaNamesAreOftenFreeText) {
  const int64_t allocations = Count("SELECT count(*) FROM allocation");
  ExpectRate(Count("SELECT count(*) FROM allocation WHERE worker_id IS NULL"), allocations,
             rates::kWorkerFreeText + rates::kWorkerUnknown -
                 rates::kWorkerFreeText * static_cast<double>(rates::kWorkerUnknown) / 1e6,
             "allocations without a worker id");
  EXPECT_GT(Count("SELECT count(*) FROM allocation WHERE pa_name LIKE '%, %'"), 0)
      << "Surname, Forename";
  EXPECT_GT(Count("SELECT count(*) FROM allocation WHERE pa_name LIKE '%(PA)'"), 0);
}

TEST_F(Quirks, NamesAndNotesCarryWindows1252Bytes) {
  // Raw single bytes (é 0xE9, ë 0xEB, ö 0xF6, á 0xE1, ’ 0x92): not UTF-8.
  auto with_bytes = [](const std::string& column) {
    std::string sql;
    for (const char* byte : {"E9", "EB", "F6", "E1", "92"})
      sql += (sql.empty() ? "" : " OR ") + std::string("instr(CAST(") + column + " AS BLOB), x'" +
             byte + "') > 0";
    return "(" + sql + ")";
  };
  const std::string primary = " FROM client WHERE client_id <= " + std::to_string(FixturePeople()) +
                              " AND upper(trim(surname)) NOT LIKE 'TEST%'";
  const int64_t names = 2 * Count("SELECT count(*)" + primary);
  ExpectRate(Count("SELECT count(*)" + primary + " AND " + with_bytes("forename")) +
                 Count("SELECT count(*)" + primary + " AND " + with_bytes("surname")),
             names, rates::kNameWin1252, "Windows-1252 bytes in names");
  ExpectRate(Count("SELECT count(*) FROM contact_log WHERE " + with_bytes("notes")),
             Count("SELECT count(*) FROM contact_log"), rates::kNoteWin1252,
             "Windows-1252 bytes in case notes");
}

TEST_F(Quirks, ChildRowsCiteReferencesInMessyCase) {
  const int64_t contacts = Count("SELECT count(*) FROM contact_log");
  ExpectRate(Count("SELECT count(*) FROM contact_log WHERE client_ref <> upper(trim(client_ref))"),
             contacts, rates::kRefMessy, "lower-cased or padded references");
}

TEST_F(Quirks, HistorySpansMoreThanTenYearsBeforeTheCutover) {
  auto rows = db().QueryRows("SELECT referral_date FROM client", 1, "referral dates");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  int32_t earliest = cutover().days;
  for (const auto& row : *rows)
    if (auto d = ParseLegacyDate(row[0])) earliest = std::min(earliest, d->days);
  EXPECT_GT(cutover().days - earliest, 10 * 365);
}

}  // namespace
}  // namespace handover::generator::testing
