// Payments: a person's recurring pay schedules and their instalments, the
// one-off grants, refunds, and the balances the provider held — and the
// cut-over outcome of each (historic lines, open arrangements from the first
// period the provider did not pay, opening balances).
#pragma once

#include "generator/people.h"

namespace handover::generator {

class AnswerKey;
class ProviderWriter;

// Everything a person's generators write through.
struct PersonScope {
  const Person& person;
  const PeopleFactory& factory;
  ProviderWriter& writer;
  AnswerKey& key;
  int64_t& orphan_refs_used;  // running count of orphan references handed out
};

// Writes pay_schedule, payment and balance_held rows for the person.
core::Status WritePayments(PersonScope& scope);

}  // namespace handover::generator
