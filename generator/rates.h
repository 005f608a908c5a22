// The stated rates of every legacy quirk the generator plants, in parts per
// million. docs/provider-database.md reproduces this table; the tests in
// tests/generator/ measure the generated output against it.
#pragma once

#include <cstdint>

namespace handover::generator::rates {

// --- Person identities (per generated identity) ---------------------------
constexpr uint32_t kTestRecord = 10000;               // 1.0%: surname TEST..., excluded
constexpr uint32_t kSoftDeleted = 10000;              // 1.0%: deleted = 1, excluded
constexpr uint32_t kArchived = 5000;                  // 0.5%: status 'ARCHIVED', excluded
constexpr uint32_t kUnreadableDob = 5000;             // 0.5%: DOB unreadable, rejected
constexpr uint32_t kMissingKey = 2000;                // 0.2%: client_ref NULL, rejected
constexpr uint32_t kDuplicate = 30000;                // 3.0% of real people registered twice
constexpr uint32_t kDuplicateRowsUseDupRef = 250000;  // 25% of their rows cite the duplicate

// --- Text quirks (per value) ---------------------------------------------
constexpr uint32_t kNameWin1252 = 15000;    // 1.5% of names carry a Windows-1252 byte
constexpr uint32_t kNameMessyCase = 40000;  // 4%: upper/lower case, trailing spaces
constexpr uint32_t kRefMessy = 30000;       // 3% of child rows cite the ref lower-cased/padded
constexpr uint32_t kNoteWin1252 = 20000;    // 2% of case notes carry a Windows-1252 byte

// --- Dates (per date value written) ---------------------------------------
// Format mix of readable dates (weights out of 100): ISO, dd/mm/yyyy,
// dd-Mon-yy, d.m.yyyy.
constexpr uint32_t kDateIsoWeight = 60, kDateSlashWeight = 25, kDateMonWeight = 10,
                   kDateDotWeight = 5;
// Key dates of child rows (payment date, contact date, ...) unreadable:
// blank, '00/00/0000' or impossible like '31/02/2002'. Rejected.
constexpr uint32_t kUnreadableKeyDate = 3000;  // 0.3%

// --- Money (per amount written) -------------------------------------------
constexpr uint32_t kMoneyPound = 200000;      // 20% prefixed with the pound sign
constexpr uint32_t kMoneyFloatNoise = 20000;  // 2% written like 89.99999999
constexpr uint32_t kUnreadableAmount = 2000;  // 0.2% blank or 'n/a': rejected
constexpr uint32_t kRefund = 10000;           // 1% of instalments followed by a refund
constexpr uint32_t kPaymentDeleted = 5000;    // 0.5% extra mistaken rows, deleted = 1
constexpr uint32_t kOrphanPayment = 3000;     // 0.3% extra rows for a client that never existed
constexpr uint32_t kNullRefPayment = 1000;    // 0.1% extra rows with client_ref NULL
constexpr uint32_t kUnmappedPayType = 3000;   // 0.3% pay_type maps to no council type

// --- Codes (per coded value) ----------------------------------------------
constexpr uint32_t kUnmappedCode = 5000;      // 0.5% contact / accommodation / EET codes unmapped
constexpr uint32_t kContactDeleted = 5000;    // 0.5% contacts deleted = 1
constexpr uint32_t kWorkerFreeText = 300000;  // 30% of allocations name the PA as free text
constexpr uint32_t kWorkerUnknown = 20000;    // 2% of allocations name nobody on the staff list

}  // namespace handover::generator::rates
