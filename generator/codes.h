// The council's code sets (SSDA903 IN_TOUCH, ACTIV, ACCOM and the finance
// payment types) and the provider's own spellings of each, as the generator
// writes them. The provider-to-council table here is the one the leaving
// care mapping set must implement (docs/provider-database.md lists it):
// a provider value matches after trimming spaces and ignoring ASCII case.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/value.h"

namespace handover::generator {

// One council code and the provider spellings that mean it.
struct CodeVariants {
  std::string council_code;
  std::vector<std::string> provider_values;
};

// Council finance payment types.
enum class PayType {
  kWeeklyAllowance,
  kRent,
  kStayingPut,
  kSupportedLodgings,  // recurring
  kSettingUpHome,
  kHeBursary,
  kBirthdayGrant,
  kFestivalGrant,
  kEmergency,  // one-off
};
constexpr int kPayTypeCount = 9;

const CodeVariants& PayTypeCodes(PayType type);
inline const std::string& PayTypeCode(PayType type) { return PayTypeCodes(type).council_code; }

// Each code set: council code first, then the provider's spellings.
const std::vector<CodeVariants>& InTouchCodes();    // YES, NO, DIED, REFU, NREQ, RHOM
const std::vector<CodeVariants>& ActivityCodes();   // F1 ... G6, 0
const std::vector<CodeVariants>& AccomTypeCodes();  // B ... Z (letter only)
const std::vector<CodeVariants>& FrequencyCodes();  // WEEKLY, FOUR_WEEKLY

// Provider values that map to no council code (each rejected 'unmapped_code').
const std::vector<std::string>& UnmappedValues();

// The provider's suitability column: spellings of suitable (1) / unsuitable (2).
const std::vector<std::string>& SuitableYes();
const std::vector<std::string>& SuitableNo();

// True for ACTIV codes counted as in education, employment or training.
bool IsEetActivity(const std::string& code);

// Rows for the provider's own code table: (code_type, code, description).
struct ProviderCodeRow {
  std::string code_type, code, description;
};
std::vector<ProviderCodeRow> ProviderCodeTable();

}  // namespace handover::generator

namespace handover::generator {

// Balances the provider held: council code and provider spellings.
const CodeVariants& SetUpHomeBalanceCodes();  // SETTING_UP_HOME
const CodeVariants& SavingsBalanceCodes();    // SAVINGS_HELD

// The setting-up-home allowance in pence for a grant starting on `date`
// (raised from £2,000 to £3,000 from 1 April 2023).
int64_t SetUpHomeEntitlement(core::Date date);

}  // namespace handover::generator
