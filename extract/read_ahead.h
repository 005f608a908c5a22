// ReadAhead: a RowSource that reads another on a thread of its own, one batch
// ahead, so that reading and decoding the source overlap the work the caller
// does on the batch before (evaluating and writing it): the second core's
// share of a rehearsal. Batches arrive in the same order and unchanged, so
// nothing downstream depends on thread timing.
#pragma once

#include <memory>

#include "extract/row_source.h"

namespace handover::extract {

// Takes `inner` over: from now until the returned source is destroyed, only
// the read-ahead thread calls it (and so uses its database connection);
// nothing else may use that connection meanwhile. Destroying the returned
// source stops the thread once the batch it is reading is done.
std::unique_ptr<RowSource> ReadAhead(std::unique_ptr<RowSource> inner);

}  // namespace handover::extract
