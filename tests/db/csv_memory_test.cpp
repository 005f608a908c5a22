// A csv: folder is read in constant memory: a file of about 100 MB is
// checked when the folder opens, then read whole through SQL and through
// the table source (as a load reads it), and the process's peak memory
// hardly grows.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <fstream>

#include "db/introspect.h"
#include "extract/row_source.h"
#include "tests/db/csv_folder_fixture.h"
#include "tests/support/sanitizer.h"

namespace handover {
namespace {

using testing::CsvFolder;

long PeakKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST_F(CsvFolder, AHundredMegabyteFileIsReadInConstantMemory) {
  if (testing::kUnderAddressSanitizer)
    GTEST_SKIP() << "resident memory is not meaningful under AddressSanitizer (its quarantine holds freed "
                    "memory); the plain build (scripts/build) checks it";
  constexpr int64_t kRecords = 400000;
  {
    std::ofstream out(dir_ / "big.csv", std::ios::binary);
    out << "id,name,note\r\n";
    const std::string padding(220, 'x');
    for (int64_t i = 1; i <= kRecords; ++i) {
      out << i << ",\"Name " << i % 977 << ", \"\"quoted\"\"\",";
      // Every 1000th note spans two lines.
      if (i % 1000 == 0) out << "\"two\nlines\"\r\n";
      else out << padding << "\r\n";
    }
  }
  const auto size = std::filesystem::file_size(dir_ / "big.csv");
  EXPECT_GT(size, 100u * 1000 * 1000);
  const long before = PeakKilobytes();
  const auto started = std::chrono::steady_clock::now();

  auto db = Open();  // checks every record once
  ASSERT_TRUE(db.ok()) << db.status().message();
  const auto opened = std::chrono::steady_clock::now();
  EXPECT_EQ(testing::QueryIntOrFail(**db, "SELECT count(*) FROM big"), kRecords);
  auto catalog = db::ReadCatalog(**db);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  auto source = extract::OpenTableSource(**db, *catalog->Find("big"), {"id", "name", "note"});
  ASSERT_TRUE(source.ok()) << source.status().message();
  core::RowBatch batch;
  int64_t rows = 0, last_line = 0, id_sum = 0;
  while (true) {
    auto more = (*source)->Next(batch);
    ASSERT_TRUE(more.ok()) << more.status().message();
    if (!*more) break;
    for (size_t r = 0; r < batch.size(); ++r) id_sum += std::get<int64_t>(batch.Row(r)[0]);
    rows += int64_t(batch.size());
    last_line = batch.Ordinal(batch.size() - 1);
  }
  EXPECT_EQ(rows, kRecords);
  EXPECT_EQ(id_sum, kRecords * (kRecords + 1) / 2);
  // The header is line 1 and every 1000th record takes two lines.
  EXPECT_EQ(last_line, 1 + kRecords + (kRecords / 1000 - 1));
  const auto finished = std::chrono::steady_clock::now();

  const long growth = PeakKilobytes() - before;
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::cout << "read " << size / 1000000 << " MB: checked in " << seconds(started, opened) << " s, read twice more in "
            << seconds(opened, finished) << " s; peak memory grew by " << growth / 1024 << " MB" << std::endl;
  EXPECT_LT(growth, 24 * 1024) << "peak memory grew by " << growth << " kB reading " << size << " bytes";
}

}  // namespace
}  // namespace handover
