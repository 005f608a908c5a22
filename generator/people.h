// People: the truth the generator starts from (who each young person really
// is, when they were referred and closed) and the client rows the provider
// kept for them — including test records, soft deletions, unreadable dates
// of birth, lost references and second registrations of the same person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "generator/outcome.h"
#include "generator/random.h"
#include "core/status.h"
#include "core/value.h"

namespace handover::generator {

class AnswerKey;
class ProviderWriter;

// What the provider's client row for an identity will turn out to be.
enum class Fate {
  kReal,           // a young person who loads
  kTestRecord,     // excluded: test_record
  kSoftDeleted,    // excluded: soft_deleted
  kArchived,       // excluded: archived
  kUnreadableDob,  // rejected: unreadable_dob
  kMissingKey,     // rejected: missing_key (client_ref NULL)
};

// One generated identity, as it really is (before the provider's quirks).
struct Person {
  int64_t index = 0;  // 0-based identity number
  Fate fate = Fate::kReal;
  std::string ref;            // the survivor's reference, e.g. LC0000042
  std::string duplicate_ref;  // non-empty when registered twice
  std::string forename, surname;
  core::Date dob, referred;
  std::optional<core::Date> closed;  // nullopt: case open at the cut-over
  bool open_at(core::Date cutover) const { return !closed || *closed > cutover; }

  // The outcome of any row citing this person, before the row's own checks.
  Outcome CitedOutcome() const;
  // A reference to cite on a child row: the duplicate's some of the time,
  // sometimes lower-cased or padded.
  std::string CiteRef(Rng& rng) const;
};

// Makes identities: the same index and seed give the same person; no two
// identities share a duplicate-matching key (DOB, forename initial, surname
// skeleton), so only planted duplicates match.
class PeopleFactory {
 public:
  // Fails (kUsage) when `people` exceeds what the name lists can keep distinct.
  static core::Result<PeopleFactory> Create(uint64_t seed, int64_t people, core::Date cutover);
  Person Make(int64_t index) const;
  int64_t people() const { return people_; }
  uint64_t seed() const { return seed_; }
  core::Date cutover() const { return cutover_; }
  // A provider reference for number n: "LC" and seven digits.
  static std::string Ref(int64_t n);
  // A reference no client row carries (for orphan rows).
  std::string OrphanRef(int64_t k) const { return Ref(3 * people_ + 1 + k); }

 private:
  PeopleFactory(uint64_t seed, int64_t people, core::Date cutover);
  uint64_t seed_;
  int64_t people_;
  core::Date cutover_;
  core::Date dob_first_;
  uint64_t space_ = 0, multiplier_ = 0, offset_ = 0;
};

// Writes the client row(s) of `person` and counts them in the answer key.
core::Status WriteClientRows(const Person& person, const PeopleFactory& factory, Rng& rng,
                       ProviderWriter& writer, AnswerKey& key);

// Stream ids: each concern of a person draws from its own stream so that
// changing one table's generator leaves the others' output as it was.
enum class Stream : uint64_t { kIdentity = 0, kClient, kHistory, kPayments, kOrphans, kCount };
inline Rng PersonRng(uint64_t seed, int64_t index, Stream stream) {
  return Rng(seed, static_cast<uint64_t>(index) * static_cast<uint64_t>(Stream::kCount) +
                       static_cast<uint64_t>(stream) + 1);
}

}  // namespace handover::generator
