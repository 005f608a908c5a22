// Payments: a person's recurring pay schedules and their instalments, the
// one-off grants, refunds, and the balances the provider held — and the
// cut-over outcome of each (historic lines, open arrangements from the first
// period the provider did not pay, opening balances).
#pragma once

#include "extract/generator/people.h"

namespace handover::generator {

class AnswerKey;
class TableWriter;

// Everything a person's generators write through.
struct PersonScope {
  const Person& person;
  const PeopleFactory& factory;
  TableWriter& writer;
  AnswerKey& key;
  int64_t& orphan_refs_used;  // running count of orphan references handed out
};

// Writes pay_schedule, payment and balance_held rows for the person.
Status WritePayments(PersonScope& scope);

}  // namespace handover::generator
