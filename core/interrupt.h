// Interruption by SIGINT or SIGTERM: the first signal only records a request,
// which long-running stages honour at their next safe point (a committed
// batch); a second signal ends the process at once, as usual.
#pragma once

namespace handover::core {

// Installs the handlers for SIGINT and SIGTERM (idempotent).
void InstallInterruptHandler();

// True once SIGINT or SIGTERM has arrived.
bool InterruptRequested();

// "SIGINT" or "SIGTERM" (the first one received), or "" if none.
const char* InterruptSignalName();

}  // namespace handover::core
