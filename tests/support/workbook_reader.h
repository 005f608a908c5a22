// Reading a workbook.xlsx back in tests with a real reader (openpyxl, Debian
// python3-openpyxl), not with the library that wrote it: every sheet's cells
// (value, type, number format, bold), frozen panes, autofilter and column
// widths, as JSON.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace handover::testing {

// A python3 that can import openpyxl (Debian's first: a python3 earlier on
// PATH may be another installation without it), or "" when there is none.
inline std::string PythonWithOpenpyxl() {
  for (const char* python : {"/usr/bin/python3", "python3"})
    if (std::system((std::string(python) + " -c 'import openpyxl' >/dev/null 2>&1").c_str()) == 0) return python;
  return "";
}

// The workbook at `path` as
//   {"sheets": [names in order], "book": {name: {"rows": [[{"v", "t", "fmt", "bold"}...]...],
//                                               "freeze": "A2", "filter": "A1:L4", "widths": {"A": 12.7}}}}
// where "t" is openpyxl's data type ("s" string, "n" number, "f" formula).
// On failure records a test failure and returns nullopt.
inline std::optional<nlohmann::json> ReadWorkbook(const std::string& python, const std::filesystem::path& path,
                                                  const std::filesystem::path& scratch) {
  const auto script = scratch / "read_workbook.py";
  const auto dump = scratch / "workbook.json";
  std::ofstream(script) << R"(import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "book": {}}
for ws in wb.worksheets:
    rows = [[{"v": c.value, "t": c.data_type, "fmt": c.number_format, "bold": bool(c.font and c.font.b)}
             for c in row] for row in ws.iter_rows()]
    out["book"][ws.title] = {"rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                             "widths": {k: d.width for k, d in ws.column_dimensions.items()}}
json.dump(out, open(sys.argv[2], "w"))
)";
  const std::string command = python + " '" + script.string() + "' '" + path.string() + "' '" + dump.string() +
                              "' 2>'" + (scratch / "read_workbook.err").string() + "'";
  if (std::system(command.c_str()) != 0) {
    ADD_FAILURE() << "openpyxl cannot read " << path << ": " << ReadFile(scratch / "read_workbook.err");
    return std::nullopt;
  }
  return nlohmann::json::parse(ReadFile(dump));
}

// The cell values of a sheet's row (null for an empty cell), without the
// empty cells at its end.
inline nlohmann::json RowValues(const nlohmann::json& sheet, size_t row) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& cell : sheet["rows"].at(row)) values.push_back(cell["v"]);
  while (!values.empty() && values.back().is_null()) values.erase(values.size() - 1);
  return values;
}

}  // namespace handover::testing
