#include "generator/history.h"

#include <algorithm>

#include "generator/answer_key.h"
#include "generator/calendar.h"
#include "generator/legacy_text.h"
#include "generator/rates.h"
#include "generator/staff.h"
#include "generator/provider_writer.h"

namespace handover::generator {
namespace {

// A history row's own outcome, before its parent's fate is considered: an
// unreadable key date first, then a value the council's codes cannot take.
Outcome OwnOutcome(bool bad_date, bool resolved, const char* unresolved_reason = "unmapped_code") {
  if (bad_date) return Outcome::Rejected("unreadable_date");
  if (!resolved) return Outcome::Rejected(unresolved_reason);
  return Outcome::Loaded();
}

// The cohort's status at the cut-over as the loaded rows show it.
struct Oc3Status {
  std::string in_touch, activity, accommodation;
};

// One generated period of a person's history, [start, end] (end open when nullopt).
struct Episode {
  core::Date start;
  std::optional<core::Date> end;
};

// Splits the person's time with the service into 1..most consecutive episodes;
// the last stays open when the case is open at the cut-over.
std::vector<Episode> Episodes(const Person& person, core::Date cutover, int64_t most, Rng& rng) {
  const bool open = person.open_at(cutover);
  const core::Date last = open ? AddDays(cutover, -1) : *person.closed;
  const int64_t days = last.days - person.referred.days + 1;
  const int64_t count = std::min<int64_t>(rng.Between(1, most), std::max<int64_t>(1, days / 30));
  std::vector<int64_t> cuts;
  for (int64_t k = 1; k < count; ++k) cuts.push_back(rng.Between(1, days - 1));
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Episode> episodes;
  core::Date start = person.referred;
  for (int64_t cut : cuts) {
    const core::Date next = AddDays(person.referred, cut);
    episodes.push_back({start, AddDays(next, -1)});
    start = next;
  }
  episodes.push_back({start, open ? std::nullopt : std::optional<core::Date>(last)});
  return episodes;
}

bool Covers(const Episode& e, core::Date day) { return e.start <= day && (!e.end || *e.end >= day); }

// Picks a council code by weight, and the provider's spelling of it (or,
// at the stated rate, a value that maps to nothing).
struct CodedValue {
  std::string council_code;  // empty when unmapped
  std::string provider_text;
};
CodedValue DrawCode(const std::vector<CodeVariants>& codes, std::initializer_list<uint32_t> weights,
                    Rng& rng) {
  if (rng.Chance(rates::kUnmappedCode)) return {"", rng.Pick(UnmappedValues())};
  const CodeVariants& code = codes[rng.Weighted(weights)];
  return {code.council_code, MessyName(rng.Pick(code.provider_values), rng)};
}

std::string KeyDate(core::Date date, bool unreadable, Rng& rng) {
  return unreadable ? UnreadableDate(date, rng) : FormatLegacyDate(date, rng);
}

std::string OptionalDate(const std::optional<core::Date>& date, Rng& rng) {
  return date ? FormatLegacyDate(*date, rng) : "";
}

class HistoryWriter {
 public:
  HistoryWriter(PersonScope& scope, Rng rng)
      : s_(scope),
        w_(scope.writer),
        rng_(rng),
        cutover_(scope.factory.cutover()),
        cited_(scope.person.CitedOutcome()) {}

  core::Status Allocations() {
    constexpr Table kT = Table::kAllocation;
    const int64_t workers = WorkerCount(s_.factory.people());
    for (const Episode& e : Episodes(s_.person, cutover_, 3, rng_)) {
      const int64_t worker = rng_.Between(1, workers);
      const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
      const bool unknown = rng_.Chance(rates::kWorkerUnknown);
      const bool free_text = unknown || rng_.Chance(rates::kWorkerFreeText);
      w_.Int(kT, w_.rows(kT) + 1);
      w_.Text(kT, s_.person.CiteRef(rng_));
      if (free_text)
        w_.Null(kT);
      else
        w_.Int(kT, worker);
      if (unknown)
        w_.Text(kT, UnknownWorkerName(rng_));
      else if (free_text || rng_.Below(2) == 0)
        w_.Text(kT, WorkerNameAsTyped(worker, rng_));
      else
        w_.Null(kT);
      w_.Text(kT, KeyDate(e.start, bad_date, rng_));
      w_.Text(kT, OptionalDate(e.end, rng_));
      HANDOVER_RETURN_IF_ERROR(w_.EndRow(kT));
      const Outcome outcome = RowOutcome(false, cited_, OwnOutcome(bad_date, !unknown, "unresolved_worker"));
      s_.key.Count(kT, outcome);
      if (outcome.loaded()) s_.key.day_one().Allocation(worker, e.start, e.end);
      if (outcome.reason == "unresolved_worker") s_.key.day_one().UnresolvedAllocation();
    }
    return core::Status::Ok();
  }

  // Case notes, oldest first; for an open case the last is within eight
  // weeks of the cut-over, so the in-touch status is current.
  core::Status Contacts(Oc3Status& oc3) {
    constexpr Table kT = Table::kContactLog;
    const bool open = s_.person.open_at(cutover_);
    const core::Date last = open ? AddDays(cutover_, -rng_.Between(1, 56)) : *s_.person.closed;
    const int64_t span = std::max<int64_t>(1, last.days - s_.person.referred.days);
    const int64_t count = rng_.Between(2, 6);
    std::vector<int64_t> offsets;
    for (int64_t k = 0; k + 1 < count; ++k) offsets.push_back(rng_.Below(span));
    std::sort(offsets.begin(), offsets.end());
    offsets.push_back(span);
    static const std::vector<std::string> kTypes = {"Phone", "Visit",  "Home visit",
                                                    "Text",  "Office", "email"};
    static const std::vector<std::string> kNotes = {
        "Discussed pathway plan",        "Spoke about college course",
        "Rent arrears discussed",        "Did not answer, left message",
        "Supported with benefits claim", "Attended appointment with PA"};
    for (int64_t offset : offsets) {
      const core::Date on = AddDays(s_.person.referred, offset);
      const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
      const bool deleted = rng_.Chance(rates::kContactDeleted);
      const CodedValue in_touch = DrawCode(InTouchCodes(), {750, 120, 2, 50, 40, 38}, rng_);
      w_.Int(kT, w_.rows(kT) + 1);
      w_.Text(kT, s_.person.CiteRef(rng_));
      w_.Text(kT, KeyDate(on, bad_date, rng_));
      w_.Text(kT, rng_.Pick(kTypes));
      w_.Text(kT, in_touch.provider_text);
      w_.Text(kT, WorkerNameAsTyped(rng_.Between(1, WorkerCount(s_.factory.people())), rng_));
      std::string note = rng_.Pick(kNotes);
      if (rng_.Chance(rates::kNoteWin1252)) note = WithWin1252Accent(note + " cafe", rng_);
      w_.Text(kT, note);
      w_.Int(kT, deleted ? 1 : 0);
      HANDOVER_RETURN_IF_ERROR(w_.EndRow(kT));
      const Outcome outcome = RowOutcome(deleted, cited_, OwnOutcome(bad_date, !in_touch.council_code.empty()));
      s_.key.Count(kT, outcome);
      if (outcome.loaded()) oc3.in_touch = in_touch.council_code;  // the latest loaded wins
    }
    return core::Status::Ok();
  }

  core::Status Plans() {
    const core::Date last = s_.person.open_at(cutover_) ? AddDays(cutover_, -1) : *s_.person.closed;
    static const std::vector<std::string> kOutcomes = {"Plan updated", "No change", "Plan updated ",
                                                       "Young person did not attend"};
    for (core::Date plan_on = AddDays(s_.person.referred, rng_.Between(7, 60)); plan_on <= last;
         plan_on = AddDays(plan_on, rng_.Between(300, 730))) {
      constexpr Table kT = Table::kPathwayPlan;
      const int64_t plan_id = w_.rows(kT) + 1;
      const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
      w_.Int(kT, plan_id);
      w_.Text(kT, s_.person.CiteRef(rng_));
      w_.Text(kT, KeyDate(plan_on, bad_date, rng_));
      w_.Text(kT, FormatLegacyDate(AddDays(plan_on, 182), rng_));
      const bool current = rng_.Below(3) != 0;
      w_.Text(kT, current ? "Current" : "Superseded");
      HANDOVER_RETURN_IF_ERROR(w_.EndRow(kT));
      const Outcome plan = RowOutcome(
          false, cited_, bad_date ? Outcome::Rejected("unreadable_date") : Outcome::Loaded());
      s_.key.Count(kT, plan);
      if (plan.loaded()) s_.key.day_one().Plan(plan_on, AddDays(plan_on, 182), current);
      // A review cites its plan: it cannot load when the plan does not.
      const Outcome plan_cited = plan.loaded() ? plan
                                 : plan.kind == OutcomeKind::kExcluded
                                     ? Outcome::Excluded("parent_excluded")
                                     : Outcome::Rejected("parent_rejected");
      core::Date review_on = plan_on;
      for (int64_t r = rng_.Between(0, 2); r > 0; --r) {
        review_on = AddDays(review_on, rng_.Between(120, 200));
        if (review_on > last) break;
        constexpr Table kR = Table::kPlanReview;
        const bool bad_review_date = rng_.Chance(rates::kUnreadableKeyDate);
        w_.Int(kR, w_.rows(kR) + 1);
        w_.Int(kR, plan_id);
        w_.Text(kR, KeyDate(review_on, bad_review_date, rng_));
        w_.Text(kR, WorkerNameAsTyped(rng_.Between(1, WorkerCount(s_.factory.people())), rng_));
        w_.Text(kR, rng_.Pick(kOutcomes));
        HANDOVER_RETURN_IF_ERROR(w_.EndRow(kR));
        s_.key.Count(kR, RowOutcome(false, plan_cited,
                                    bad_review_date ? Outcome::Rejected("unreadable_date")
                                                    : Outcome::Loaded()));
      }
    }
    return core::Status::Ok();
  }

  core::Status Accommodation(Oc3Status& oc3) {
    constexpr Table kT = Table::kAccomHistory;
    for (const Episode& e : Episodes(s_.person, cutover_, 4, rng_)) {
      //                                      B   C  D   E   G H K  R  S  T  U   V  W  X  Y  Z
      const CodedValue type =
          DrawCode(AccomTypeCodes(), {10, 3, 20, 8, 1, 1, 4, 2, 4, 5, 25, 2, 2, 2, 3, 8}, rng_);
      const bool always_unsuitable = type.council_code == "S" || type.council_code == "X";
      // The provider sometimes marked custody or no fixed abode as suitable;
      // the council's rule says they never are.
      const bool suitable = always_unsuitable ? rng_.Below(3) == 0 : rng_.Below(100) < 85;
      const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
      w_.Int(kT, w_.rows(kT) + 1);
      w_.Text(kT, s_.person.CiteRef(rng_));
      w_.Text(kT, type.provider_text);
      w_.Text(kT, rng_.Pick(suitable ? SuitableYes() : SuitableNo()));
      w_.Text(kT, KeyDate(e.start, bad_date, rng_));
      w_.Text(kT, OptionalDate(e.end, rng_));
      HANDOVER_RETURN_IF_ERROR(w_.EndRow(kT));
      const Outcome outcome = RowOutcome(false, cited_, OwnOutcome(bad_date, !type.council_code.empty()));
      s_.key.Count(kT, outcome);
      if (outcome.loaded() && Covers(e, cutover_))
        oc3.accommodation = type.council_code + (suitable && !always_unsuitable ? "1" : "2");
    }
    return core::Status::Ok();
  }

  core::Status Activity(Oc3Status& oc3) {
    constexpr Table kT = Table::kEetHistory;
    for (const Episode& e : Episodes(s_.person, cutover_, 4, rng_)) {
      //                                     F1 P1  F2 P2  F4 P4 F5 P5  G4 G5 G6  0
      const CodedValue activity =
          DrawCode(ActivityCodes(), {6, 1, 20, 4, 15, 8, 2, 2, 20, 6, 6, 10}, rng_);
      const bool bad_date = rng_.Chance(rates::kUnreadableKeyDate);
      w_.Int(kT, w_.rows(kT) + 1);
      w_.Text(kT, s_.person.CiteRef(rng_));
      w_.Text(kT, activity.provider_text);
      w_.Text(kT, KeyDate(e.start, bad_date, rng_));
      w_.Text(kT, OptionalDate(e.end, rng_));
      HANDOVER_RETURN_IF_ERROR(w_.EndRow(kT));
      const Outcome outcome = RowOutcome(false, cited_, OwnOutcome(bad_date, !activity.council_code.empty()));
      s_.key.Count(kT, outcome);
      if (outcome.loaded() && Covers(e, cutover_)) oc3.activity = activity.council_code;
    }
    return core::Status::Ok();
  }

 private:
  PersonScope& s_;
  ProviderWriter& w_;
  Rng rng_;
  core::Date cutover_;
  Outcome cited_;
};

}  // namespace

core::Status WriteHistory(PersonScope& scope) {
  HistoryWriter history(scope,
                        PersonRng(scope.factory.seed(), scope.person.index, Stream::kHistory));
  Oc3Status oc3;
  HANDOVER_RETURN_IF_ERROR(history.Allocations());
  HANDOVER_RETURN_IF_ERROR(history.Contacts(oc3));
  HANDOVER_RETURN_IF_ERROR(history.Plans());
  HANDOVER_RETURN_IF_ERROR(history.Accommodation(oc3));
  HANDOVER_RETURN_IF_ERROR(history.Activity(oc3));
  const Person& person = scope.person;
  const core::Date cutover = scope.factory.cutover();
  const int age = AgeOn(person.dob, cutover);
  if (person.fate == Fate::kReal && person.open_at(cutover) && age >= 17 && age <= 25)
    scope.key.CohortPerson(person.ref, oc3.in_touch, oc3.activity, oc3.accommodation);
  return core::Status::Ok();
}

}  // namespace handover::generator
