// The fixture the run lifecycle tests share: the CLI run on a generated
// provider database (300 people), in the background or to completion, and a
// checksum of every table of a target.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "db/introspect.h"
#include "tests/support/provider_suite.h"
#include "tests/support/test_support.h"

namespace handover::testing {

class RunLifecycle : public ProviderSuite<300, 4> {
 protected:
  std::vector<std::string> Pipeline(const std::string& verb, const std::string& target, const std::string& out) {
    return {verb, "--source", Provider(), "--target", target, "--mappings", Mappings(), "--out",
            (scratch_ / out).string()};
  }
  // `verb` (run or rehearse) started in the background with --batch-size.
  std::unique_ptr<BackgroundHandover> StartInBackground(const std::string& verb, const std::string& target,
                                                                 const std::string& out, const std::string& batch) {
    std::vector<std::string> args = Pipeline(verb, target, out);
    args.insert(args.end(), {"--batch-size", batch});
    return std::make_unique<BackgroundHandover>(args, scratch_.path());
  }
  // Waits (up to a minute) until <out>/handover.log holds `line`.
  bool WaitForLogLine(const std::string& out, const std::string& line) {
    return WaitFor(
        [&] { return ReadFile(scratch_ / out / "handover.log").find(line) != std::string::npos; }, 60);
  }
  CommandResult Run(const std::vector<std::string>& arguments) {
    return RunHandover(arguments, scratch_.path());
  }

  // One checksum per table (its name, columns and every row in a fixed
  // order): equal checksums mean equal contents.
  static std::map<std::string, std::string> Checksums(const std::string& url) {
    std::map<std::string, std::string> sums;
    auto db = OpenOrFail(url, db::OpenMode::kMustExist);
    if (!db) return sums;
    auto catalog = db::ReadCatalog(*db);
    EXPECT_TRUE(catalog.ok()) << catalog.status().message();
    if (!catalog.ok()) return sums;
    for (const auto& [name, table] : catalog->tables) {
      std::string select, order;
      for (const auto& column : table.columns) {
        select += std::string(select.empty() ? "" : ", ") + "CAST(" + db->QuoteIdentifier(column.name) +
                  " AS VARCHAR(4000))";
        order += std::string(order.empty() ? "" : ", ") + std::to_string(&column - &table.columns[0] + 1);
      }
      auto rows = db->QueryRows("SELECT " + select + " FROM " + db->QuoteIdentifier(name) + " ORDER BY " + order,
                                table.columns.size(), "checksum");
      EXPECT_TRUE(rows.ok()) << rows.status().message();
      if (!rows.ok()) continue;
      XXH64_state_t* state = XXH64_createState();
      XXH64_reset(state, 0);
      for (const auto& row : *rows)
        for (const auto& cell : row) XXH64_update(state, cell.data(), cell.size() + 1);
      sums[name] = std::to_string(rows->size()) + " rows, " + std::to_string(XXH64_digest(state));
      XXH64_freeState(state);
    }
    return sums;
  }

  TempDir scratch_;
};

}  // namespace handover::testing
