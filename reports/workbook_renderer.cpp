#include "reports/workbook_renderer.h"

#include "reports/money_text.h"
#include "reports/reason_codes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/private_file.h"
#include "reports/renderers.h"
#include "reports/workbook_file.h"
#include "reports/workbook_sheet.h"

namespace handover::reports {
namespace {

using xlsx::Formats;
using xlsx::Sheet;

}  // namespace

core::Status WriteWorkbook(const std::filesystem::path& path, const Reconciliation& r,
                           const ExceptionStream& exceptions, const WorkbookOptions& options) {
  const std::string context = "writing " + path.string();
  auto created = xlsx::WorkbookFile::Create(path);
  if (!created.ok()) return created.status();
  xlsx::WorkbookFile& file = **created;

  auto summary = file.AddSheet("Summary");
  if (!summary.ok()) return summary.status();
  xlsx::WriteSummary(**summary, r, file.formats(), options.shows_personal_data);
  HANDOVER_RETURN_IF_ERROR((*summary)->Finish().WithContext(context));

  // The worklist, streamed: one row at a time goes to the sheet's temporary
  // file, and past a sheet's rows the list goes on in the next.
  std::unique_ptr<Sheet> sheet;
  int sheets = 0;
  int64_t rows = 0;
  core::Status written = core::Status::Ok();
  const auto next_sheet = [&] {
    if (sheet) written = sheet->Finish();
    const std::string name = ++sheets == 1 ? "Exceptions" : "Exceptions " + std::to_string(sheets);
    if (!written.ok()) return;
    auto added = file.AddSheet(name);
    if (!added.ok()) return (void)(written = added.status());
    sheet = std::move(*added);
    sheet->Header({"mapping", "source table", "source row", "legacy reference", "outcome", "column", "value seen",
                   "reason code", "explanation", "suggested action", "status", "owner", "note"});
    rows = 0;
  };
  const int64_t rows_per_sheet = std::max<int64_t>(1, options.exception_rows_per_sheet);
  next_sheet();
  const core::Status read = exceptions([&](const ExceptionRow& e) {
    if (written.ok() && rows == rows_per_sheet) next_sheet();
    if (!written.ok()) return;
    sheet->Text(0, e.mapping);
    sheet->Text(1, e.source_table);
    sheet->Count(2, e.source_row);
    sheet->Text(3, e.legacy_key);
    sheet->Text(4, e.outcome);
    sheet->Text(5, e.column);
    sheet->Text(6, e.value_seen);
    sheet->Text(7, e.reason_code);
    sheet->Text(8, Explanation(e.reason_code, e.reason));
    sheet->Text(9, e.action);
    sheet->EndRow();
    ++rows;
  });
  HANDOVER_RETURN_IF_ERROR(read.WithContext(context));
  HANDOVER_RETURN_IF_ERROR(written.WithContext(context));
  HANDOVER_RETURN_IF_ERROR(sheet->Finish().WithContext(context));

  auto money = file.AddSheet("Money by mapping");
  if (!money.ok()) return money.status();
  xlsx::WriteMoney(**money, r);
  HANDOVER_RETURN_IF_ERROR((*money)->Finish().WithContext(context));
  if (!r.money_by_person.empty()) {
    auto people = file.AddSheet("Money by person");
    if (!people.ok()) return people.status();
    xlsx::WriteMoneyByPerson(**people, r);
    HANDOVER_RETURN_IF_ERROR((*people)->Finish().WithContext(context));
  }
  if (r.oc3) {
    auto statutory = file.AddSheet("Statutory figures");
    if (!statutory.ok()) return statutory.status();
    xlsx::WriteStatutory(**statutory, r);
    HANDOVER_RETURN_IF_ERROR((*statutory)->Finish().WithContext(context));
  }
  return file.Commit();
}

}  // namespace handover::reports
