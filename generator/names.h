// The name lists the generator draws people and staff from. Every surname
// has a distinct NameSkeleton, so two different people can only look alike
// to the duplicate rule when the generator planted the likeness.
#pragma once

#include <string>
#include <vector>

namespace handover::generator {

const std::vector<std::string>& Surnames();
// Forenames grouped by initial: ForenamesByInitial()[k] all start with the
// same letter, distinct from every other group's.
const std::vector<std::vector<std::string>>& ForenamesByInitial();
// A spelling of a forename the provider also used for that person, always
// with the same initial: "Christopher" -> "Chris".
std::string ForenameVariant(const std::string& forename, size_t pick);

}  // namespace handover::generator
