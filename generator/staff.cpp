#include "generator/staff.h"

#include <algorithm>

#include "generator/answer_key.h"
#include "generator/codes.h"
#include "generator/legacy_text.h"
#include "generator/names.h"
#include "generator/provider_writer.h"

namespace handover::generator {
namespace {

const std::vector<std::string>& AllForenames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& group : ForenamesByInitial())
      names.insert(names.end(), group.begin(), group.end());
    return names;
  }();
  return kNames;
}

// Worker j's forename and surname indices: one-to-one for j below the product.
std::pair<const std::string&, const std::string&> WorkerParts(int64_t id) {
  const auto& forenames = AllForenames();
  const uint64_t j = static_cast<uint64_t>(id - 1) * 7919;  // spread over both lists
  const uint64_t combos = forenames.size() * Surnames().size();
  const uint64_t k = j % combos;
  return {forenames[k % forenames.size()], Surnames()[k / forenames.size()]};
}

}  // namespace

int64_t WorkerCount(int64_t people) {
  const int64_t most = static_cast<int64_t>(AllForenames().size() * Surnames().size());
  return std::clamp<int64_t>(people / 40, 8, most);
}

std::string WorkerName(int64_t id) {
  const auto [forename, surname] = WorkerParts(id);
  return forename + " " + surname;
}

std::string WorkerNameAsTyped(int64_t id, Rng& rng) {
  const auto [forename, surname] = WorkerParts(id);
  switch (rng.Weighted({50, 20, 15, 15})) {
    case 0:
      return forename + " " + surname;
    case 1:
      return MessyName(forename + " " + surname, rng);
    case 2:
      return surname + ", " + forename;
    default:
      return forename + " " + surname + " (PA)";
  }
}

std::string UnknownWorkerName(Rng& rng) {
  static const std::vector<std::string> kNames = {"Agency PA", "tbc", "Duty worker", "?"};
  return rng.Pick(kNames);
}

core::Status WriteReferenceTables(uint64_t seed, int64_t people, ProviderWriter& writer, AnswerKey& key) {
  Rng rng(seed, 0x57AFFULL);
  const int64_t workers = WorkerCount(people);
  static const std::vector<std::string> kTitles = {"Personal Adviser", "PA", "Personal Adviser",
                                                   "Senior PA", "Team Manager"};
  for (int64_t id = 1; id <= workers; ++id) {
    writer.Int(Table::kWorker, id);
    writer.Text(Table::kWorker, WorkerName(id));
    writer.Text(Table::kWorker, rng.Pick(kTitles));
    const bool active = rng.Below(5) != 0;
    writer.Text(Table::kWorker, active ? "Y" : "N");
    HANDOVER_RETURN_IF_ERROR(writer.EndRow(Table::kWorker));
    key.Count(Table::kWorker, Outcome::Loaded());
    key.day_one().Worker(id, WorkerName(id), active);
  }
  for (const ProviderCodeRow& row : ProviderCodeTable()) {
    writer.Text(Table::kCodeLookup, row.code_type);
    writer.Text(Table::kCodeLookup, row.code);
    writer.Text(Table::kCodeLookup, row.description);
    writer.Text(Table::kCodeLookup, "Y");
    HANDOVER_RETURN_IF_ERROR(writer.EndRow(Table::kCodeLookup));
    // The council keeps SSDA903 code sets of its own; the provider's lookup
    // informs the mapping, it is not migrated.
    key.Count(Table::kCodeLookup, Outcome::Excluded("provider_code_table"));
  }
  return core::Status::Ok();
}

}  // namespace handover::generator
