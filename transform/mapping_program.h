// The public face of the transform stage: a checked, compiled mapping set
// and the per-row evaluation the load engine drives.
//
//   CheckMappings(dir, source catalog, target catalog, params)
//       -> MappingProgram (or every Diagnostic at once)
//   for each CompiledMapping in program.mappings (already in load order):
//       if mapping.lookups() is not empty: read each lookup table's columns
//           into a LookupTables and set context.lookups
//       extract streams mapping.source_columns() of mapping.source_table()
//       for each row: mapping.Evaluate(row, context, outcome)
//
// Nothing here touches a database: schemas come in as Catalogs, cross
// references go out through the Crosswalk interface.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "core/value.h"
#include "transform/diagnostic.h"

namespace handover::transform {

// Run parameters given as --param name=value.
using Params = std::map<std::string, std::string>;

// Resolves legacy keys of other mappings to council ids (the load stage owns
// the table behind it). Used by xref(entity, key) during evaluation.
class Crosswalk {
 public:
  virtual ~Crosswalk() = default;
  // The council id already given to `legacy_key` of `entity`, or nullopt.
  virtual std::optional<int64_t> Lookup(const std::string& entity,
                                        const std::string& legacy_key) const = 0;
};

// A table read beside a mapping's source and matched to each row by key
// (`lookup clients c on c.client_ref = p.client_ref`): a left join with at
// most one match. Added with the mapping language.
struct LookupSpec {
  std::string table;                 // source-catalog table or view, read in full
  std::vector<std::string> columns;  // columns to read, in the order LookupTables::Add
                                     // expects; columns[0] is the key column
};

// The rows of a mapping's lookup tables, indexed by key text. The engine fills
// one per mapping that has lookups() (streaming spec.columns of spec.table
// into Add) and passes it in EvalContext::lookups.
class LookupTables {
 public:
  explicit LookupTables(size_t lookups = 0) : tables_(lookups) {}
  // Adds a row of lookup `lookup` (values in LookupSpec::columns order). A row
  // whose key is NULL is ignored; returns false when its key is already present
  // (the first row wins).
  bool Add(size_t lookup, std::vector<core::Value> row);
  // The row whose key's text is `key`, or nullptr.
  const std::vector<core::Value>* Find(size_t lookup, const std::string& key) const;
  size_t size() const { return tables_.size(); }

 private:
  std::vector<std::map<std::string, std::vector<core::Value>>> tables_;
};

// What the engine knows about the row being evaluated.
struct EvalContext {
  const Crosswalk* crosswalk = nullptr;
  // The council id reserved for this row's legacy key (mappings with `key`);
  // read by the `council_id` expression.
  std::optional<int64_t> council_id;
  // Lookup rows for mappings with lookups(); rows of such a mapping are
  // rejected with reason_code "no_lookup_data" while this is null.
  const LookupTables* lookups = nullptr;
};

// The fate of one source row. Exactly one kind per row.
enum class OutcomeKind { kLoaded, kRejected, kExcluded };

const char* OutcomeKindName(OutcomeKind kind);

struct RowOutcome {
  OutcomeKind kind = OutcomeKind::kLoaded;
  // For rejected/excluded: the rule's reason code ("unreadable_dob", "filter",
  // "orphan", "unmapped_code", "test_record"...) and its human text.
  std::string reason_code;
  std::string reason;
  // For rejected: the target or source column and the value seen, if known.
  std::string column;
  std::string value_seen;
  // For loaded: one entry per CompiledMapping::targets(); nullopt where that
  // target's condition did not hold. Values are typed to the target columns.
  // A row rejected or excluded by a rule or a data problem keeps the values
  // that could be computed (a failed one is NULL) so the engine can account
  // for its money; they are never written. Empty when the row was filtered
  // out before any target was computed.
  std::vector<std::optional<std::vector<core::Value>>> target_rows;
  // Row-level warnings that do not change the outcome (e.g. an unmapped code
  // kept as is under `unmapped keep`). Added by the mapping language.
  std::vector<std::string> warnings;

  void Clear();
};

// One target table written by a mapping, with the columns it assigns, in order.
struct TargetSpec {
  std::string table;
  std::vector<std::string> columns;
  std::vector<core::ColumnType> types;
  // Name of the column that receives `council_id`, if any (for ledger keys).
  std::optional<std::string> key_column;
};

// Duplicate merging for one mapping ("merge duplicates on (...) keep earliest x").
struct MergeSpec {
  bool keep_earliest = true;  // false: keep latest
};

class CompiledMapping {
 public:
  virtual ~CompiledMapping() = default;

  virtual const std::string& name() const = 0;          // the mapping's name (also its crosswalk entity)
  virtual const std::string& source_table() const = 0;  // table or view read by extract
  // The source columns to extract, in the order Evaluate expects them.
  virtual const std::vector<std::string>& source_columns() const = 0;
  virtual const std::vector<TargetSpec>& targets() const = 0;
  // Names of the entities this mapping resolves through xref() (load order).
  virtual const std::vector<std::string>& references() const = 0;
  // Tables the engine must read into EvalContext::lookups before evaluating
  // (empty for most mappings). Added with the mapping language.
  virtual const std::vector<LookupSpec>& lookups() const {
    static const std::vector<LookupSpec> kNone;
    return kNone;
  }

  // True when the mapping declares `key`: rows have a legacy key.
  virtual bool has_key() const = 0;
  // The legacy key of the row as text, or nullopt if it evaluates to NULL.
  virtual std::optional<std::string> EvaluateKey(std::span<const core::Value> row) const = 0;

  // Duplicate merging, if declared: the merge key of a row (nullopt if any
  // part is NULL, so it is never merged) and its survivorship ordering value.
  virtual const std::optional<MergeSpec>& merge() const = 0;
  virtual std::optional<std::vector<core::Value>> EvaluateMergeKey(std::span<const core::Value> row) const = 0;
  virtual core::Value EvaluateSurvivorOrder(std::span<const core::Value> row) const = 0;

  // Decides the row's fate and, when loaded, the target rows. Never throws;
  // data problems become kRejected outcomes with a reason.
  virtual void Evaluate(std::span<const core::Value> row, const EvalContext& context,
                        RowOutcome& outcome) const = 0;
};

// A whole checked mapping set.
struct MappingProgram {
  // In load order: every mapping comes after the mappings it references.
  std::vector<std::unique_ptr<CompiledMapping>> mappings;
  // A stable hash of the mapping files' contents (recorded with each run).
  std::string content_hash;
};

// Either a program, or every problem found (parse, name, type, order).
struct CheckResult {
  std::unique_ptr<MappingProgram> program;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return program != nullptr && diagnostics.empty(); }
};

// Parses every *.map and code-set file under `mappings_dir`, binds them to the
// source and target catalogs, type-checks, derives load order and compiles.
CheckResult CheckMappings(const std::filesystem::path& mappings_dir, const core::Catalog& source,
                          const core::Catalog& target, const Params& params);

}  // namespace handover::transform
