// Progress while a run loads, on stderr when it is a terminal: per mapping,
// rows done of the source table's rows, rows per second and the time left.
// Quiet when stderr is a file or a pipe (CI logs, cron).
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "db/database.h"
#include "transform/mapping_program.h"

namespace handover::cli {

class ProgressMeter {
 public:
  ProgressMeter(db::Database& source, const transform::MappingProgram& program);
  ~ProgressMeter();

  // True when stderr is a terminal.
  static bool Wanted();
  // Called after each committed batch with the mapping's rows done so far.
  void Update(const std::string& mapping, int64_t rows);

 private:
  int64_t TotalFor(const std::string& mapping) const;
  void Show(std::chrono::steady_clock::time_point now);

  std::map<std::string, int64_t> totals_;  // mapping -> source rows, -1 if unknown
  std::string current_;
  int64_t first_rows_ = 0, rows_ = 0;
  std::chrono::steady_clock::time_point started_, shown_;
  bool printed_ = false;
};

}  // namespace handover::cli
