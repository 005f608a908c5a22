#include "generator/people.h"

#include <cstdio>
#include <numeric>

#include "generator/answer_key.h"
#include "generator/calendar.h"
#include "generator/legacy_text.h"
#include "generator/names.h"
#include "generator/provider_schema.h"
#include "generator/rates.h"
#include "generator/provider_writer.h"

namespace handover::generator {
namespace {

// Dates of birth span ages 16y1m to 30y at the cut-over: over ten years of
// referrals at 16-18 before it, and a reporting cohort (17-25) inside.
constexpr int kOldestAge = 30;
constexpr int kYoungestDaysAfter16 = 31;

uint64_t NameCombos() { return ForenamesByInitial().size() * Surnames().size(); }

Fate DrawFate(Rng& rng) {
  switch (rng.Weighted({rates::kTestRecord, rates::kSoftDeleted, rates::kArchived,
                        rates::kUnreadableDob, rates::kMissingKey,
                        1000000 - rates::kTestRecord - rates::kSoftDeleted - rates::kArchived -
                            rates::kUnreadableDob - rates::kMissingKey})) {
    case 0:
      return Fate::kTestRecord;
    case 1:
      return Fate::kSoftDeleted;
    case 2:
      return Fate::kArchived;
    case 3:
      return Fate::kUnreadableDob;
    case 4:
      return Fate::kMissingKey;
    default:
      return Fate::kReal;
  }
}

std::string StatusText(bool open, Rng& rng) {
  static const std::vector<std::string> kOpen = {"OPEN", "Open", "open ", "OPEN"};
  static const std::vector<std::string> kClosed = {"CLOSED", "Closed", "closed", "CLOSED "};
  return rng.Pick(open ? kOpen : kClosed);
}

std::string Gender(Rng& rng) {
  static const std::vector<std::string> kValues = {"M", "F", "Male", "Female", "m", "f", ""};
  return rng.Pick(kValues);
}

std::string NameAsTyped(const std::string& name, Rng& rng) {
  std::string out = rng.Chance(rates::kNameWin1252) ? WithWin1252Accent(name, rng) : name;
  return MessyName(out, rng);
}

}  // namespace

Outcome Person::CitedOutcome() const {
  switch (fate) {
    case Fate::kReal:
      return Outcome::Loaded();
    case Fate::kTestRecord:
    case Fate::kSoftDeleted:
    case Fate::kArchived:
      return Outcome::Excluded("parent_excluded");
    case Fate::kUnreadableDob:
      return Outcome::Rejected("parent_rejected");
    case Fate::kMissingKey:
      return Outcome::Rejected("orphan");  // no client row has this ref
  }
  return Outcome::Loaded();
}

std::string Person::CiteRef(Rng& rng) const {
  const bool use_duplicate = !duplicate_ref.empty() && rng.Chance(rates::kDuplicateRowsUseDupRef);
  return MessyRef(use_duplicate ? duplicate_ref : ref, rng);
}

PeopleFactory::PeopleFactory(uint64_t seed, int64_t people, core::Date cutover)
    : seed_(seed), people_(people), cutover_(cutover) {
  dob_first_ = AddYears(cutover, -kOldestAge);
  const core::Date dob_last = AddDays(AddYears(cutover, -16), -kYoungestDaysAfter16);
  const uint64_t days = static_cast<uint64_t>(dob_last.days - dob_first_.days + 1);
  space_ = days * NameCombos();
  // An affine permutation of the identity space: index -> (DOB, initial,
  // surname) is one-to-one, so no two identities share a match key.
  Rng rng(seed, 0xFAC7051ULL);
  multiplier_ = space_ / 3 + rng.Below(space_ / 3);
  while (std::gcd(multiplier_, space_) != 1) ++multiplier_;
  offset_ = rng.Below(space_);
}

core::Result<PeopleFactory> PeopleFactory::Create(uint64_t seed, int64_t people, core::Date cutover) {
  PeopleFactory factory(seed, people, cutover);
  if (static_cast<uint64_t>(people) > factory.space_)
    return core::Status::Error(core::ErrorCode::kUsage,
                         "--people " + std::to_string(people) + " is more than the " +
                             std::to_string(factory.space_) +
                             " distinct people the generator's name lists can hold; use fewer");
  return factory;
}

std::string PeopleFactory::Ref(int64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "LC%07lld", static_cast<long long>(n));
  return buf;
}

Person PeopleFactory::Make(int64_t index) const {
  Person person;
  person.index = index;
  Rng rng = PersonRng(seed_, index, Stream::kIdentity);
  const uint64_t slot = static_cast<uint64_t>(
      (static_cast<unsigned __int128>(multiplier_) * static_cast<uint64_t>(index) + offset_) %
      space_);
  const uint64_t combo = slot % NameCombos();
  person.dob = AddDays(dob_first_, static_cast<int64_t>(slot / NameCombos()));
  const auto& initials = ForenamesByInitial();
  const auto& forenames = initials[combo / Surnames().size()];
  person.forename = forenames[rng.Below(forenames.size())];
  person.surname = Surnames()[combo % Surnames().size()];
  person.fate = DrawFate(rng);
  person.ref = Ref(index + 1);
  if (person.fate == Fate::kReal && rng.Chance(rates::kDuplicate))
    person.duplicate_ref = Ref(people_ + 1 + index);

  const core::Date sixteen = AddYears(person.dob, 16);
  person.referred = AddDays(sixteen, rng.Between(0, 730));
  if (person.referred > AddDays(cutover_, -30)) person.referred = AddDays(cutover_, -30);
  core::Date closed;
  switch (rng.Weighted({70, 25, 5})) {
    case 0:
      closed = AddYears(person.dob, 21);
      break;
    case 1:
      closed = AddYears(person.dob, 25);
      break;  // stayed on in education
    default:
      closed = AddDays(AddYears(person.dob, 18), rng.Between(0, 1095));
      break;
  }
  if (closed <= person.referred) closed = AddDays(person.referred, 180);
  if (closed <= cutover_) person.closed = closed;
  return person;
}

core::Status WriteClientRows(const Person& person, const PeopleFactory& factory, Rng& rng,
                       ProviderWriter& writer, AnswerKey& key) {
  constexpr Table kT = Table::kClient;
  const core::Date cutover = factory.cutover();
  const bool open = person.open_at(cutover);
  std::string forename = NameAsTyped(person.forename, rng);
  std::string surname = NameAsTyped(person.surname, rng);
  if (person.fate == Fate::kTestRecord) {
    static const std::vector<std::string> kSurnames = {"TEST", "Test", "TESTING", "Test Client"};
    static const std::vector<std::string> kForenames = {"Do Not Use", "Test", "Training"};
    surname = rng.Pick(kSurnames);
    forename = rng.Pick(kForenames);
  }
  writer.Int(kT, person.index + 1);
  if (person.fate == Fate::kMissingKey)
    writer.Null(kT);
  else
    writer.Text(kT, person.ref);
  writer.Text(kT, forename);
  writer.Text(kT, surname);
  writer.Text(kT, person.fate == Fate::kUnreadableDob ? UnreadableDate(person.dob, rng)
                                                      : FormatLegacyDate(person.dob, rng));
  writer.Text(kT, Gender(rng));
  writer.Text(kT, person.fate == Fate::kArchived ? "ARCHIVED" : StatusText(open, rng));
  writer.Text(kT, FormatLegacyDate(person.referred, rng));
  writer.Text(kT, person.closed ? FormatLegacyDate(*person.closed, rng) : "");
  if (person.fate == Fate::kSoftDeleted)
    writer.Int(kT, 1);
  else if (rng.Below(10) == 0)
    writer.Null(kT);  // never set on old rows: not deleted
  else
    writer.Int(kT, 0);
  writer.Text(kT, rng.Below(20) == 0 ? WithWin1252Accent("Referred by the council", rng) : "");
  HANDOVER_RETURN_IF_ERROR(writer.EndRow(kT));

  switch (person.fate) {
    case Fate::kReal:
      key.Count(kT, Outcome::Loaded());
      break;
    case Fate::kTestRecord:
      key.Count(kT, Outcome::Excluded("test_record"));
      break;
    case Fate::kSoftDeleted:
      key.Count(kT, Outcome::Excluded("soft_deleted"));
      break;
    case Fate::kArchived:
      key.Count(kT, Outcome::Excluded("archived"));
      break;
    case Fate::kUnreadableDob:
      key.Count(kT, Outcome::Rejected("unreadable_dob"));
      break;
    case Fate::kMissingKey:
      key.Count(kT, Outcome::Rejected("missing_key"));
      break;
  }
  if (person.duplicate_ref.empty()) return core::Status::Ok();

  // The same young person registered again later, under a new reference,
  // with the name spelled differently: a later client_id, so the rule's
  // survivor (lowest client_id) is the first registration.
  writer.Int(kT, factory.people() + 1 + person.index);
  writer.Text(kT, person.duplicate_ref);
  writer.Text(kT, MessyName(ForenameVariant(person.forename, rng.Below(2)), rng));
  writer.Text(kT, MessyName(SurnameVariant(person.surname, rng), rng));
  writer.Text(kT, FormatLegacyDate(person.dob, rng));
  writer.Text(kT, Gender(rng));
  writer.Text(kT, StatusText(open, rng));
  writer.Text(kT, FormatLegacyDate(AddDays(person.referred, rng.Between(1, 25)), rng));
  writer.Text(kT, person.closed ? FormatLegacyDate(*person.closed, rng) : "");
  writer.Int(kT, 0);
  writer.Text(kT, "");
  HANDOVER_RETURN_IF_ERROR(writer.EndRow(kT));
  key.Count(kT, Outcome::Merged());
  return core::Status::Ok();
}

}  // namespace handover::generator
