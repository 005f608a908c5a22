#include "generator/payments.h"

#include <algorithm>

#include "generator/answer_key.h"
#include "generator/calendar.h"
#include "generator/legacy_text.h"
#include "generator/rates.h"
#include "generator/provider_writer.h"

namespace handover::generator {
namespace {

// A payment row before the provider's quirks.
struct PaymentFact {
  std::optional<int64_t> schedule_id;
  PayType type;
  int64_t pence;
  core::Date paid_on;
  core::Date period_start;
  bool deleted = false;
};

std::string ProviderSpelling(const CodeVariants& codes, Rng& rng) {
  return MessyName(rng.Pick(codes.provider_values), rng);
}

class PaymentWriter {
 public:
  PaymentWriter(PersonScope& scope, Rng rng)
      : s_(scope), rng_(rng), cutover_(scope.factory.cutover()) {}

  Rng& rng() { return rng_; }
  core::Date cutover() const { return cutover_; }

  // One provider payment row, its quirks drawn here, its outcome counted.
  core::Status Write(const PaymentFact& fact, const std::string& cited_ref, const Outcome& cited) {
    constexpr Table kT = Table::kPayment;
    const int64_t id = s_.writer.rows(kT) + 1;
    const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
    const bool bad_amount = rng_.Chance(rates::kUnreadableAmount);
    const bool bad_code = rng_.Chance(rates::kUnmappedPayType);
    s_.writer.Int(kT, id);
    if (cited_ref.empty())
      s_.writer.Null(kT);
    else
      s_.writer.Text(kT, cited_ref);
    if (fact.schedule_id && rng_.Below(20) != 0)
      s_.writer.Int(kT, *fact.schedule_id);
    else
      s_.writer.Null(kT);
    s_.writer.Text(kT, bad_code ? rng_.Pick(UnmappedValues())
                                : ProviderSpelling(PayTypeCodes(fact.type), rng_));
    s_.writer.Text(kT, bad_amount ? UnreadableMoney(rng_) : FormatLegacyMoney(fact.pence, rng_));
    s_.writer.Text(
        kT, bad_date ? UnreadableDate(fact.paid_on, rng_) : FormatLegacyDate(fact.paid_on, rng_));
    s_.writer.Text(kT, FormatLegacyDate(fact.period_start, rng_));
    static const std::vector<std::string> kMethods = {"BACS", "BACS", "Cheque", "Cash", "bacs "};
    s_.writer.Text(kT, rng_.Pick(kMethods));
    if (fact.deleted)
      s_.writer.Int(kT, 1);
    else if (rng_.Below(10) == 0)
      s_.writer.Null(kT);
    else
      s_.writer.Int(kT, 0);
    HANDOVER_RETURN_IF_ERROR(s_.writer.EndRow(kT));

    Outcome own = Outcome::Loaded();
    if (bad_date)
      own = Outcome::Rejected("unreadable_date");
    else if (bad_amount)
      own = Outcome::Rejected("unreadable_amount");
    else if (bad_code)
      own = Outcome::Rejected("unmapped_code");
    const Outcome outcome = RowOutcome(fact.deleted, cited, own);
    s_.key.Payment(id, cited_ref, bad_date ? std::nullopt : std::optional<core::Date>(fact.paid_on),
                   fact.period_start, fact.type, bad_amount ? std::nullopt : std::optional<int64_t>(fact.pence),
                   outcome);
    return core::Status::Ok();
  }

  // A payment the person really received, plus the rows that travel with it
  // at the stated rates: a refund, a mistaken deleted copy, and rows the
  // provider lost the client of (orphans, NULL references).
  core::Status Paid(const PaymentFact& fact) {
    const Outcome cited = s_.person.CitedOutcome();
    HANDOVER_RETURN_IF_ERROR(Write(fact, s_.person.CiteRef(rng_), cited));
    if (rng_.Chance(rates::kRefund)) {
      PaymentFact refund = fact;
      refund.pence = -rng_.Between(1, fact.pence / 100) * 100;
      refund.paid_on = AddDays(fact.paid_on, rng_.Between(7, 60));
      if (refund.paid_on < cutover_)
        HANDOVER_RETURN_IF_ERROR(Write(refund, s_.person.CiteRef(rng_), cited));
    }
    if (rng_.Chance(rates::kPaymentDeleted)) {
      PaymentFact copy = fact;
      copy.deleted = true;
      HANDOVER_RETURN_IF_ERROR(Write(copy, s_.person.CiteRef(rng_), cited));
    }
    if (rng_.Chance(rates::kOrphanPayment)) {
      const std::string ref = s_.factory.OrphanRef(s_.orphan_refs_used++);
      HANDOVER_RETURN_IF_ERROR(Write(fact, ref, Outcome::Rejected("orphan")));
    }
    if (rng_.Chance(rates::kNullRefPayment))
      HANDOVER_RETURN_IF_ERROR(Write(fact, "", Outcome::Rejected("missing_key")));
    return core::Status::Ok();
  }

 private:
  PersonScope& s_;
  Rng rng_;
  core::Date cutover_;
};

struct Window {
  core::Date first, last;  // inclusive
  int64_t days() const { return last.days - first.days + 1; }
};

// --- Recurring schedules --------------------------------------------------

// Weekly rates in pence, by recurring type (allowance, rent, Staying Put,
// supported lodgings).
int64_t WeeklyAmount(PayType type, Rng& rng) {
  static const std::vector<int64_t> kAllowance = {4500, 5000, 5790, 6000, 7000};
  static const std::vector<int64_t> kRent = {8000, 9500, 11000, 12575};
  static const std::vector<int64_t> kStayingPut = {15000, 17500, 20000};
  static const std::vector<int64_t> kLodgings = {14000, 16000, 18550};
  switch (type) {
    case PayType::kWeeklyAllowance:
      return rng.Pick(kAllowance);
    case PayType::kRent:
      return rng.Pick(kRent);
    case PayType::kStayingPut:
      return rng.Pick(kStayingPut);
    default:
      return rng.Pick(kLodgings);
  }
}

core::Status WriteSchedule(PersonScope& s, PaymentWriter& pay, const Window& window, bool live) {
  Rng& rng = pay.rng();
  const core::Date cutover = pay.cutover();
  const PayType type = static_cast<PayType>(rng.Weighted({40, 25, 15, 20}));
  const bool weekly = rng.Below(4) == 0;
  const int64_t period_days = weekly ? 7 : 28;
  const int64_t amount = WeeklyAmount(type, rng) * (period_days / 7);
  int64_t periods = weekly ? rng.Between(3, 12) : rng.Between(2, 12);

  core::Date start;
  std::optional<core::Date> end;
  int64_t paid = 0;
  if (live) {
    // Running at the cut-over; the provider's last run paid up to the
    // period before it, or (arrears) one fewer, or (in advance) one more.
    start = AddDays(cutover, -rng.Between(1, std::max<int64_t>(1, periods - 1)) * period_days -
                                 rng.Between(0, period_days - 1));
    if (start < window.first) start = window.first;
    const int64_t before = (cutover.days - start.days + period_days - 1) / period_days;
    paid = before;
    switch (rng.Weighted({55, 25, 20})) {
      case 1:
        paid = std::max<int64_t>(0, before - 1);
        break;
      case 2:
        paid = before + 1;
        break;
      default:
        break;
    }
    if (rng.Below(2) == 0) {
      periods = std::max(periods, paid + rng.Between(0, 6));
      end = AddDays(start, periods * period_days - 1);
    }
  } else {
    periods = std::min<int64_t>(periods, window.days() / period_days);
    if (periods < 1) return core::Status::Ok();
    start = AddDays(window.first, rng.Below(window.days() - periods * period_days + 1));
    end = AddDays(start, periods * period_days - 1);
    paid = periods;
  }
  const std::optional<core::Date> paid_to =
      paid > 0 ? std::optional<core::Date>(AddDays(start, paid * period_days - 1)) : std::nullopt;

  constexpr Table kT = Table::kPaySchedule;
  const int64_t schedule_id = s.writer.rows(kT) + 1;
  const std::string& frequency = FrequencyCodes()[weekly ? 0 : 1].council_code;
  s.writer.Int(kT, schedule_id);
  s.writer.Text(kT, s.person.CiteRef(rng));
  s.writer.Text(kT, ProviderSpelling(PayTypeCodes(type), rng));
  s.writer.Text(kT, FormatLegacyMoney(amount, rng));
  s.writer.Text(kT, ProviderSpelling(FrequencyCodes()[weekly ? 0 : 1], rng));
  s.writer.Text(kT, FormatLegacyDate(start, rng));
  s.writer.Text(kT, end ? FormatLegacyDate(*end, rng) : "");
  s.writer.Text(kT, paid_to ? FormatLegacyDate(*paid_to, rng) : "");
  s.writer.Int(kT, 0);
  HANDOVER_RETURN_IF_ERROR(s.writer.EndRow(kT));

  // The cut-over rule: the council pays from the first period the provider
  // did not pay, if the schedule still has one.
  const core::Date first_unpaid = AddDays(start, paid * period_days);
  const bool open = !end || *end >= first_unpaid;
  const Outcome outcome =
      RowOutcome(false, s.person.CitedOutcome(),
                 open ? Outcome::Loaded() : Outcome::Excluded("no_open_period"));
  s.key.Count(kT, outcome);
  if (outcome.loaded()) s.key.Arrangement(s.person.ref, schedule_id, type, amount, frequency, first_unpaid, end);

  if (rng.Chance(rates::kPaymentDeleted * 2)) {
    // A schedule keyed twice by mistake and deleted: no instalments.
    s.writer.Int(kT, schedule_id + 1);
    s.writer.Text(kT, s.person.CiteRef(rng));
    s.writer.Text(kT, ProviderSpelling(PayTypeCodes(type), rng));
    s.writer.Text(kT, FormatLegacyMoney(amount, rng));
    s.writer.Text(kT, ProviderSpelling(FrequencyCodes()[weekly ? 0 : 1], rng));
    s.writer.Text(kT, FormatLegacyDate(start, rng));
    s.writer.Text(kT, "");
    s.writer.Text(kT, "");
    s.writer.Int(kT, 1);
    HANDOVER_RETURN_IF_ERROR(s.writer.EndRow(kT));
    s.key.Count(kT, RowOutcome(true, s.person.CitedOutcome(), Outcome::Loaded()));
  }

  for (int64_t q = 0; q < paid; ++q) {
    const core::Date period_start = AddDays(start, q * period_days);
    core::Date paid_on = AddDays(period_start, -rng.Between(0, 3));
    if (paid_on >= cutover) paid_on = AddDays(cutover, -1);
    HANDOVER_RETURN_IF_ERROR(pay.Paid({schedule_id, type, amount, paid_on, period_start}));
  }
  return core::Status::Ok();
}

// --- One-off grants and balances -------------------------------------------

core::Status WriteBalance(PersonScope& s, Rng& rng, const CodeVariants& codes,
                    std::optional<int64_t> entitlement, std::optional<int64_t> paid,
                    int64_t balance) {
  constexpr Table kT = Table::kBalanceHeld;
  const core::Date cutover = s.factory.cutover();
  s.writer.Int(kT, s.writer.rows(kT) + 1);
  s.writer.Text(kT, s.person.CiteRef(rng));
  s.writer.Text(kT, ProviderSpelling(codes, rng));
  s.writer.Text(kT, entitlement ? FormatLegacyMoney(*entitlement, rng) : "");
  s.writer.Text(kT, paid ? FormatLegacyMoney(*paid, rng) : "");
  s.writer.Text(kT, FormatLegacyMoney(balance, rng));
  s.writer.Text(kT, FormatLegacyDate(AddDays(cutover, -rng.Between(1, 10)), rng));
  HANDOVER_RETURN_IF_ERROR(s.writer.EndRow(kT));
  const Outcome outcome =
      RowOutcome(false, s.person.CitedOutcome(),
                 balance > 0 ? Outcome::Loaded() : Outcome::Excluded("zero_balance"));
  s.key.Count(kT, outcome);
  if (outcome.loaded()) s.key.OpeningBalance(s.person.ref, codes.council_code, balance);
  return core::Status::Ok();
}

core::Status WriteSetUpHome(PersonScope& s, PaymentWriter& pay, const Window& window) {
  Rng& rng = pay.rng();
  const core::Date from = std::max(window.first, AddYears(s.person.dob, 18));
  if (from > window.last) return core::Status::Ok();
  const core::Date first =
      AddDays(from, rng.Below(std::min<int64_t>(365, window.last.days - from.days + 1)));
  const int64_t entitlement = SetUpHomeEntitlement(first);
  const bool open = s.person.open_at(s.factory.cutover());
  // Paid in up to three parts, the later ones only as the young person
  // furnishes a home; open cases may still be owed some of it.
  const int64_t parts = rng.Between(1, 3);
  int64_t paid_total = 0;
  core::Date on = first;
  for (int64_t part = 0; part < parts; ++part) {
    if (part > 0) {
      on = AddDays(on, rng.Between(14, 120));
      if (on > window.last) break;
      if (open && rng.Below(3) == 0) break;  // not yet claimed
    }
    const int64_t remaining = entitlement - paid_total;
    const int64_t amount =
        part + 1 == parts ? remaining : std::min(remaining, rng.Between(5, 12) * 10000);
    if (amount <= 0) break;
    HANDOVER_RETURN_IF_ERROR(pay.Paid({std::nullopt, PayType::kSettingUpHome, amount, on, on}));
    paid_total += amount;
  }
  if (open || rng.Below(3) == 0)
    return WriteBalance(s, rng, SetUpHomeBalanceCodes(), entitlement, paid_total,
                        entitlement - paid_total);
  return core::Status::Ok();
}

core::Status WriteGrants(PersonScope& s, PaymentWriter& pay, const Window& window) {
  static const std::vector<int64_t> kBirthday = {2500, 5000, 7500};
  static const std::vector<int64_t> kFestival = {3000, 5000};
  Rng& rng = pay.rng();
  for (int age = 16; age <= 25; ++age) {
    const core::Date birthday = AddYears(s.person.dob, age);
    if (birthday < window.first || birthday > window.last || rng.Below(4) != 0) continue;
    const int64_t pence = rng.Pick(kBirthday);
    HANDOVER_RETURN_IF_ERROR(
        pay.Paid({std::nullopt, PayType::kBirthdayGrant, pence, birthday, birthday}));
  }
  for (int year = window.first.year(); year <= window.last.year(); ++year) {
    const core::Date december = *core::Date::FromYmd(year, 12, static_cast<unsigned>(rng.Between(1, 20)));
    if (december < window.first || december > window.last || rng.Below(7) != 0) continue;
    const int64_t pence = rng.Pick(kFestival);
    HANDOVER_RETURN_IF_ERROR(
        pay.Paid({std::nullopt, PayType::kFestivalGrant, pence, december, december}));
  }
  for (int64_t n = static_cast<int64_t>(rng.Weighted({65, 25, 10})); n > 0; --n) {
    const core::Date on = AddDays(window.first, rng.Below(window.days()));
    HANDOVER_RETURN_IF_ERROR(
        pay.Paid({std::nullopt, PayType::kEmergency, rng.Between(20, 100) * 100, on, on}));
  }
  if (rng.Below(20) == 0 && AgeOn(s.person.dob, window.last) >= 19) {
    // Higher-education bursary: £2,000 in three termly parts.
    core::Date on = std::max(window.first, AddYears(s.person.dob, 18));
    for (int64_t part : {70000, 70000, 60000}) {
      if (on > window.last) break;
      HANDOVER_RETURN_IF_ERROR(pay.Paid({std::nullopt, PayType::kHeBursary, part, on, on}));
      on = AddDays(on, 120);
    }
  }
  return core::Status::Ok();
}

}  // namespace

core::Status WritePayments(PersonScope& s) {
  PaymentWriter pay(s, PersonRng(s.factory.seed(), s.person.index, Stream::kPayments));
  Rng& rng = pay.rng();
  const core::Date cutover = s.factory.cutover();
  const bool open = s.person.open_at(cutover);
  const Window window{s.person.referred, open ? AddDays(cutover, -1) : *s.person.closed};

  const int64_t schedules = static_cast<int64_t>(rng.Weighted({30, 45, 20, 5}));
  for (int64_t j = 0; j < schedules; ++j) {
    const bool live = open && j + 1 == schedules && rng.Below(4) != 0;
    HANDOVER_RETURN_IF_ERROR(WriteSchedule(s, pay, window, live));
  }
  if (rng.Below(10) < 6) HANDOVER_RETURN_IF_ERROR(WriteSetUpHome(s, pay, window));
  HANDOVER_RETURN_IF_ERROR(WriteGrants(s, pay, window));
  if (open && rng.Below(10) == 0)
    HANDOVER_RETURN_IF_ERROR(WriteBalance(s, rng, SavingsBalanceCodes(), std::nullopt, std::nullopt,
                                          rng.Between(1000, 150000)));
  return core::Status::Ok();
}

}  // namespace handover::generator
