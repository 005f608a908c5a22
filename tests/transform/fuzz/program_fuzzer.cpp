// libFuzzer target: the whole mapping pipeline on hostile input. One input is
// mapping text, then (after the first NUL byte) bytes that drive row values.
// The text is parsed, checked against the test catalogs (with the test code
// sets) and compiled; every compiled mapping then evaluates rows whose cells
// are random text read the way the extract stage reads database text. It must
// never crash, hang, leak or trip a sanitizer, and its answers must be
// consistent: a failed check has diagnostics, a parse keeps positions inside
// the text, an outcome's target rows have their tables' widths.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/value_from_text.h"
#include "tests/transform/test_catalogs.h"
#include "transform/check_mappings.h"
#include "transform/language/parse.h"

namespace {

using namespace handover;
using namespace handover::transform;

// Parsing alone: either a parse or diagnostics, positions inside the text.
void FuzzParser(const std::string& text) {
  ParsedFile file;
  std::vector<Diagnostic> diagnostics;
  const bool ok = ParseMappingText("fuzz.map", text, file, diagnostics);
  if (ok != diagnostics.empty()) __builtin_trap();
  if (!ok) (void)FormatDiagnostics(diagnostics);
  for (size_t offset : file.offsets)
    if (offset > file.text.size()) __builtin_trap();
}

core::ColumnType SourceType(const core::Catalog& catalog, const std::string& table, const std::string& column) {
  const auto t = catalog.tables.find(table);
  if (t == catalog.tables.end()) return core::ColumnType::kText;
  for (const core::Column& c : t->second.columns)
    if (c.name == column) return c.type;
  return core::ColumnType::kText;
}

void EvaluateRows(const CompiledMapping& mapping, const core::Catalog& source, FuzzedDataProvider& bytes) {
  testing::FakeCrosswalk crosswalk;
  crosswalk.ids[{"person", "C001"}] = 1;
  crosswalk.ids[{"person", "C002"}] = 2;
  for (int row_number = 0; row_number < 8 && bytes.remaining_bytes() > 0; ++row_number) {
    std::vector<core::Value> row;
    for (const std::string& column : mapping.source_columns()) {
      if (bytes.ConsumeIntegralInRange<int>(0, 7) == 0) {
        row.emplace_back(core::Null{});
        continue;
      }
      row.push_back(core::ValueFromDatabaseText(bytes.ConsumeRandomLengthString(64),
                                                SourceType(source, mapping.source_table(), column)));
    }
    (void)mapping.EvaluateKey(row);
    if (mapping.merge()) {
      (void)mapping.EvaluateMergeKey(row);
      (void)mapping.EvaluateSurvivorOrder(row);
    }
    EvalContext context;
    context.crosswalk = &crosswalk;
    context.council_id = row_number + 1;
    RowOutcome outcome;
    mapping.Evaluate(row, context, outcome);
    if (outcome.kind == OutcomeKind::kLoaded) {
      if (outcome.target_rows.size() > mapping.targets().size()) __builtin_trap();
      for (size_t t = 0; t < outcome.target_rows.size(); ++t)
        if (outcome.target_rows[t] && outcome.target_rows[t]->size() != mapping.targets()[t].columns.size())
          __builtin_trap();
    } else if (outcome.reason_code.empty()) {
      __builtin_trap();  // every record not loaded says why
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  const std::string text = input.substr(0, nul);
  FuzzParser(text);

  static const core::Catalog source = testing::SourceCatalog();
  static const core::Catalog target = testing::TargetCatalog();
  // The mapping sits beside the test code sets, so `from "accom.csv"` resolves.
  static const std::vector<MappingSource> code_sets = [] {
    std::vector<MappingSource> csv;
    for (auto& f : testing::DataFiles("leaving-care"))
      if (f.path.size() > 4 && f.path.compare(f.path.size() - 4, 4, ".csv") == 0) csv.push_back(std::move(f));
    return csv;
  }();
  std::vector<MappingSource> files = code_sets;
  files.push_back({"data/leaving-care/fuzz.map", text});
  // Source queries are described by the tests' fake, so they bind and evaluate too.
  CheckOptions options;
  options.describe_query = testing::FakeDescribeQuery;
  const CheckResult checked = CheckMappingSources(files, source, target, {{"cutover", "2018-10-01"}}, options);
  // A program exactly when there is nothing to report.
  if ((checked.program != nullptr) != checked.diagnostics.empty()) __builtin_trap();
  if (!checked.ok()) {
    (void)FormatDiagnostics(checked.diagnostics);
    return 0;
  }
  // Without a NUL the whole input also drives the rows (so plain .map seeds
  // evaluate too).
  const size_t rows_from = nul == std::string::npos ? 0 : nul + 1;
  FuzzedDataProvider bytes(data + rows_from, size - rows_from);
  for (const auto& mapping : checked.program->mappings) EvaluateRows(*mapping, checked.source_catalog, bytes);
  return 0;
}
