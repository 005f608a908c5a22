// ColumnProfiler: one column's figures gathered value by value in bounded
// memory (a DistinctSketch, a FrequentValues of 256 counters, a handful of
// counts), then turned into a ColumnProfile.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "profile/profile.h"
#include "profile/sketches.h"

namespace handover::profile {

class ColumnProfiler {
 public:
  ColumnProfiler(std::string name, std::string declared_type, bool personal);
  // One cell: nullptr for NULL, else its text as read.
  void Add(const std::string* value);
  // The figures, with what the column looks like judged from them.
  ColumnProfile Finish() const;

 private:
  void AddShapes(std::string_view trimmed);

  ColumnProfile p_;
  DistinctSketch distinct_;
  FrequentValues frequent_;
  std::optional<int64_t> min_int_, max_int_;
  bool all_integers_ = true;
  std::optional<std::string> min_text_, max_text_;
  std::optional<int32_t> earliest_, latest_;
  std::vector<int64_t> format_counts_;
  std::vector<std::string> format_examples_;
};

// What `p`'s figures say the column looks like (the thresholds are in
// column_profiler.cpp and docs/profile.md).
Looks JudgeLooks(const ColumnProfile& p);

}  // namespace handover::profile
