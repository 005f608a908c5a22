// RowBatch: a block of rows flowing between stages, row-major, with a fixed
// width. Each row carries its ordinal in the source stream (1-based) so that
// every outcome can name "clients row 1042".
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <vector>

#include "core/value.h"

namespace handover::core {

class RowBatch {
 public:
  explicit RowBatch(size_t width = 0) : width_(width) {}

  size_t width() const { return width_; }
  size_t size() const { return ordinals_.size(); }
  bool empty() const { return ordinals_.empty(); }

  // Removes all rows, keeps the width and the allocated memory.
  void Clear() {
    values_.clear();
    ordinals_.clear();
  }
  void Reset(size_t width) {
    Clear();
    width_ = width;
  }

  // Appends a row of Null values and returns it for filling.
  std::span<Value> AppendRow(int64_t ordinal) {
    ordinals_.push_back(ordinal);
    values_.resize(values_.size() + width_);
    return Row(size() - 1);
  }

  std::span<Value> Row(size_t i) {
    assert(i < size());
    return {values_.data() + i * width_, width_};
  }
  std::span<const Value> Row(size_t i) const {
    assert(i < size());
    return {values_.data() + i * width_, width_};
  }
  int64_t Ordinal(size_t i) const { return ordinals_[i]; }

 private:
  size_t width_;
  std::vector<Value> values_;
  std::vector<int64_t> ordinals_;
};

}  // namespace handover::core
