#include "reports/oc3_source.h"
#include "reports/query_text.h"

#include <set>

namespace handover::reports {
namespace {

std::optional<core::Date> DateOf(const core::Value& v) {
  if (const auto* d = std::get_if<core::Date>(&v)) return *d;
  return std::nullopt;
}

// Legacy references of people to council ids, and those the run merged.
struct People {
  std::unordered_map<std::string, int64_t> ids;
  std::set<std::string> merged;
  std::unordered_map<std::string, int64_t> unknown;  // legacy ref -> negative id
  int64_t Id(const std::string& ref) {
    if (auto it = ids.find(ref); it != ids.end()) return it->second;
    auto [it, added] = unknown.emplace(ref, -static_cast<int64_t>(unknown.size()) - 1);
    return it->second;
  }
};

core::Result<People> ReadPeople(db::Database& target, const PersonIdentity& identity) {
  People people;
  const std::string q = db::Database::QuoteLiteral(identity.entity);
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(legacy_key AS VARCHAR(200)), CAST(council_id AS VARCHAR(24)) FROM migration_crosswalk "
      "WHERE legacy_system = " + db::Database::QuoteLiteral(identity.legacy_system) + " AND entity = " + q,
      2, "reading the people's crosswalk for the OC3 figures",
      [&](std::vector<std::string>& row) { people.ids.emplace(std::move(row[0]), IntFromText(row[1])); }));
  HANDOVER_RETURN_IF_ERROR(target.ForEachRow(
      "SELECT CAST(legacy_key AS VARCHAR(200)) FROM migration_ledger WHERE run_id = " +
          std::to_string(identity.run_id) + " AND mapping = " + q + " AND outcome = 'merged'",
      1, "reading the merged people for the OC3 figures",
      [&](std::vector<std::string>& row) { people.merged.insert(std::move(row[0])); }));
  return people;
}

std::string Text(const core::Value& v) { return core::IsNull(v) ? std::string() : core::ToText(v); }

}  // namespace

core::Result<Oc3Figures> ComputeOc3FromSource(db::Database& source, const core::Catalog& catalog,
                                              db::Database& target, const Measures& measures, core::Date at,
                                              const PersonIdentity& identity, size_t batch_size,
                                              std::unordered_map<int64_t, std::string>& labels) {
  auto people = ReadPeople(target, identity);
  if (!people.ok()) return people.status();
  Oc3Builder builder(at);
  // A measure row counts when its mapping's rules keep it (a record with no
  // readable date or code is no information, on either side).
  const auto usable = [](const transform::RowOutcome& o) {
    return o.kind == transform::OutcomeKind::kLoaded && !o.target_rows.empty() && o.target_rows[0];
  };
  for (const transform::CompiledMapping* m : measures.oc3_person)
    HANDOVER_RETURN_IF_ERROR(ForEachMeasureRow(
        source, catalog, *m, batch_size,
        [&](int64_t, std::optional<std::string>, const transform::RowOutcome& o) -> core::Status {
          if (!usable(o)) return core::Status::Ok();
          const auto& v = *o.target_rows[0];  // person, date_of_birth, case_open
          const std::string ref = Text(v[0]);
          if (ref.empty() || people->merged.count(ref)) return core::Status::Ok();
          const int64_t id = people->Id(ref);
          const bool* open = std::get_if<bool>(&v[2]);
          builder.AddPerson(id, DateOf(v[1]), open && *open);
          if (builder.InCohort(id)) labels.emplace(id, ref);
          return core::Status::Ok();
        }));
  const std::pair<const std::vector<const transform::CompiledMapping*>*, Oc3Builder::Stream> streams[] = {
      {&measures.oc3_contact, Oc3Builder::kInTouch},
      {&measures.oc3_activity, Oc3Builder::kActivity},
      {&measures.oc3_accommodation, Oc3Builder::kAccommodation}};
  for (const auto& [mappings, stream] : streams)
    for (const transform::CompiledMapping* m : *mappings)
      HANDOVER_RETURN_IF_ERROR(ForEachMeasureRow(
          source, catalog, *m, batch_size,
          [&, stream = stream](int64_t ordinal, std::optional<std::string>,
                               const transform::RowOutcome& o) -> core::Status {
            if (!usable(o)) return core::Status::Ok();
            const auto& v = *o.target_rows[0];  // person, date [, end date], code
            const std::string ref = Text(v[0]);
            if (ref.empty()) return core::Status::Ok();
            const int64_t id = people->Id(ref);
            const bool episode = stream != Oc3Builder::kInTouch;
            const auto start = DateOf(v[1]);
            const std::string code = Text(v[episode ? 3 : 2]);
            if (!start || code.empty() || !builder.InCohort(id)) return core::Status::Ok();
            builder.AddRecord(stream, id, *start, episode ? DateOf(v[2]) : std::nullopt, episode, ordinal, code);
            return core::Status::Ok();
          }));
  auto eet = ReadEetCodes(target);
  if (!eet.ok()) return eet.status();
  return builder.Finish(*eet);
}

StatutoryComparison CompareOc3(Oc3Figures source, const Oc3Figures& target,
                               const std::unordered_map<int64_t, std::string>& labels) {
  StatutoryComparison c;
  const auto figure = [&](const std::string& name, int64_t before, int64_t after) {
    if (before != after)
      c.differences.push_back(name + ": " + std::to_string(before) + " in the source, " + std::to_string(after) +
                              " migrated");
  };
  figure("cohort", source.cohort, target.cohort);
  figure("in touch (IN_TOUCH YES)", source.in_touch_yes, target.in_touch_yes);
  figure("in education, employment or training", source.in_eet, target.in_eet);
  figure("in suitable accommodation", source.in_suitable, target.in_suitable);
  const auto by_code = [&](const std::string& name, const std::map<std::string, int64_t>& before,
                           const std::map<std::string, int64_t>& after) {
    std::set<std::string> codes;
    for (const auto& [code, n] : before) codes.insert(code);
    for (const auto& [code, n] : after) codes.insert(code);
    for (const std::string& code : codes) {
      const auto b = before.find(code), a = after.find(code);
      figure(name + " " + code, b == before.end() ? 0 : b->second, a == after.end() ? 0 : a->second);
    }
  };
  by_code("IN_TOUCH", source.in_touch, target.in_touch);
  by_code("ACTIV", source.activity, target.activity);
  by_code("ACCOM", source.accommodation, target.accommodation);

  const auto label = [&](int64_t id) {
    const auto it = labels.find(id);
    if (id < 0) return "legacy " + (it == labels.end() ? std::string("?") : it->second);
    return "council id " + std::to_string(id) + (it == labels.end() ? "" : " (legacy " + it->second + ")");
  };
  const auto note = [&](int64_t id, std::string figure, std::string before, std::string after) {
    ++c.people_differing;
    if (c.people.size() < kPeopleListed) c.people.push_back({label(id), std::move(figure), std::move(before), std::move(after)});
  };
  static const char* kNames[] = {"IN_TOUCH", "ACTIV", "ACCOM"};
  // In a stable order (by id), so that two rehearsals list the same people.
  std::map<int64_t, const std::array<std::string, 3>*> before(
      {}), after({});
  for (const auto& [id, codes] : source.codes_by_person) before.emplace(id, &codes);
  for (const auto& [id, codes] : target.codes_by_person) after.emplace(id, &codes);
  for (const auto& [id, codes] : before) {
    const auto other = after.find(id);
    if (other == after.end()) {
      note(id, "cohort", "member", "not in cohort");
      continue;
    }
    for (size_t s = 0; s < 3; ++s)
      if ((*codes)[s] != (*other->second)[s]) note(id, kNames[s], (*codes)[s], (*other->second)[s]);
  }
  for (const auto& [id, codes] : after)
    if (!before.count(id)) note(id, "cohort", "not in cohort", "member");
  c.source = std::move(source);
  return c;
}

}  // namespace handover::reports
