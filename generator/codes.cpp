#include "generator/codes.h"

namespace handover::generator {

const CodeVariants& PayTypeCodes(PayType type) {
  // "Staying put"/"SP" and "Supp. Lodgings" also appear as accommodation
  // types: the same provider text means different things per column.
  static const std::vector<CodeVariants> kCodes = {
      {"WEEKLY_ALLOWANCE", {"WA", "Weekly Allowance", "allowance", "WKLY ALLOW"}},
      {"RENT", {"RENT", "Rent", "Rent top-up"}},
      {"STAYING_PUT", {"SP", "Staying put", "STAYPUT"}},
      {"SUPPORTED_LODGINGS", {"SL", "Supp. Lodgings", "Supported Lodgings"}},
      {"SETTING_UP_HOME", {"SUHA", "Setting up home", "Leaving care grant"}},
      {"HE_BURSARY", {"HEB", "HE Bursary", "Uni bursary"}},
      {"BIRTHDAY_GRANT", {"BDAY", "Birthday"}},
      {"FESTIVAL_GRANT", {"FEST", "Festival grant", "Xmas"}},
      {"EMERGENCY", {"EMG", "Emergency", "Crisis payment"}},
  };
  return kCodes[static_cast<size_t>(type)];
}

const std::vector<CodeVariants>& InTouchCodes() {
  static const std::vector<CodeVariants> kCodes = {
      {"YES", {"Yes", "in touch - phone", "in touch - visit", "Y", "IT"}},
      {"NO", {"No", "not in touch", "N", "NIT"}},
      {"DIED", {"Died"}},
      {"REFU", {"Refused", "refuses contact"}},
      {"NREQ", {"No longer requires", "NLR"}},
      {"RHOM", {"Returned home", "RH"}},
  };
  return kCodes;
}

const std::vector<CodeVariants>& ActivityCodes() {
  static const std::vector<CodeVariants> kCodes = {
      {"F1", {"University FT", "Uni", "HE full time"}},
      {"P1", {"University PT", "HE part time"}},
      {"F2", {"College FT", "College"}},
      {"P2", {"College PT"}},
      {"F4", {"Full time work", "Apprenticeship", "Employed FT"}},
      {"P4", {"Part time work", "Employed PT"}},
      {"F5", {"NEET - illness FT"}},
      {"P5", {"NEET - disability"}},
      {"G4", {"NEET", "Unemployed"}},
      {"G5", {"NEET - parenting", "Young parent"}},
      {"G6", {"NEET - other"}},
      {"0", {"Not known"}},
  };
  return kCodes;
}

const std::vector<CodeVariants>& AccomTypeCodes() {
  static const std::vector<CodeVariants> kCodes = {
      {"B", {"With parents", "Family"}},
      {"C", {"Childrens home"}},
      {"D", {"Semi-independent", "Supported housing"}},
      {"E", {"Supp. Lodgings", "Supported lodgings"}},
      {"G", {"Abroad"}},
      {"H", {"Deported"}},
      {"K", {"Lodgings"}},
      {"R", {"Not known"}},
      {"S", {"NFA", "Homeless", "Sofa surfing"}},
      {"T", {"Foyer"}},
      {"U", {"Own tenancy", "Independent"}},
      {"V", {"Emergency accom"}},
      {"W", {"B&B"}},
      {"X", {"Custody", "HMP"}},
      {"Y", {"Other"}},
      {"Z", {"Staying put", "SP", "Former foster carers"}},
  };
  return kCodes;
}

const std::vector<CodeVariants>& FrequencyCodes() {
  static const std::vector<CodeVariants> kCodes = {
      {"WEEKLY", {"W", "Weekly", "wkly"}},
      {"FOUR_WEEKLY", {"4W", "4 weekly", "Four-weekly"}},
  };
  return kCodes;
}

const std::vector<std::string>& UnmappedValues() {
  static const std::vector<std::string> kValues = {"MISC", "See notes", "???", "tbc"};
  return kValues;
}

const std::vector<std::string>& SuitableYes() {
  static const std::vector<std::string> kValues = {"Y", "Yes", "1"};
  return kValues;
}

const std::vector<std::string>& SuitableNo() {
  static const std::vector<std::string> kValues = {"N", "No", "2"};
  return kValues;
}

bool IsEetActivity(const std::string& code) {
  return code == "F1" || code == "P1" || code == "F2" || code == "P2" || code == "F4" ||
         code == "P4";
}

std::vector<ProviderCodeRow> ProviderCodeTable() {
  // The provider's table only knows its main spelling of each code, as in a
  // real legacy system: the variants live in the data, not in the lookup.
  std::vector<ProviderCodeRow> rows;
  auto add = [&rows](const char* type, const std::vector<CodeVariants>& set) {
    for (const auto& code : set)
      rows.push_back({type, code.provider_values.front(), "maps to " + code.council_code});
  };
  std::vector<CodeVariants> pay;
  for (int t = 0; t < kPayTypeCount; ++t) pay.push_back(PayTypeCodes(static_cast<PayType>(t)));
  add("PAYTYPE", pay);
  add("INTOUCH", InTouchCodes());
  add("ACTIVITY", ActivityCodes());
  add("ACCOM", AccomTypeCodes());
  add("FREQ", FrequencyCodes());
  return rows;
}

}  // namespace handover::generator

namespace handover::generator {

const CodeVariants& SetUpHomeBalanceCodes() {
  static const CodeVariants kCodes = {"SETTING_UP_HOME", {"SUHA", "Setting up home"}};
  return kCodes;
}

const CodeVariants& SavingsBalanceCodes() {
  static const CodeVariants kCodes = {"SAVINGS_HELD", {"SAVINGS", "Savings held"}};
  return kCodes;
}

int64_t SetUpHomeEntitlement(core::Date date) {
  return date >= *core::Date::FromYmd(2023, 4, 1) ? 300000 : 200000;
}

}  // namespace handover::generator
