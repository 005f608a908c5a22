// Binding a whole mapping: source table, filter, targets and their
// assignments (with target-column type and NOT NULL checks), key, rules and
// merge. Reports every problem it can find, not just the first.
#include <algorithm>
#include <charconv>
#include <set>

#include "transform/bind/bind.h"
#include "transform/bind/expr_binder.h"
#include "transform/query_sources.h"
#include "transform/suggest.h"
#include "transform/value_ops.h"
#include "core/ascii.h"

namespace handover::transform {
namespace {

constexpr size_t kMaxLookups = 8;

std::vector<std::string> TableNames(const core::Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& [name, table] : catalog.tables)
    if (table.query.empty()) names.push_back(name);
  return names;
}

// The table or query pseudo-table `ref` reads as `alias`, or nullptr. An
// unknown table is reported here; a query missing from the catalog was
// reported when it was described (query_sources.h).
const core::TableSchema* ResolveSource(const ast::SourceRef& ref, const std::string& mapping, const ast::Ident& alias,
                                       const core::Catalog& source, const ParsedFile& file,
                                       std::vector<Diagnostic>& diagnostics) {
  if (ref.query) return source.Find(QueryTableName(mapping, alias.name));
  const std::string name = core::AsciiLower(ref.table.name);
  const core::TableSchema* table = source.Find(name);
  if (table == nullptr || !table->query.empty()) {
    diagnostics.push_back(file.At(ref.table, "unknown source table '" + ref.table.name + "'" +
                                                 DidYouMean(name, TableNames(source))));
    return nullptr;
  }
  return table;
}

std::string AssignHint(core::ValueType from, core::ColumnType to) {
  if (to == core::ColumnType::kPence) {
    if (from == core::ValueType::kText || from == core::ValueType::kDecimal)
      return "; parse it with money(...)";
    return "";
  }
  if (to == core::ColumnType::kInteger && from == core::ValueType::kPence) return "; use pence(...) to store money as a plain integer";
  return "";
}

}  // namespace

std::string ReasonCode(const std::string& because) {
  std::string code;
  bool pending = false;
  for (char c : because) {
    const char lower = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      if (pending && !code.empty()) code += '_';
      pending = false;
      code += lower;
    } else {
      pending = true;
    }
    if (code.size() >= 40) break;
  }
  while (!code.empty() && code.back() == '_') code.pop_back();
  return code.empty() ? "rule" : code;
}

core::Value TypeParam(const std::string& text) {
  if (auto d = core::Date::ParseIso(text)) return *d;
  if (!text.empty() && text.find('.') == std::string::npos) {
    int64_t v = 0;
    const char* b = text.data();
    auto [p, ec] = std::from_chars(b, b + text.size(), v);
    if (ec == std::errc() && p == b + text.size()) return v;
  }
  if (text.find('.') != std::string::npos)
    if (auto d = core::Decimal::Parse(text)) return *d;
  return text;
}

std::unique_ptr<MappingImpl> BindMapping(const ParsedFile& file, const ast::Mapping& m,
                                         const BindEnvironment& env,
                                         std::vector<Diagnostic>& diagnostics) {
  const size_t errors_before = diagnostics.size();
  auto error = [&](const ast::x3::position_tagged& where, std::string message) {
    diagnostics.push_back(file.At(where, std::move(message)));
  };
  auto out = std::make_unique<MappingImpl>();
  out->name_ = core::AsciiLower(m.name.name);

  MappingScope scope;
  scope.alias = core::AsciiLower(m.alias.name);
  scope.table = ResolveSource(m.table, out->name_, m.alias, *env.source, file, diagnostics);
  if (scope.table) {
    out->source_table_ = scope.table->name;
    out->source_query_ = scope.table->query;
  }
  ExprBinder binder(file, env, scope, diagnostics);

  // Lookups first: their aliases are visible everywhere in the mapping.
  for (const ast::Statement& statement : m.body) {
    const auto* lookup = boost::get<ast::Lookup>(&statement);
    if (!lookup) continue;
    const std::string alias = core::AsciiLower(lookup->alias.name);
    bool taken = alias == scope.alias;
    for (const LookupScope& other : scope.lookups) taken = taken || other.alias == alias;
    if (taken) {
      error(lookup->alias, "alias '" + alias + "' is already used in mapping '" + out->name_ + "'");
      continue;
    }
    if (scope.lookups.size() == kMaxLookups) {
      error(*lookup, "a mapping can have at most " + std::to_string(kMaxLookups) + " lookups");
      continue;
    }
    LookupScope ls;
    ls.alias = alias;
    ls.table = ResolveSource(lookup->table, out->name_, lookup->alias, *env.source, file, diagnostics);
    const ast::Name& key = lookup->key;
    if (!key.second || core::AsciiLower(key.first.name) != alias) {
      error(key, "a lookup's 'on' must name a column of '" + alias + "' on the left: on " + alias +
                     ".column = expression");
    } else if (ls.table) {
      const core::Column* col = ls.table->Find(core::AsciiLower(key.second->name));
      if (!col) {
        std::vector<std::string> names;
        for (const core::Column& c : ls.table->columns) names.push_back(c.name);
        error(*key.second, "unknown column '" + key.second->name + "' in " + RelationLabel(*ls.table) +
                               DidYouMean(core::AsciiLower(key.second->name), names));
      } else {
        ls.columns.push_back(col->name);
        ls.column_index[col->name] = 0;
      }
    }
    // The value matched against the lookup key: source columns of this row only.
    scope.allow_slots = scope.allow_council_id = scope.allow_lookups = scope.allow_joined = false;
    scope.context = "a lookup's 'on'";
    scope.lookups.push_back(std::move(ls));
    out->lookup_keys_.push_back(binder.Bind(lookup->value).node);
  }

  if (m.where) {
    scope.allow_slots = scope.allow_council_id = scope.allow_lookups = false;
    scope.allow_joined = true;
    scope.context = "the where filter";
    Bound b = binder.BindCondition(*m.where, "the where filter");
    out->where_ = std::move(b.node);
    out->where_text_ = file.TextOf(*m.where);
  }

  // Statements in order; rules and merge are bound once all targets are known.
  std::vector<const ast::Rule*> rules;
  const ast::Merge* merge = nullptr;
  const ast::KeyClause* key = nullptr;
  struct TargetInfo {
    const ast::Into* into;
    const core::TableSchema* table;
    std::map<std::string, const ast::Assign*> assigned;
  };
  std::vector<TargetInfo> targets;
  std::vector<size_t> rule_orders;
  for (size_t order = 0; order < m.body.size(); ++order) {
    const ast::Statement& statement = m.body[order];
    if (auto* into = boost::get<ast::Into>(&statement)) {
      const core::TableSchema* table = env.target->Find(core::AsciiLower(into->table.name));
      if (!table)
        error(into->table, "unknown target table '" + into->table.name + "'" +
                               DidYouMean(core::AsciiLower(into->table.name), TableNames(*env.target)));
      TargetStep step;
      if (into->condition) {
        scope.allow_slots = scope.allow_lookups = true;
        scope.allow_council_id = scope.allow_joined = true;
        scope.context = "an 'into ... when' test";
        step.condition = binder.BindCondition(*into->condition, "the 'into ... when' test").node;
      }
      out->target_steps_.push_back(std::move(step));
      TargetSpec spec;
      spec.table = table ? table->name : core::AsciiLower(into->table.name);
      spec.including_duplicates = into->including_duplicates;
      out->target_specs_.push_back(std::move(spec));
      targets.push_back({into, table, {}});
    } else if (auto* assign = boost::get<ast::Assign>(&statement)) {
      if (targets.empty()) {
        error(*assign, "assignment before any 'into': say which table '" + assign->column.name +
                           "' belongs to");
        continue;
      }
      TargetInfo& target = targets.back();
      const std::string column = core::AsciiLower(assign->column.name);
      scope.allow_slots = scope.allow_council_id = scope.allow_lookups = scope.allow_joined = true;
      scope.context = "an assignment";
      Bound value = binder.Bind(assign->value);
      if (!target.table) continue;
      const core::Column* col = target.table->Find(column);
      if (!col) {
        std::vector<std::string> names;
        for (const core::Column& c : target.table->columns) names.push_back(c.name);
        error(assign->column, "unknown column '" + assign->column.name + "' in target table '" +
                                  target.table->name + "'" + DidYouMean(column, names));
        continue;
      }
      auto [previous, first] = target.assigned.emplace(column, assign);
      if (!first) {
        const Diagnostic earlier = file.At(*previous->second, "");
        error(assign->column, "column '" + column + "' of '" + target.table->name +
                                  "' is assigned twice (first at line " +
                                  std::to_string(earlier.line) + ")");
        continue;
      }
      const size_t t = targets.size() - 1;
      // Visible to later expressions even when its own expression failed, so
      // one mistake is not reported again at every use.
      scope.slots[column] = SlotInfo{t, out->target_steps_[t].assigns.size(), ValueTypeOf(col->type)};
      if (!value.ok()) continue;
      if (CanAssign(value.type, col->type) == Assignability::kNever) {
        error(PositionOf(assign->value),
              std::string("cannot assign ") + core::ValueTypeName(value.type) + " to " +
                  core::ColumnTypeName(col->type) + " column '" + col->name + "' of '" +
                  target.table->name + "'" + AssignHint(value.type, col->type));
        continue;
      }
      TargetSpec& spec = out->target_specs_[t];
      TargetStep& step = out->target_steps_[t];
      if (value.is_council_id) spec.key_column = col->name;
      spec.columns.push_back(col->name);
      spec.types.push_back(col->type);
      step.assigns.push_back(
          AssignStep{col->name, col->type, col->not_null && !col->has_default, std::move(value.node), order});
    } else if (auto* k = boost::get<ast::KeyClause>(&statement)) {
      if (key) {
        error(*k, "a mapping has one 'key' (already given at line " +
                      std::to_string(file.At(*key, "").line) + ")");
        continue;
      }
      key = k;
      scope.allow_slots = scope.allow_council_id = scope.allow_lookups = scope.allow_joined = false;
      scope.context = "the key";
      Bound b = binder.Bind(k->expr);
      out->key_ = std::move(b.node);
    } else if (auto* rule = boost::get<ast::Rule>(&statement)) {
      rules.push_back(rule);
      rule_orders.push_back(order);
    } else if (auto* mg = boost::get<ast::Merge>(&statement)) {
      if (merge) {
        error(*mg, "a mapping has one 'merge duplicates' rule");
        continue;
      }
      merge = mg;
    }
  }

  if (targets.empty()) error(m.name, "mapping '" + m.name.name + "' has no 'into' target");
  for (const TargetInfo& target : targets) {
    if (!target.table) continue;
    for (const core::Column& col : target.table->columns) {
      if (col.not_null && !col.has_default && !target.assigned.count(col.name))
        error(target.into->table, "column '" + col.name + "' of '" + target.table->name +
                                      "' is NOT NULL and has no default, but is not assigned");
    }
  }
  for (size_t t = 0; t < out->target_specs_.size(); ++t) {
    if (out->target_specs_[t].including_duplicates && !merge)
      error(*targets[t].into, "'into " + out->target_specs_[t].table +
                                  " including duplicates' needs a 'merge duplicates' rule in mapping '" +
                                  out->name_ + "': without one no record is a duplicate");
    if (out->target_specs_[t].key_column && !key)
      error(*targets[t].into, "'" + *out->target_specs_[t].key_column +
                                  " = council_id' needs a 'key' in mapping '" + out->name_ + "'");
  }

  // Rules and merge see every assigned column.
  scope.allow_slots = scope.allow_council_id = scope.allow_lookups = scope.allow_joined = true;
  for (size_t r = 0; r < rules.size(); ++r) {
    const ast::Rule* rule = rules[r];
    RuleStep step;
    step.kind = rule->kind;
    step.order = rule_orders[r];
    scope.context = "a rule";
    step.condition = binder.BindCondition(rule->condition, "the rule's 'when'").node;
    step.reason = rule->because;
    step.reason_code = rule->code ? core::AsciiLower(rule->code->name) : ReasonCode(rule->because);
    // Codes the engine itself gives (missing_key is not among them: a rule may
    // name a missing reference, as the load engine does for a missing key).
    static const std::set<std::string> kReserved = {
        "filter",        "orphan",          "unmapped_code", "bad_value",           "missing_value",
        "no_target",     "no_lookup_data",  "duplicate_key", "invalid_text_encoding", "target_rejected",
        "survivor_not_loaded", "duplicate", "parent_rejected", "parent_excluded", "gone", "change_not_applied"};
    if (rule->code && kReserved.count(step.reason_code))
      error(*rule->code, "reason code '" + step.reason_code + "' is reserved for the engine");
    out->rules_.push_back(std::move(step));
  }
  if (merge) {
    scope.allow_council_id = scope.allow_lookups = scope.allow_joined = false;
    scope.context = "a merge rule";
    for (const ast::Expr& k : merge->keys) out->merge_keys_.push_back(binder.Bind(k).node);
    out->survivor_order_ = binder.Bind(merge->order).node;
    out->merge_ = MergeSpec{merge->keep_earliest};
  }

  out->source_columns_ = scope.source_columns;
  for (const LookupScope& l : scope.lookups)
    out->lookup_specs_.push_back(LookupSpec{l.table ? l.table->name : l.alias, l.columns});
  out->references_ = scope.references;
  if (diagnostics.size() != errors_before) return nullptr;
  return out;
}

}  // namespace handover::transform
