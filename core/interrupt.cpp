#include "core/interrupt.h"

#include <signal.h>

#include <initializer_list>

namespace handover::core {
namespace {

volatile sig_atomic_t g_signal = 0;

extern "C" void RecordInterrupt(int signal_number) {
  if (g_signal == 0) g_signal = signal_number;
  // The next one is not deferred: restore the default action.
  ::signal(signal_number, SIG_DFL);
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction action {};
  action.sa_handler = RecordInterrupt;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM}) ::sigaction(s, &action, nullptr);
}

bool InterruptRequested() { return g_signal != 0; }

const char* InterruptSignalName() {
  switch (g_signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "";
  }
}

}  // namespace handover::core
