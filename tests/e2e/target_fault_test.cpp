// The target server goes away in the middle of a run: on a PostgreSQL server
// of the test's own (the suite's shared one must stay up for the others),
// stopped at once as a crash would stop it and started again. The run fails
// with one line naming the mapping and batch, the ledger holds exactly the
// committed batches, and the next run resumes and completes with the answer
// key's figures.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "tests/e2e/run_lifecycle_fixture.h"

namespace handover {
namespace {

namespace fs = std::filesystem;

// A throwaway PostgreSQL server started by scripts/pg-cluster on a loopback
// port of its own; halted, resumed and removed on request.
class OwnPostgres {
 public:
  OwnPostgres() : dir_("/tmp/handover-fault-" + std::to_string(getpid())) {
    started_ = Script("start", " 56600 >" + dir_.string() + ".url 2>" + dir_.string() + ".err");
    if (started_) url_ = testing::ReadFile(dir_ / "url");
    while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
  }
  ~OwnPostgres() {
    Script("stop", "");
    fs::remove(dir_.string() + ".url");
    fs::remove(dir_.string() + ".err");
  }
  bool started() const { return started_ && !url_.empty(); }
  std::string why_not() const { return testing::ReadFile(dir_.string() + ".err"); }
  const std::string& url() const { return url_; }
  bool Halt() { return Script("halt", ""); }
  bool Resume() { return Script("resume", ""); }

 private:
  bool Script(const std::string& action, const std::string& rest) {
    const std::string command =
        "'" + (testing::SourceDir() / "scripts" / "pg-cluster").string() + "' " + action + " '" + dir_.string() + "'" + rest;
    return std::system(command.c_str()) == 0;
  }
  fs::path dir_;
  bool started_ = false;
  std::string url_;
};

using TargetFault = testing::RunLifecycle;

TEST_F(TargetFault, TheServerGoesAwayMidRunAndTheNextRunCompletes) {
  OwnPostgres server;
  if (!server.started()) GTEST_SKIP() << "cannot start a PostgreSQL server of its own: " << server.why_not();
  auto run = StartInBackground("run", server.url(), "out", "3");
  ASSERT_TRUE(WaitForLogLine("out", "loading mapping payment from payment"));
  ASSERT_TRUE(server.Halt());
  const auto failed = run->Wait();
  EXPECT_EQ(failed.exit_code, 2) << failed.out << failed.err;
  EXPECT_NE(failed.err.find("handover: error: loading payment: "), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("payment batch "), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("keeps the batches it committed before that and nothing half-written"), std::string::npos)
      << failed.err;
  EXPECT_NE(failed.err.find("run again with the same mappings, source and parameters to resume it"),
            std::string::npos)
      << failed.err;

  ASSERT_TRUE(server.Resume());
  const auto status = Run({"status", "--target", server.url()});
  EXPECT_EQ(status.exit_code, 1) << status.out << status.err;
  {
    // The ledger holds the committed batches exactly: one outcome per record,
    // and as many payments in the council table as it says were loaded.
    auto db = testing::OpenOrFail(server.url(), db::OpenMode::kMustExist);
    ASSERT_NE(db, nullptr);
    const std::string ledger = "SELECT count(*) FROM migration_ledger WHERE run_id = 1";
    EXPECT_EQ(testing::QueryIntOrFail(*db, ledger),
              testing::QueryIntOrFail(*db, "SELECT count(*) FROM (SELECT DISTINCT mapping, source_row FROM "
                                           "migration_ledger WHERE run_id = 1) d"));
    const int64_t payments = testing::QueryIntOrFail(*db, "SELECT count(*) FROM payment");
    EXPECT_EQ(payments, testing::QueryIntOrFail(*db, ledger + " AND mapping = 'payment' AND outcome = 'loaded'"));
    EXPECT_LT(payments, (*key_)["tables"]["payment"]["loaded"].get<int64_t>()) << "the run was meant to stop early";
  }

  const auto resumed = Run(Pipeline("run", server.url(), "again"));
  EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  EXPECT_NE(resumed.out.find("resuming run 1"), std::string::npos) << resumed.out;
  auto db = testing::OpenOrFail(server.url(), db::OpenMode::kMustExist);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM person"),
            (*key_)["people"]["after_deduplication"].get<int64_t>());
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT count(*) FROM payment"),
            (*key_)["tables"]["payment"]["loaded"].get<int64_t>());
  EXPECT_EQ(testing::QueryIntOrFail(*db, "SELECT sum(amount_pence) FROM payment"),
            (*key_)["money"]["historic_payments"]["loaded_pence"].get<int64_t>());
  EXPECT_EQ(Run({"status", "--target", server.url()}).exit_code, 0);
}

}  // namespace
}  // namespace handover
