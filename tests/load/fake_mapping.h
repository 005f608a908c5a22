// A hand-written CompiledMapping for testing the load engine without the
// mapping language: "thing" rows (id, name, amount) become
// thing(thing_id = council_id, name, amount_pence); "part" rows (id, thing_ref)
// become part(part_id, thing_id = xref(thing, thing_ref)). A "loose part"
// trusts its reference: one that names no loaded thing becomes thing_id
// 1,000,000 + thing_ref, which the target's foreign key must refuse.
#pragma once

#include <charconv>

#include "transform/mapping_program.h"

namespace handover::testing {

class FakeMapping : public transform::CompiledMapping {
 public:
  enum class Kind { kThing, kPart, kLoosePart };

  explicit FakeMapping(Kind kind, bool merge_on_name = false)
      : kind_(kind == Kind::kLoosePart ? Kind::kPart : kind), loose_(kind == Kind::kLoosePart) {
    if (kind == Kind::kThing) {
      name_ = "thing";
      table_ = "src_thing";
      columns_ = {"id", "name", "amount"};
      targets_ = {{"thing", {"thing_id", "name", "amount_pence"},
                   {core::ColumnType::kInteger, core::ColumnType::kText, core::ColumnType::kPence}, "thing_id"}};
      if (merge_on_name) merge_ = transform::MergeSpec{true};
    } else {
      name_ = "part";
      table_ = "src_part";
      columns_ = {"id", "thing_ref"};
      targets_ = {{"part", {"part_id", "thing_id"}, {core::ColumnType::kInteger, core::ColumnType::kInteger}, "part_id"}};
      references_ = {"thing"};
    }
  }

  const std::string& name() const override { return name_; }
  const std::string& source_table() const override { return table_; }
  const std::vector<std::string>& source_columns() const override { return columns_; }
  const std::vector<transform::TargetSpec>& targets() const override { return targets_; }
  const std::vector<std::string>& references() const override { return references_; }
  bool has_key() const override { return true; }
  std::optional<std::string> EvaluateKey(std::span<const core::Value> row) const override {
    if (core::IsNull(row[0])) return std::nullopt;
    return core::ToText(row[0]);
  }
  const std::optional<transform::MergeSpec>& merge() const override { return merge_; }
  std::optional<std::vector<core::Value>> EvaluateMergeKey(std::span<const core::Value> row) const override {
    if (core::IsNull(row[1])) return std::nullopt;
    return std::vector<core::Value>{row[1]};
  }
  core::Value EvaluateSurvivorOrder(std::span<const core::Value> row) const override { return row[0]; }

  void Evaluate(std::span<const core::Value> row, const transform::EvalContext& context,
                transform::RowOutcome& outcome) const override {
    outcome.target_rows.assign(1, std::nullopt);
    if (kind_ == Kind::kPart) {
      const std::string ref = core::ToText(row[1]);
      const auto thing = context.crosswalk->Lookup("thing", ref);
      if (!thing && loose_) {
        outcome.target_rows[0] = std::vector<core::Value>{*context.council_id, int64_t{1000000} + std::stoll(ref)};
        return;
      }
      if (!thing) {
        outcome.kind = transform::OutcomeKind::kRejected;
        outcome.reason_code = "orphan";
        outcome.reason = "no thing with legacy key " + ref;
        outcome.column = "thing_ref";
        outcome.value_seen = ref;
        return;
      }
      outcome.target_rows[0] = std::vector<core::Value>{*context.council_id, *thing};
      return;
    }
    const std::string name = core::IsNull(row[1]) ? "" : core::ToText(row[1]);
    if (name == "TEST") {
      outcome.kind = transform::OutcomeKind::kExcluded;
      outcome.reason_code = "test_record";
      outcome.reason = "test record";
      return;
    }
    int64_t pence = 0;
    const std::string amount = core::ToText(row[2]);
    const auto [ptr, ec] = std::from_chars(amount.data(), amount.data() + amount.size(), pence);
    if (ec != std::errc() || ptr != amount.data() + amount.size()) {
      outcome.kind = transform::OutcomeKind::kRejected;
      outcome.reason_code = "bad_amount";
      outcome.reason = "amount is not a number of pence";
      outcome.column = "amount";
      outcome.value_seen = amount;
      return;
    }
    outcome.target_rows[0] = std::vector<core::Value>{*context.council_id, name, core::Pence{pence}};
  }

 private:
  Kind kind_;
  bool loose_;
  std::string name_, table_;
  std::vector<std::string> columns_;
  std::vector<transform::TargetSpec> targets_;
  std::vector<std::string> references_;
  std::optional<transform::MergeSpec> merge_;
};

}  // namespace handover::testing
