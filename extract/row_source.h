// RowSource: a stream of typed rows in batches, with constant memory. The
// extract stage's output; transform consumes it without knowing where rows
// come from (a database table, or an in-memory fake in tests).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "db/database.h"
#include "core/row_batch.h"
#include "core/schema.h"
#include "core/status.h"

namespace handover::extract {

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The columns of every row, in order.
  virtual const std::vector<core::Column>& columns() const = 0;
  // Replaces `batch` with the next rows. Returns false once the stream is
  // exhausted (batch then empty); a failed Status if reading failed.
  virtual core::Result<bool> Next(core::RowBatch& batch) = 0;
};

// Streams the named columns of one table, or of a source query (a
// TableSchema with `query` set, read as a derived table). Values arrive typed by the column's
// declared type; a value that does not parse as that type (legacy data: "abc"
// in an INTEGER column, "31/02/2002" in a DATE column) arrives as text,
// unchanged, for transform to judge. NULL arrives as Null.
// On PostgreSQL a server-side cursor keeps memory flat; `db` must outlive the
// source. Fails with kNotFound naming a missing table or column.
core::Result<std::unique_ptr<RowSource>> OpenTableSource(db::Database& db, const core::TableSchema& table,
                                                   const std::vector<std::string>& column_names,
                                                   size_t batch_size = 5000);

}  // namespace handover::extract
