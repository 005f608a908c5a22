// Pass 4 of the profile: candidate duplicate people. In each table with a
// date of birth, a forename and a surname column, rows sharing the name
// match key of docs/provider-database.md (readable date of birth, forename
// initial, surname skeleton) are counted as one person registered more
// than once. One counter per match key (a hash), so memory grows with the
// people, not with the rows of other tables.
#include <string>
#include <unordered_map>

#include "core/ascii.h"
#include "profile/profile_source.h"
#include "profile/text_shape.h"

namespace handover::profile {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The first column of `t` whose name contains one of `markers`, or "".
std::string ColumnNamed(const TableProfile& t, std::initializer_list<const char*> markers) {
  for (const ColumnProfile& c : t.columns)
    for (const char* marker : markers)
      if (core::AsciiLower(c.name).find(marker) != std::string::npos) return c.name;
  return {};
}

}  // namespace

std::string SurnameSkeleton(std::string_view surname) {
  std::string skeleton;
  for (char c : surname) {
    if (!IsAsciiLetter(c)) continue;
    c = core::AsciiLower(c);
    const bool vowel = std::string_view("aeiouy").find(c) != std::string_view::npos;
    if (!skeleton.empty() && vowel) continue;
    if (!skeleton.empty() && skeleton.back() == c) continue;
    skeleton += c;
  }
  return skeleton;
}

core::Status FindDuplicatePeople(db::Database& db, const core::Catalog& catalog, SourceProfile& profile,
                                 size_t batch_size) {
  for (const TableProfile& t : profile.tables) {
    DuplicatePeople d;
    d.table = t.name;
    d.dob_column = ColumnNamed(t, {"dob", "birth"});
    d.forename_column = ColumnNamed(t, {"forename", "first_name", "firstname", "given"});
    d.surname_column = ColumnNamed(t, {"surname", "last_name", "lastname", "family_name"});
    if (d.dob_column.empty() || d.forename_column.empty() || d.surname_column.empty()) continue;
    std::unordered_map<uint64_t, uint32_t> people;
    HANDOVER_RETURN_IF_ERROR(
        ForEachTextRow(db, *catalog.Find(t.name), {d.dob_column, d.forename_column, d.surname_column}, batch_size,
                       [&](const std::vector<const std::string*>& row) {
                         ++d.rows;
                         if (row[0] == nullptr) return;
                         const auto dob = ReadDate(*row[0]);
                         if (!dob) return;
                         ++d.rows_with_dob;
                         char initial = 0;
                         if (row[1] != nullptr)
                           for (char c : *row[1])
                             if (IsAsciiLetter(c)) {
                               initial = core::AsciiLower(c);
                               break;
                             }
                         const std::string key = std::to_string(dob->date.days) + '|' + initial + '|' +
                                                 SurnameSkeleton(row[2] ? *row[2] : std::string());
                         ++people[HashText(key)];
                       })
            .WithContext("looking for duplicate people in " + t.name));
    for (const auto& [key, rows] : people)
      if (rows > 1) {
        ++d.groups;
        d.duplicate_rows += rows - 1;
      }
    profile.duplicates.push_back(std::move(d));
  }
  return core::Status::Ok();
}

}  // namespace handover::profile
