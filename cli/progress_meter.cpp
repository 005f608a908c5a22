#include "cli/progress_meter.h"

#include <unistd.h>

#include <cstdio>

#include "db/source_query.h"

namespace handover::cli {

ProgressMeter::ProgressMeter(db::Database& source, const transform::MappingProgram& program) {
  // Counted before the load starts: some ODBC drivers cannot run a second
  // statement while a result set streams.
  for (const auto& mapping : program.mappings) {
    auto counted = source.QueryInt("SELECT count(*) FROM " + db::FromItem(source, mapping->source_table(), mapping->source_query()),
                                    "counting rows");
    totals_[mapping->name()] = counted.ok() ? *counted : -1;
  }
}

ProgressMeter::~ProgressMeter() {
  if (!printed_) return;
  Show(std::chrono::steady_clock::now());  // the last figures of the last mapping
  std::fputc('\n', stderr);
}

bool ProgressMeter::Wanted() { return ::isatty(STDERR_FILENO) == 1; }

int64_t ProgressMeter::TotalFor(const std::string& mapping) const {
  const auto it = totals_.find(mapping);
  return it == totals_.end() ? -1 : it->second;
}

void ProgressMeter::Update(const std::string& mapping, int64_t rows) {
  const auto now = std::chrono::steady_clock::now();
  if (mapping != current_) {
    if (printed_) {
      Show(now);  // the finished mapping's last figures
      std::fputc('\n', stderr);
    }
    current_ = mapping;
    started_ = now;
    first_rows_ = rows;
    rows_ = rows;
    Show(now);
    return;
  }
  rows_ = rows;
  if (now - shown_ >= std::chrono::milliseconds(200)) Show(now);  // a few a second are enough
}

void ProgressMeter::Show(std::chrono::steady_clock::time_point now) {
  shown_ = now;
  // The rate is measured from the first batch on (its own time is unknown).
  const double seconds = std::chrono::duration<double>(now - started_).count();
  const double rate = seconds > 0 ? double(rows_ - first_rows_) / seconds : 0;
  const int64_t total = TotalFor(current_);
  std::string line = "\r  " + current_ + ": " + std::to_string(rows_);
  char figures[160];
  if (total > 0) {
    std::snprintf(figures, sizeof figures, " of %lld rows (%d%%)", static_cast<long long>(total),
                  int(100 * rows_ / total));
    line += figures;
  } else {
    line += " rows";
  }
  if (rate > 0) {
    std::snprintf(figures, sizeof figures, ", %.0f rows/s", rate);
    line += figures;
    if (total > 0) {
      std::snprintf(figures, sizeof figures, ", about %.0f s left",
                    double(total > rows_ ? total - rows_ : 0) / rate);
      line += figures;
    }
  }
  std::fputs((line + "   ").c_str(), stderr);
  std::fflush(stderr);
  printed_ = true;
}

}  // namespace handover::cli
