// GenerateProvider: validates the options, then streams one person at a
// time through the client, history and payment writers into the provider
// tables, with the answer key counting alongside.
#include <chrono>

#include "generator/answer_key.h"
#include "generator/generator.h"
#include "generator/history.h"
#include "generator/payments.h"
#include "generator/people.h"
#include "generator/provider_schema.h"
#include "generator/staff.h"
#include "generator/provider_writer.h"

namespace handover::generator {
namespace {

core::Status Validate(const GeneratorOptions& options) {
  if (options.people <= 0)
    return core::Status::Error(core::ErrorCode::kUsage, "--people must be at least 1 (got " +
                                                std::to_string(options.people) + ")");
  if (options.cutover < EarliestCutover() || options.cutover > LatestCutover())
    return core::Status::Error(core::ErrorCode::kUsage, "--cutover " + options.cutover.ToIso() +
                                                " is out of range: use a date from " +
                                                EarliestCutover().ToIso() + " to " +
                                                LatestCutover().ToIso());
  if (options.batch_rows == 0)
    return core::Status::Error(core::ErrorCode::kUsage, "batch size must be at least 1");
  if (options.answer_key_path.empty())
    return core::Status::Error(core::ErrorCode::kUsage, "no path for the answer key");
  return core::Status::Ok();
}

core::Status Generate(const GeneratorOptions& options, const PeopleFactory& factory, ProviderWriter& writer,
                AnswerKey& key, db::Database& db) {
  if (options.replace_existing) {
    // Inside the run's transaction: a failed run leaves the old tables.
    for (int t = 0; t < kTableCount; ++t)
      HANDOVER_RETURN_IF_ERROR(
          db.Execute(std::string("DROP TABLE IF EXISTS ") + TableName(static_cast<Table>(t)),
                     "dropping the provider tables to replace them"));
  }
  HANDOVER_RETURN_IF_ERROR(
      db.ExecuteScript(ProviderSchemaSql(db.dialect()), "creating the provider tables"));
  HANDOVER_RETURN_IF_ERROR(key.Open());
  HANDOVER_RETURN_IF_ERROR(WriteReferenceTables(options.seed, options.people, writer, key));
  int64_t orphan_refs_used = 0;
  for (int64_t index = 0; index < options.people; ++index) {
    const Person person = factory.Make(index);
    Rng client_rng = PersonRng(options.seed, index, Stream::kClient);
    key.day_one().BeginPerson(person.ref, person.fate == Fate::kReal, !person.closed);
    HANDOVER_RETURN_IF_ERROR(WriteClientRows(person, factory, client_rng, writer, key));
    PersonScope scope{person, factory, writer, key, orphan_refs_used};
    HANDOVER_RETURN_IF_ERROR(WriteHistory(scope));
    HANDOVER_RETURN_IF_ERROR(WritePayments(scope));
    HANDOVER_RETURN_IF_ERROR(key.EndPerson(person.ref));
  }
  HANDOVER_RETURN_IF_ERROR(writer.FlushAll());
  HANDOVER_RETURN_IF_ERROR(
      db.ExecuteScript(ProviderKeysSql(db.dialect()), "adding the provider tables' keys"));
  return writer.Finish();
}

}  // namespace

// Generated dates run from 30 years before the cut-over to under two years
// after it; these bounds keep them in 1969-2068, where dd-Mon-yy years pivot
// as POSIX strptime %y does (69-99 -> 19yy, 00-68 -> 20yy).
core::Date EarliestCutover() { return *core::Date::FromYmd(1999, 1, 1); }
core::Date LatestCutover() { return *core::Date::FromYmd(2066, 12, 31); }

core::Status GenerateProvider(const GeneratorOptions& options, db::Database& db, GeneratorSummary* summary) {
  HANDOVER_RETURN_IF_ERROR(Validate(options));
  auto factory = PeopleFactory::Create(options.seed, options.people, options.cutover);
  if (!factory.ok()) return factory.status();
  AnswerKey key({options.seed, options.people, options.cutover, options.answer_key_path,
                 options.answer_key_detail});
  ProviderWriter writer(db, options.batch_rows);
  HANDOVER_RETURN_IF_ERROR(writer.Begin());
  core::Status status = Generate(options, *factory, writer, key, db);
  if (!status.ok()) {
    writer.Abort();
    return status.WithContext("generating the provider database");
  }
  HANDOVER_RETURN_IF_ERROR(key.Write());
  if (summary != nullptr) {
    summary->rows_per_table.clear();
    for (int t = 0; t < kTableCount; ++t)
      summary->rows_per_table.emplace_back(TableName(static_cast<Table>(t)),
                                           writer.rows(static_cast<Table>(t)));
    summary->people_after_deduplication = key.tally(Table::kClient).loaded;
  }
  return core::Status::Ok();
}

}  // namespace handover::generator
