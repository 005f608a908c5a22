// Case history: PA allocations, contacts (case notes with the in-touch
// status), pathway plans and their reviews, accommodation and education /
// employment episodes — and, for the reporting cohort, the OC3 status at
// the cut-over that the loaded rows imply.
#pragma once

#include "generator/payments.h"

namespace handover::generator {

// Writes the person's history rows and, when they are in the reporting
// cohort, their OC3 status to the answer key.
core::Status WriteHistory(PersonScope& scope);

}  // namespace handover::generator
