// Figures as people read them in the reports: whole numbers with thousands
// separators and pence as pounds, by exact integer arithmetic (money is never
// a floating-point value anywhere in handover).
#pragma once

#include <cstdint>
#include <string>

namespace handover::reports {

// 1234567 -> "1,234,567", -1000 -> "-1,000"; every int64_t value, its
// minimum included.
std::string Grouped(int64_t number);

// Pence as pounds: 107271660 -> "£1,072,716.60", -1250 -> "-£12.50" (the
// pound sign in UTF-8).
std::string Pounds(int64_t pence);

// A count `part` (0 or more) as a percentage of `whole`, one decimal,
// rounded half up as Oc3Figures::Percent does: (1, 3) -> "33.3", (1, 8) ->
// "12.5"; "0.0" when `whole` is not positive.
std::string PercentOf(int64_t part, int64_t whole);

}  // namespace handover::reports
