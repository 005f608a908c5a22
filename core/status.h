// Status and Result<T>: errors as values for everything that can end a run
// (cannot connect, mapping does not check, target rejects a batch).
// Row-level data problems are not Status errors: they are outcomes recorded
// in the ledger. Libraries that throw (SOCI, Spirit X3) are caught at the
// public functions of the stage that uses them and converted once, here.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace handover::core {

// What kind of failure; the CLI maps these to exit codes and hints.
enum class ErrorCode {
  kOk = 0,
  kUsage,        // bad flag or argument
  kConfig,       // bad URL, unknown backend, bad mapping
  kNotFound,     // missing file, table or column
  kConnection,   // cannot reach or log in to a database
  kDatabase,     // a statement failed
  kIo,           // cannot read or write a file
  kData,         // input data that cannot be processed at all
  kInterrupted,  // stopped on request (SIGINT, SIGTERM) at a safe point
  kInternal,
};

const char* ErrorCodeName(ErrorCode code);

// The outcome of an operation that returns nothing. Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string message) {
    assert(code != ErrorCode::kOk);
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message" (no-op when ok), so a
  // failure deep in a batch reads "loading payment batch 17: ...".
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

// Either a value of T or a failed Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { assert(ok()); return std::get<T>(data_); }
  const T& value() const& { assert(ok()); return std::get<T>(data_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace handover::core

// Returns early from the enclosing function when `expr` yields a failed Status.
#define HANDOVER_RETURN_IF_ERROR(expr)              \
  do {                                              \
    ::handover::core::Status _status = (expr);            \
    if (!_status.ok()) return _status;              \
  } while (0)
