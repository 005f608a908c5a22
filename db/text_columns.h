// TextColumns: the bulk writers' buffer. Rows of text cells held column by
// column, each column's bytes in one contiguous buffer with the cells' end
// offsets beside it, so buffering a cell allocates nothing once the buffer
// has grown to a batch; Clear keeps the capacity for the next batch.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace handover::db {

class TextColumns {
 public:
  explicit TextColumns(size_t columns = 0) : columns_(columns) {}

  size_t columns() const { return columns_.size(); }

  void Append(size_t column, std::string_view text) {
    Column& c = columns_[column];
    c.bytes.append(text);
    c.ends.push_back(c.bytes.size());
    c.nulls.push_back(0);
  }
  // A value's text as core::ToText renders it, written straight into the
  // buffer; NULL for a Null value.
  void AppendValue(size_t column, const core::Value& value) {
    if (core::IsNull(value)) return AppendNull(column);
    Column& c = columns_[column];
    core::AppendText(value, c.bytes);
    c.ends.push_back(c.bytes.size());
    c.nulls.push_back(0);
  }
  void AppendInteger(size_t column, int64_t number) { AppendValue(column, core::Value(number)); }
  void AppendNull(size_t column) {
    Column& c = columns_[column];
    c.ends.push_back(c.bytes.size());
    c.nulls.push_back(1);
  }

  // Valid until the next Append to the same column or Clear.
  std::string_view Cell(size_t column, size_t row) const {
    const Column& c = columns_[column];
    const size_t begin = row == 0 ? 0 : c.ends[row - 1];
    return std::string_view(c.bytes).substr(begin, c.ends[row] - begin);
  }
  bool IsNull(size_t column, size_t row) const { return columns_[column].nulls[row] != 0; }
  const std::vector<char>& Nulls(size_t column) const { return columns_[column].nulls; }
  // One column's cells as strings (empty for NULL), for APIs that bind
  // vectors of std::string.
  std::vector<std::string> ColumnStrings(size_t column) const;

  void Clear() {
    for (Column& c : columns_) {
      c.bytes.clear();
      c.ends.clear();
      c.nulls.clear();
    }
  }

 private:
  struct Column {
    std::string bytes;
    std::vector<size_t> ends;  // cell r is bytes[ends[r-1], ends[r])
    std::vector<char> nulls;
  };
  std::vector<Column> columns_;
};

}  // namespace handover::db
