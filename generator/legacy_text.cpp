#include "core/ascii.h"
#include "generator/legacy_text.h"

#include <cstdio>

#include "generator/rates.h"

namespace handover::generator {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kPound = "\xC2\xA3";  // UTF-8; the provider's system stored it so

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

std::string WithCommas(const std::string& digits) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FormatLegacyDate(core::Date date, Rng& rng) {
  const int y = date.year();
  const unsigned m = date.month(), d = date.day();
  char buf[32];
  switch (rng.Weighted({rates::kDateIsoWeight, rates::kDateSlashWeight, rates::kDateMonWeight,
                        rates::kDateDotWeight})) {
    case 0:
      return date.ToIso();
    case 1:
      std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", d, m, y);
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "%02u-%s-%02d", d, kMonths[m - 1], y % 100);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%u.%u.%04d", d, m, y);
      break;
  }
  return buf;
}

std::string UnreadableDate(core::Date near, Rng& rng) {
  switch (rng.Below(3)) {
    case 0:
      return "";
    case 1:
      return "00/00/0000";
    default: {
      static constexpr const char* kImpossible[] = {"31/02/", "30/02/", "31/04/",
                                                    "31/06/", "31/09/", "31/11/"};
      return std::string(kImpossible[rng.Below(6)]) + std::to_string(near.year());
    }
  }
}

std::string FormatLegacyMoney(int64_t pence, Rng& rng) {
  const bool negative = pence < 0;
  const uint64_t magnitude = negative ? uint64_t(-pence) : uint64_t(pence);
  std::string whole = std::to_string(magnitude / 100);
  char frac[16];
  std::snprintf(frac, sizeof frac, "%02u", unsigned(magnitude % 100));
  std::string body;
  if (rng.Chance(rates::kMoneyFloatNoise) && magnitude > 0) {
    // A float that was never rounded: one unit in the 8th decimal off the
    // exact value, which still rounds to the same pence.
    const uint64_t e8 = magnitude * 1000000 + (rng.Below(2) ? 1 : uint64_t(-1));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%llu.%08llu", static_cast<unsigned long long>(e8 / 100000000),
                  static_cast<unsigned long long>(e8 % 100000000));
    body = buf;
  } else {
    if (magnitude >= 100000 && rng.Below(2)) whole = WithCommas(whole);
    body = (magnitude % 100 == 0 && rng.Below(4) == 0) ? whole : whole + "." + frac;
  }
  const bool pound = rng.Chance(rates::kMoneyPound);
  return std::string(negative ? "-" : "") + (pound ? kPound : "") + body;
}

std::string UnreadableMoney(Rng& rng) { return rng.Below(2) ? "" : "n/a"; }

std::string MessyName(const std::string& name, Rng& rng) {
  if (!rng.Chance(rates::kNameMessyCase)) return name;
  std::string out = name;
  switch (rng.Below(3)) {
    case 0:
      for (auto& c : out) c = core::AsciiUpper(c);
      break;
    case 1:
      for (auto& c : out) c = core::AsciiLower(c);
      break;
    default:
      out += rng.Below(2) ? " " : "  ";
      break;
  }
  return out;
}

std::string WithWin1252Accent(const std::string& name, Rng& rng) {
  // e -> é (0xE9) or ë (0xEB), o -> ö (0xF6), a -> á (0xE1): all vowels, so
  // the match key (which drops vowels and non-ASCII bytes) is unchanged.
  for (size_t tries = 0; tries < 4; ++tries) {
    if (name.size() < 2) break;
    const size_t i = 1 + rng.Below(name.size() - 1);
    std::string out = name;
    switch (name[i]) {
      case 'e':
        out[i] = rng.Below(2) ? '\xE9' : '\xEB';
        return out;
      case 'o':
        out[i] = '\xF6';
        return out;
      case 'a':
        out[i] = '\xE1';
        return out;
      default:
        break;
    }
  }
  return name + "\x92";  // a stray right single quote from a word processor
}

std::string SurnameVariant(const std::string& surname, Rng& rng) {
  std::string out = surname;
  for (size_t tries = 0; tries < 8 && out.size() > 2; ++tries) {
    const size_t i = 1 + rng.Below(out.size() - 1);
    const char c = core::AsciiLower(out[i]);
    if (c < 'a' || c > 'z') continue;
    if (IsVowel(c)) {
      static constexpr char kVowels[] = {'a', 'e', 'i', 'o', 'y'};
      char v = kVowels[rng.Below(5)];
      if (v == c) v = c == 'e' ? 'a' : 'e';
      out[i] = v;
    } else {
      out.insert(i, 1, c);  // a doubled consonant collapses in the key
    }
    return out;
  }
  return WithWin1252Accent(out, rng);
}

std::string MessyRef(const std::string& ref, Rng& rng) {
  if (!rng.Chance(rates::kRefMessy)) return ref;
  std::string out = ref;
  if (rng.Below(2)) {
    for (auto& c : out) c = core::AsciiLower(c);
  } else {
    out += " ";
  }
  return out;
}

std::string NameSkeleton(const std::string& name) {
  std::string letters;
  for (char c : name) {
    c = core::AsciiLower(c);
    if (c >= 'a' && c <= 'z') letters += c;
  }
  std::string out;
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    if (i > 0 && IsVowel(c)) continue;
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

}  // namespace handover::generator
