// Staff: the provider's workers (PAs and managers) and the free-text ways
// its case notes and allocations name them.
#pragma once

#include <cstdint>
#include <string>

#include "generator/random.h"
#include "core/status.h"

namespace handover::generator {

class AnswerKey;
class ProviderWriter;

// How many workers the provider has for `people` identities (one PA for
// about forty young people, at least eight).
int64_t WorkerCount(int64_t people);
// The canonical "Forename Surname" of worker `id` (1-based); distinct per id.
std::string WorkerName(int64_t id);
// How a case worker typed that name: case, spaces, "Surname, Forename",
// a "(PA)" suffix. Every form resolves to the worker under the documented
// rule (docs/provider-database.md, "PA names").
std::string WorkerNameAsTyped(int64_t id, Rng& rng);
// A name that resolves to nobody on the staff list ("Agency PA", "tbc").
std::string UnknownWorkerName(Rng& rng);

// Writes the worker table and the provider's code table.
core::Status WriteReferenceTables(uint64_t seed, int64_t people, ProviderWriter& writer, AnswerKey& key);

}  // namespace handover::generator
