// Process-wide settings of the SQLite library, applied once before its first
// connection (sqlite3_config refuses them later).
#pragma once

namespace handover::db {

// Puts SQLite in multi-thread mode (a connection is never used by two
// threads at once here: a read-ahead thread owns the source's connection
// while the main thread writes through the target's), so the per-call
// connection mutexes go, and turns off its memory statistics, which take a
// global mutex on every allocation. Harmless when called again or after
// SQLite has started (another library opened a connection first): the
// library's defaults then stay, which are only slower.
void ConfigureSqliteLibrary();

}  // namespace handover::db
