// Which columns hold personal data, judged by name: every report and the
// profile pseudonymise values of these columns unless told to show them.
#pragma once

#include <string>

namespace handover::core {

// True for column names that hold personal data: names, dates of birth,
// contact details, identity numbers and free text (notes, comments).
bool IsPersonalColumn(const std::string& column);

}  // namespace handover::core
