#include "tests/transform/test_catalogs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cctype>
#include <sstream>
#include <utility>

namespace handover::transform::testing {
namespace {

core::Column Col(std::string name, core::ColumnType type, bool not_null = false, bool has_default = false) {
  core::Column c;
  c.name = std::move(name);
  c.type = type;
  c.declared_type = core::ColumnTypeName(type);
  c.not_null = not_null;
  c.has_default = has_default;
  return c;
}

void AddTable(core::Catalog& catalog, std::string name, std::vector<core::Column> columns) {
  core::TableSchema t;
  t.name = name;
  t.columns = std::move(columns);
  catalog.tables.emplace(std::move(name), std::move(t));
}

}  // namespace

core::Catalog SourceCatalog() {
  using CT = core::ColumnType;
  core::Catalog c;
  AddTable(c, "clients",
           {Col("client_ref", CT::kText), Col("forename", CT::kText), Col("surname", CT::kText),
            Col("dob", CT::kText), Col("contact_status", CT::kText), Col("deleted", CT::kInteger),
            Col("created_on", CT::kText), Col("accom", CT::kText), Col("age", CT::kInteger),
            Col("balance", CT::kDecimal), Col("start_date", CT::kDate), Col("pa_name", CT::kText)});
  AddTable(c, "staff",
           {Col("staff_id", CT::kInteger), Col("name", CT::kText), Col("team", CT::kText)});
  AddTable(c, "payments",
           {Col("payment_id", CT::kInteger), Col("client_ref", CT::kText), Col("amount", CT::kText),
            Col("paid_on", CT::kText), Col("type", CT::kText), Col("recurring", CT::kInteger),
            Col("frequency", CT::kText)});
  return c;
}

core::Catalog TargetCatalog() {
  using CT = core::ColumnType;
  core::Catalog c;
  AddTable(c, "person",
           {Col("person_id", CT::kInteger, true), Col("legacy_ref", CT::kText),
            Col("first_name", CT::kText, true), Col("last_name", CT::kText, true),
            Col("date_of_birth", CT::kDate), Col("in_touch", CT::kText),
            Col("accommodation", CT::kText), Col("age", CT::kInteger), Col("note", CT::kText),
            Col("pa_staff_id", CT::kInteger)});
  AddTable(c, "payment",
           {Col("payment_id", CT::kInteger, true), Col("person_id", CT::kInteger, true),
            Col("amount_pence", CT::kPence, true), Col("paid_on", CT::kDate),
            Col("payment_type", CT::kText), Col("is_refund", CT::kBool)});
  AddTable(c, "payment_arrangement",
           {Col("arrangement_id", CT::kInteger, true, true), Col("person_id", CT::kInteger, true),
            Col("weekly_amount_pence", CT::kPence, true), Col("start_date", CT::kDate)});
  return c;
}

std::string ReadTestFile(const std::string& relative) {
  std::ifstream in(std::string(HANDOVER_TRANSFORM_TEST_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<MappingSource> DataFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(HANDOVER_TRANSFORM_TEST_DIR);
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(root / "data" / dir)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<MappingSource> files;
  for (const fs::path& p : paths) {
    const std::string rel = fs::relative(p, root).string();
    files.push_back({rel, ReadTestFile(rel)});
  }
  return files;
}

core::Result<core::TableSchema> FakeDescribeQuery(const std::string& name, const std::string& sql) {
  // Words, lower-case, with what is inside '...' dropped.
  std::vector<std::string> words;
  std::string word;
  bool quoted = false;
  for (const char c : sql + " ") {
    if (c == '\'') quoted = !quoted;
    const bool part = !quoted && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (part) word += char(std::tolower(static_cast<unsigned char>(c)));
    if (!part && !word.empty()) words.push_back(std::exchange(word, ""));
  }
  const core::Catalog source = SourceCatalog();
  core::TableSchema table;
  table.name = name;
  table.query = sql;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if ((words[i] == "from" || words[i] == "join") && !source.Find(words[i + 1]))
      return core::Status::Error(core::ErrorCode::kDatabase, "no such table: " + words[i + 1]);
    if (words[i] != "as") continue;
    core::Column column;
    column.name = words[i + 1];
    const bool id = column.name.size() > 3 && column.name.compare(column.name.size() - 3, 3, "_id") == 0;
    column.type = id ? core::ColumnType::kInteger : core::ColumnType::kText;
    column.declared_type = core::ColumnTypeName(column.type);
    table.columns.push_back(std::move(column));
  }
  return table;
}

CheckResult CheckText(const std::string& text, const Params& params,
                      std::vector<MappingSource> extra) {
  extra.insert(extra.begin(), MappingSource{"test.map", text});
  return CheckMappingSources(extra, SourceCatalog(), TargetCatalog(), params);
}

std::vector<core::Value> RowFor(const CompiledMapping& mapping, const std::map<std::string, core::Value>& values) {
  std::vector<core::Value> row;
  for (const std::string& column : mapping.source_columns()) {
    auto it = values.find(column);
    row.push_back(it == values.end() ? core::Value(core::Null{}) : it->second);
  }
  return row;
}

}  // namespace handover::transform::testing
