// Hand-built catalogs and fakes shared by the transform tests.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/schema.h"
#include "transform/check_mappings.h"
#include "transform/mapping_program.h"

#include <ostream>

namespace handover::transform {
// Readable gtest output for outcome kinds.
inline void PrintTo(OutcomeKind kind, std::ostream* os) { *os << OutcomeKindName(kind); }
}  // namespace handover::transform

namespace handover::transform::testing {

// The provider's tables: clients, payments.
core::Catalog SourceCatalog();
// The council's tables: person, payment, payment_arrangement.
core::Catalog TargetCatalog();
// The files of tests/transform/data/<dir> as MappingSources (paths "data/<dir>/...").
std::vector<MappingSource> DataFiles(const std::string& dir);
// Reads a file under tests/transform.
std::string ReadTestFile(const std::string& relative);

// A stand-in for describing a source query on a database, over
// SourceCatalog(): the query's columns are the names written after each `AS`
// (integer when the name ends in _id, text otherwise); a table after FROM or
// JOIN that SourceCatalog() lacks fails as SQLite says ("no such table: x").
core::Result<core::TableSchema> FakeDescribeQuery(const std::string& name, const std::string& sql);

// Checks one mapping text (as "test.map") plus optional extra files.
CheckResult CheckText(const std::string& text, const Params& params = {},
                      std::vector<MappingSource> extra = {});

// A Crosswalk over a map of (entity, key) -> id.
class FakeCrosswalk : public Crosswalk {
 public:
  std::map<std::pair<std::string, std::string>, int64_t> ids;
  std::optional<int64_t> Lookup(const std::string& entity,
                                const std::string& legacy_key) const override {
    auto it = ids.find({entity, legacy_key});
    if (it == ids.end()) return std::nullopt;
    return it->second;
  }
  // Records that exist but were not loaded.
  std::map<std::pair<std::string, std::string>, NotLoaded> not_loaded;
  std::optional<NotLoaded> WhyNotLoaded(const std::string& entity, const std::string& legacy_key) const override {
    auto it = not_loaded.find({entity, legacy_key});
    if (it == not_loaded.end()) return std::nullopt;
    return it->second;
  }
};

// Builds a row in the order `mapping.source_columns()` expects from named values.
std::vector<core::Value> RowFor(const CompiledMapping& mapping, const std::map<std::string, core::Value>& values);

}  // namespace handover::transform::testing
