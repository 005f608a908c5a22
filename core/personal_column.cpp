#include "core/personal_column.h"

#include "core/ascii.h"

namespace handover::core {

bool IsPersonalColumn(const std::string& column) {
  const std::string c = AsciiLower(column);
  for (const char* marker : {"name", "dob", "birth", "address", "postcode", "phone", "email", "ni_number", "nhs",
                             // Free text can say anything about a person.
                             "note", "comment", "free_text", "freetext", "narrative"})
    if (c.find(marker) != std::string::npos) return true;
  return false;
}

}  // namespace handover::core
