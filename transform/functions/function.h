// The built-in function table: name, arity, parameter types, result type and
// implementation of every function the mapping language can call. The binder
// checks calls against it; the evaluator calls `impl` through a pointer.
// Functions needing the row context (code, xref) or laziness (coalesce) are
// compiled as special nodes instead (see nodes.h) but are listed here too so
// that names, arity and "did you mean" work the same way.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace handover::transform {

// Compile-time state of a call (a precompiled regex, parsed date formats).
struct FunctionState {
  virtual ~FunctionState() = default;
};

// Implementation: `args` are never NULL for null-propagating functions. The
// arguments are temporaries the function may consume (move a string out).
using FunctionImpl = core::Value (*)(std::span<core::Value> args, const FunctionState* state);

// A set of accepted argument types (bit i = ValueType i).
using TypeMask = unsigned;
constexpr TypeMask Mask(core::ValueType t) { return 1u << unsigned(t); }
constexpr TypeMask kText = Mask(core::ValueType::kText);
constexpr TypeMask kInt = Mask(core::ValueType::kInteger);
constexpr TypeMask kDate = Mask(core::ValueType::kDate);
constexpr TypeMask kPenceT = Mask(core::ValueType::kPence);
constexpr TypeMask kDec = Mask(core::ValueType::kDecimal);
constexpr TypeMask kBoolT = Mask(core::ValueType::kBool);
constexpr TypeMask kAnyType = 0xffu;

enum class Special { kNone, kCode, kXref, kCoalesce };

struct FunctionInfo {
  std::string_view name;
  int min_args = 1;
  int max_args = 1;             // -1: any number (the last parameter repeats)
  std::vector<TypeMask> params;  // accepted types per position
  core::ValueType result = core::ValueType::kText;
  FunctionImpl impl = nullptr;
  // Arguments from this index on must be string literals, given to `prepare`.
  int literal_from = -1;
  // Builds the call's state from its literal arguments; returns nullptr and
  // sets `error` when they are invalid (bad regex, unknown date directive).
  std::unique_ptr<FunctionState> (*prepare)(const std::vector<std::string>& literals,
                                            std::string& error) = nullptr;
  Special special = Special::kNone;
  std::string_view signature;  // for messages and docs: "trim(text) -> text"
};

// The function named `name` (exact, lower-case), or nullptr.
const FunctionInfo* FindFunction(std::string_view name);
// All function names (for suggestions).
std::vector<std::string> FunctionNames();

// Family registrations (one file each under functions/).
void AddTextFunctions(std::vector<FunctionInfo>& table);
void AddDateFunctions(std::vector<FunctionInfo>& table);
void AddMoneyFunctions(std::vector<FunctionInfo>& table);
void AddEncodingFunctions(std::vector<FunctionInfo>& table);
void AddRegexFunctions(std::vector<FunctionInfo>& table);
void AddHashFunctions(std::vector<FunctionInfo>& table);
void AddConversionFunctions(std::vector<FunctionInfo>& table);

// Parsing helpers also used directly by tests and the benchmark baseline.
// Money text ("£1,200.00", "-89.99999999", "(12.50)") to pence, rounding half
// away from zero at the third decimal; nullopt for blank or unreadable text.
std::optional<int64_t> ParseMoneyText(std::string_view text);
// A date in `format` (%Y %m %d %b %y; other characters literal); nullopt when
// the text does not match or the date is impossible.
std::optional<core::Date> ParseDateText(std::string_view text, std::string_view format);
// An error message for a bad format ("" when fine).
std::string CheckDateFormat(std::string_view format);

}  // namespace handover::transform
