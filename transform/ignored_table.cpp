#include "transform/ignored_table.h"

namespace handover::transform {
namespace {

class IgnoredTable final : public CompiledMapping {
 public:
  IgnoredTable(std::string table, std::string first_column, std::string reason, std::string reason_code)
      : table_(std::move(table)), columns_{std::move(first_column)}, reason_(std::move(reason)),
        reason_code_(std::move(reason_code)) {}

  const std::string& name() const override { return table_; }
  const std::string& source_table() const override { return table_; }
  const std::vector<std::string>& source_columns() const override { return columns_; }
  const std::vector<TargetSpec>& targets() const override { return none_; }
  const std::vector<std::string>& references() const override { return no_references_; }
  bool ignored() const override { return true; }
  bool has_key() const override { return false; }
  std::optional<std::string> EvaluateKey(std::span<const core::Value>) const override { return std::nullopt; }
  const std::optional<MergeSpec>& merge() const override { return no_merge_; }
  std::optional<std::vector<core::Value>> EvaluateMergeKey(std::span<const core::Value>) const override {
    return std::nullopt;
  }
  core::Value EvaluateSurvivorOrder(std::span<const core::Value>) const override { return core::Null{}; }
  void Evaluate(std::span<const core::Value>, const EvalContext&, RowOutcome& outcome) const override {
    outcome.Clear();
    outcome.kind = OutcomeKind::kExcluded;
    outcome.reason_code = reason_code_;
    outcome.reason = reason_;
  }

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::string reason_;
  std::string reason_code_;
  std::vector<TargetSpec> none_;
  std::vector<std::string> no_references_;
  std::optional<MergeSpec> no_merge_;
};

}  // namespace

std::unique_ptr<CompiledMapping> MakeIgnoredTable(std::string table, std::string first_column, std::string reason,
                                                  std::string reason_code) {
  return std::make_unique<IgnoredTable>(std::move(table), std::move(first_column), std::move(reason),
                                        std::move(reason_code));
}

}  // namespace handover::transform
