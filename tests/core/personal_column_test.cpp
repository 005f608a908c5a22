// Which columns hold personal data, by name: the rule every report and the
// profile pseudonymise by.
#include <gtest/gtest.h>

#include "core/personal_column.h"

namespace handover::core {
namespace {

TEST(IsPersonalColumn, NamesBirthDatesContactsAndFreeText) {
  for (const char* c : {"forename", "SURNAME", "worker_name", "dob", "date_of_birth", "address_1", "postcode", "email",
                        "notes", "case_comment", "NI_NUMBER"})
    EXPECT_TRUE(IsPersonalColumn(c)) << c;
  for (const char* c : {"client_ref", "amount", "paid_date", "pay_type", "in_touch", "deleted"})
    EXPECT_FALSE(IsPersonalColumn(c)) << c;
}

}  // namespace
}  // namespace handover::core
