#include "core/status.h"

namespace handover::core {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kConfig: return "config";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kConnection: return "connection";
    case ErrorCode::kDatabase: return "database";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kData: return "data";
    case ErrorCode::kInterrupted: return "interrupted";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

}  // namespace handover::core
