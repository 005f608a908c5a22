// Binding operands: literals to typed constants, names to source columns,
// lookup columns, parameters and earlier target columns.
#include <charconv>

#include "transform/bind/expr_binder.h"
#include "transform/query_sources.h"
#include "transform/suggest.h"
#include "transform/value_ops.h"
#include "core/ascii.h"

namespace handover::transform {

Bound ExprBinder::BindLiteral(const ast::Literal& literal) {
  Bound out;
  switch (literal.kind) {
    case ast::LiteralKind::kString:
      out.constant = literal.text;
      break;
    case ast::LiteralKind::kNumber:
      if (literal.text.find('.') == std::string::npos) {
        int64_t v = 0;
        auto [p, ec] = std::from_chars(literal.text.data(), literal.text.data() + literal.text.size(), v);
        if (ec != std::errc()) {
          Error(literal, "number " + literal.text + " is too large");
          return {};
        }
        out.constant = v;
      } else {
        auto d = core::Decimal::Parse(literal.text);
        if (!d) {
          Error(literal, "number " + literal.text + " is too large");
          return {};
        }
        out.constant = *d;
      }
      break;
    case ast::LiteralKind::kNull: out.constant = core::Null{}; break;
    case ast::LiteralKind::kTrue: out.constant = true; break;
    case ast::LiteralKind::kFalse: out.constant = false; break;
    case ast::LiteralKind::kParam: {
      auto it = env_.params.find(literal.text);
      if (it == env_.params.end()) {
        std::vector<std::string> names;
        for (const auto& [name, value] : env_.params) names.push_back(name);
        Error(literal, "unknown parameter '$" + literal.text + "'" +
                           DidYouMean(literal.text, names, "$") + " (give it with --param " +
                           literal.text + "=...)");
        return {};
      }
      out.constant = it->second;
      break;
    }
    case ast::LiteralKind::kCouncilId:
      if (!scope_.allow_council_id) {
        Error(literal, "council_id cannot be used in " + scope_.context);
        return {};
      }
      out.node = MakeCouncilId();
      out.type = core::ValueType::kInteger;
      out.is_council_id = true;
      return out;
    case ast::LiteralKind::kMerged:
      if (!scope_.allow_council_id) {
        Error(literal, "merged cannot be used in " + scope_.context);
        return {};
      }
      out.node = MakeMerged();
      out.type = core::ValueType::kBool;
      return out;
  }
  out.type = core::TypeOf(*out.constant);
  out.node = MakeConstant(*out.constant);
  return out;
}

Bound ExprBinder::BindName(const ast::Name& name) {
  Bound out;
  if (name.second) {
    const std::string alias = core::AsciiLower(name.first.name);
    const std::string column = core::AsciiLower(name.second->name);
    if (alias != scope_.alias) {
      for (size_t i = 0; i < scope_.lookups.size(); ++i) {
        LookupScope& lookup = scope_.lookups[i];
        if (lookup.alias != alias) continue;
        if (!scope_.allow_joined) {
          Error(name.first, "lookup columns cannot be used in " + scope_.context);
          return {};
        }
        if (!lookup.table) return {};  // unknown lookup table, reported already
        const core::Column* col = lookup.table->Find(column);
        if (!col) {
          std::vector<std::string> names;
          for (const core::Column& c : lookup.table->columns) names.push_back(c.name);
          Error(*name.second, "unknown column '" + name.second->name + "' in " + RelationLabel(*lookup.table) +
                                  DidYouMean(column, names));
          return {};
        }
        auto [it, inserted] = lookup.column_index.emplace(col->name, lookup.columns.size());
        if (inserted) lookup.columns.push_back(col->name);
        out.node = MakeLookupColumn(i, it->second);
        out.type = ValueTypeOf(col->type);
        return out;
      }
      std::string aliases = "'" + scope_.alias + "'";
      for (const LookupScope& l : scope_.lookups) aliases += ", '" + l.alias + "'";
      Error(name.first, "unknown table alias '" + name.first.name + "'; this mapping reads its source as " +
                            aliases);
      return {};
    }
    if (!scope_.table) return {};  // unknown source table, reported already
    const core::Column* col = scope_.table->Find(column);
    if (!col) {
      std::vector<std::string> names;
      for (const core::Column& c : scope_.table->columns) names.push_back(c.name);
      Error(*name.second, "unknown column '" + name.second->name + "' in " + RelationLabel(*scope_.table) +
                              DidYouMean(column, names));
      return {};
    }
    auto [it, inserted] = scope_.column_index.emplace(col->name, scope_.source_columns.size());
    if (inserted) scope_.source_columns.push_back(col->name);
    out.node = MakeColumn(it->second);
    out.type = ValueTypeOf(col->type);
    return out;
  }
  const std::string bare = core::AsciiLower(name.first.name);
  if (scope_.allow_slots) {
    auto it = scope_.slots.find(bare);
    if (it != scope_.slots.end()) {
      out.node = MakeSlot(it->second.target, it->second.column);
      out.type = it->second.type;
      return out;
    }
  }
  std::string message = "unknown name '" + name.first.name + "'";
  if (scope_.table && scope_.table->Find(bare)) {
    message += "; source columns are written with the alias: did you mean '" + scope_.alias + "." +
               bare + "'?";
  } else if (!scope_.allow_slots) {
    message += "; " + scope_.context + " can only use source columns (" + scope_.alias + ".name)";
  } else {
    std::vector<std::string> names;
    for (const auto& [slot, info] : scope_.slots) names.push_back(slot);
    message += " (not a column assigned above)" + DidYouMean(bare, names);
  }
  Error(name.first, message);
  return {};
}

}  // namespace handover::transform
