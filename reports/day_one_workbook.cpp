// dayone.xlsx: the day-one pack for the people who work through it.
// Caseloads (team managers: every open case by PA), Reviews (managers: the
// pathway plan reviews to book), First payment run (finance: each line and
// its flags before the run goes out), Balances (finance: opening balances
// and setting-up-home allowance still available).
#include "reports/day_one_renderers.h"
#include "reports/workbook_file.h"

namespace handover::reports {
namespace {

using xlsx::Sheet;

const char* PaName(const Caseload& c) { return c.staff_id ? c.staff.c_str() : "(unallocated)"; }

template <typename Each>
void ForEachCaseload(const DayOneFigures& f, Each each) {
  for (const Caseload& c : f.by_staff) each(c);
  each(f.unallocated);
}

void WriteCaseloads(Sheet& s, const DayOneFigures& f, const PrivacyOptions& privacy) {
  s.Header({"Personal Adviser", "staff active", "legacy reference", "name", "date of birth", "review", "review due"});
  ForEachCaseload(f, [&](const Caseload& c) {
    for (const std::string& ref : c.cases) {
      const ShownPerson person = ShowPerson(f, ref, privacy);
      s.Text(0, PaName(c));
      s.Text(1, !c.staff_id ? "" : c.active ? "yes" : "no");
      s.Text(2, ref);
      s.Text(3, person.name);
      s.Text(4, person.date_of_birth);
      s.Text(5, ReviewStatus(c, f.without_current_plan, ref));
      s.Text(6, ReviewDue(f, ref));
      s.EndRow();
    }
  });
}

void WriteReviews(Sheet& s, const DayOneFigures& f, const PrivacyOptions& privacy) {
  s.Header({"Personal Adviser", "legacy reference", "name", "review", "review due"});
  ForEachCaseload(f, [&](const Caseload& c) {
    for (const std::string& ref : c.cases) {
      const std::string status = ReviewStatus(c, f.without_current_plan, ref);
      if (status.empty()) continue;
      s.Text(0, PaName(c));
      s.Text(1, ref);
      s.Text(2, ShowPerson(f, ref, privacy).name);
      s.Text(3, status);
      s.Text(4, ReviewDue(f, ref));
      s.EndRow();
    }
  });
}

void WriteFirstRun(Sheet& s, const DayOneFigures& f) {
  s.Header({"legacy reference", "payment type", "frequency", "schedule", "first period from", "to", "periods",
            "amount", "per period", "provider's last period from", "provider's last amount", "flags"});
  const FirstPaymentRun& run = f.first_run_lines;
  for (const auto* lines : {&run.lines, &run.not_in_first_run})
    for (const FirstRunLine& line : *lines) {
      const ArrangementRow& a = line.arrangement;
      s.Text(0, a.legacy_ref);
      s.Text(1, a.payment_type);
      s.Text(2, a.frequency);
      if (a.legacy_schedule_id) s.Count(3, *a.legacy_schedule_id);
      s.Text(4, a.start.ToIso());
      s.Text(5, line.first_period_end ? line.first_period_end->ToIso() : "not in the first run");
      s.Count(6, line.periods);
      s.Money(7, line.amount_pence);
      s.Money(8, a.amount_pence);
      if (line.provider_last) {
        s.Text(9, line.provider_last->period_start.ToIso());
        s.Money(10, line.provider_last->pence);
      }
      s.Text(11, xlsx::Join(line.flags));
      s.EndRow();
    }
  for (const NoArrangementLine& line : run.no_arrangement) {
    s.Text(0, line.legacy_ref);
    s.Text(9, line.last_paid_date.ToIso());
    s.Text(11, "recurring_payments_no_arrangement");
    s.EndRow();
  }
  s.EndTable();
  s.EndRow();
  s.Text(0, "totals by type");
  s.Text(6, "lines");
  s.Text(7, "council's first run");
  s.Text(10, "provider's last payments");
  s.EndRow();
  for (const auto& [type, t] : run.totals_by_type) {
    s.Text(0, type);
    s.Count(6, t.lines);
    s.Money(7, t.council_first_run_pence);
    s.Money(10, t.provider_last_pence);
    s.EndRow();
  }
}

void WriteBalances(Sheet& s, const DayOneFigures& f, const PrivacyOptions& privacy) {
  s.Header({"legacy reference", "name", "balance", "entitlement", "paid", "amount"});
  for (const BalanceLine& b : f.balances) {
    s.Text(0, b.legacy_ref);
    s.Text(1, ShowPerson(f, b.legacy_ref, privacy).name);
    s.Text(2, "opening balance " + b.balance_type);
    s.Money(5, b.pence);
    s.EndRow();
  }
  for (const SetUpHomeLine& h : f.setting_up_home) {
    s.Text(0, h.legacy_ref);
    s.Text(1, ShowPerson(f, h.legacy_ref, privacy).name);
    s.Text(2, "setting-up-home allowance available");
    s.Money(3, h.entitlement_pence);
    s.Money(4, h.paid_pence);
    s.Money(5, h.available_pence);
    s.EndRow();
  }
}

}  // namespace

core::Status WriteDayOneWorkbook(const DayOneFigures& f, const PrivacyOptions& privacy,
                                 const std::filesystem::path& path) {
  const std::string context = "writing " + path.string();
  auto created = xlsx::WorkbookFile::Create(path);
  if (!created.ok()) return created.status();
  xlsx::WorkbookFile& file = **created;
  const auto sheet = [&](const char* name, const auto& fill) -> core::Status {
    auto added = file.AddSheet(name);
    if (!added.ok()) return added.status();
    fill(**added);
    return (*added)->Finish().WithContext(context);
  };
  HANDOVER_RETURN_IF_ERROR(sheet("Caseloads", [&](Sheet& s) { WriteCaseloads(s, f, privacy); }));
  HANDOVER_RETURN_IF_ERROR(sheet("Reviews", [&](Sheet& s) { WriteReviews(s, f, privacy); }));
  HANDOVER_RETURN_IF_ERROR(sheet("First payment run", [&](Sheet& s) { WriteFirstRun(s, f); }));
  HANDOVER_RETURN_IF_ERROR(sheet("Balances", [&](Sheet& s) { WriteBalances(s, f, privacy); }));
  return file.Commit();
}

}  // namespace handover::reports
