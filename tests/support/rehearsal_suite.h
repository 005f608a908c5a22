// A ProviderSuite whose tests rehearse the shared provider database with a
// mapping set of their choice into their own scratch target, with the
// cut-over the generator used, and read the reports back.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/provider_suite.h"
#include "tests/support/test_support.h"

namespace handover::testing {

template <int People, int Seed>
class RehearsalSuite : public ProviderSuite<People, Seed> {
 protected:
  // `handover rehearse` of the suite's provider with `mappings`, reports into
  // scratch_/out.
  CommandResult Rehearse(const std::filesystem::path& mappings, const std::string& out) {
    return RunHandover({"rehearse", "--source", ProviderSuite<People, Seed>::Provider(), "--target",
                        "sqlite:" + (scratch_ / "council.db").string(), "--mappings", mappings.string(), "--param",
                        "cutover=2018-10-01", "--out", (scratch_ / out).string()},
                       scratch_.path());
  }
  // That rehearsal's reconciliation.json.
  nlohmann::json Report(const std::string& out) {
    return nlohmann::json::parse(ReadFile(scratch_ / out / "reconciliation.json"));
  }
  TempDir scratch_;
};

}  // namespace handover::testing
