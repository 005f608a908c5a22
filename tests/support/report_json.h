// Reading a run's reconciliation.json in tests: one mapping's figures by
// name, and the file checked against its published JSON Schema.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace handover::testing {

// The entry of `reconciliation["mappings"]` for mapping `name` (a test
// failure, and an empty object, when there is none).
inline const nlohmann::json& MappingFigures(const nlohmann::json& reconciliation, const std::string& name) {
  for (const auto& m : reconciliation["mappings"])
    if (m["mapping"] == name) return m;
  ADD_FAILURE() << "no mapping " << name << " in the reconciliation";
  static const nlohmann::json kEmpty = nlohmann::json::object();
  return kEmpty;
}

// Validates `report` against docs/reconciliation.schema.json with a real
// validator (python3-jsonschema, installed by scripts/install-deps): "" when
// it is valid, else the validator's complaint.
inline std::string SchemaProblems(const std::filesystem::path& report) {
  const std::filesystem::path schema = SourceDir() / "docs" / "reconciliation.schema.json";
  const std::filesystem::path verdict = report.string() + ".schema-check";
  const std::string command =
      "/usr/bin/python3 -c 'import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "jsonschema.Draft202012Validator.check_schema(schema)\n"
      "errors = [e.message + \" at \" + \"/\".join(map(str, e.path)) for e in "
      "jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2])))]\n"
      "print(\"\\n\".join(errors[:5]))' '" +
      schema.string() + "' '" + report.string() + "' >'" + verdict.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::string problems = ReadFile(verdict);
  std::filesystem::remove(verdict);
  if (status != 0 && problems.empty()) problems = "the schema validator did not run (python3-jsonschema missing?)";
  while (!problems.empty() && problems.back() == '\n') problems.pop_back();
  return problems;
}

}  // namespace handover::testing
