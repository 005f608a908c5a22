#include "profile/scaffold.h"

#include <map>
#include <set>

#include "core/ascii.h"
#include "profile/table_match.h"
#include "profile/text_shape.h"

namespace handover::profile {
namespace {

std::string Count(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string Pct(int64_t part, int64_t whole) {
  if (whole <= 0) return "0.0%";
  const int64_t tenths = (part * 2000 + whole) / (2 * whole);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

// A string literal of the mapping language.
std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

core::ColumnType SourceType(const ColumnProfile& c) { return core::ColumnTypeFromDeclared(c.declared_type, c.name); }

// What the mappings know of a linked source table.
struct Linked {
  std::string mapping;     // the mapping's (and crosswalk entity's) name
  std::string alias;
  const TableProfile* table = nullptr;
  const CandidateKey* key = nullptr;
  bool fold_key = false;   // the key is read as upper(trim(...))
};

class Writer {
 public:
  Writer(const SourceProfile& profile, const core::Catalog& target) : profile_(profile), target_(target) {}

  std::vector<ScaffoldFile> Run() {
    const auto matches = MatchTables(profile_, target_);
    std::set<std::string> matched;
    for (const TableMatch& m : matches) matched.insert(m.source);
    for (const TableMatch& m : matches) {
      Linked l;
      l.table = profile_.Find(m.source);
      // A mapping may not share its name with an ignored table.
      l.mapping = !matched.count(m.target) && profile_.Find(m.target) ? m.target + "_from_" + m.source : m.target;
      l.alias = std::string(1, core::AsciiLower(m.source[0]) >= 'a' && core::AsciiLower(m.source[0]) <= 'z'
                                   ? core::AsciiLower(m.source[0]) : 's');
      l.key = ChooseKey(*l.table, l.fold_key);
      linked_[m.source] = l;
      by_target_[m.target] = m.source;
    }
    std::vector<ScaffoldFile> files;
    for (const TableMatch& m : matches) files.push_back({linked_[m.source].mapping + ".map", Mapping(m)});
    files.push_back({"scope.map", Scope(matched)});
    return files;
  }

 private:
  // The key others refer to, else the first; read folded when references
  // match it only after trimming and upper case (text keys only).
  const CandidateKey* ChooseKey(const TableProfile& t, bool& fold) const {
    const CandidateKey* chosen = t.keys.empty() ? nullptr : &t.keys.front();
    for (const CandidateKey& k : t.keys)
      for (const CandidateReference& r : profile_.references)
        if (r.key_table == t.name && r.key_column == k.column) {
          chosen = &k;
          if (r.matched_folded > 0 && SourceType(*t.Find(k.column)) == core::ColumnType::kText) fold = true;
        }
    return chosen;
  }

  std::string Read(const Linked& l, const std::string& column, bool fold) const {
    const std::string cell = l.alias + "." + column;
    return fold ? "upper(trim(" + cell + "))" : cell;
  }

  // `xref(...)` for a target column that is another linked target's key.
  bool Reference(const Linked& l, const core::Column& tc, std::string& out, std::set<std::string>& used) const {
    for (const auto& [name, table] : target_.tables) {
      if (name == by_target_for(l) || !by_target_.count(name)) continue;
      const core::Column* pk = nullptr;
      for (const core::Column& c : table.columns)
        if (c.primary_key) pk = &c;
      if (pk == nullptr || pk->name != tc.name) continue;
      const Linked& other = linked_.at(by_target_.at(name));
      if (other.key == nullptr) continue;
      for (const CandidateReference& r : profile_.references) {
        if (r.table != l.table->name || r.key_table != other.table->name || r.key_column != other.key->column) continue;
        const int64_t present = r.rows - r.missing;
        out += "  # " + r.column + " refers to " + r.key_table + "." + r.key_column + ": " + Count(r.matched) +
               " as written, " + Count(r.matched_folded) + " only after trim and upper case, " + Count(r.orphans) +
               " orphans (" + Pct(r.orphans, present) + "), " + Count(r.missing) + " NULL or blank\n";
        out += "  " + tc.name + " = xref(" + other.mapping + ", " + Read(l, r.column, other.fold_key) + ")\n";
        used.insert(r.column);
        return true;
      }
    }
    return false;
  }

  std::string by_target_for(const Linked& l) const {
    for (const auto& [target, source] : by_target_)
      if (source == l.table->name) return target;
    return {};
  }

  std::string Observed(const ColumnProfile& c) const {
    std::string seen = c.name + ": " + Count(c.rows - c.nulls - c.blanks) + " values, " + Count(c.nulls) + " NULL, " +
                       Count(c.blanks) + " blank";
    if (c.padded) seen += ", " + Count(c.padded) + " padded";
    if (c.non_utf8) seen += ", " + Count(c.non_utf8) + " not UTF-8";
    return seen;
  }

  // The assignment of `tc` from source column `c`, with what was seen; ""
  // when no expression of the language converts it.
  std::string Assign(const Linked& l, const core::Column& tc, const ColumnProfile& c, std::string& codesets) {
    const core::ColumnType st = SourceType(c);
    const std::string cell = l.alias + "." + c.name;
    const bool text = st == core::ColumnType::kText;
    std::string note = "  # " + Observed(c), expr;
    switch (tc.type) {
      case core::ColumnType::kDate: {
        if (st == core::ColumnType::kDate) {
          expr = cell;
          break;
        }
        if (!text) return "";
        std::string formats;
        for (const DateFormatCount& f : c.date_formats) {
          formats += ", " + Quoted(f.format);
          note += "; " + Pct(f.count, c.dates) + " " + f.format + (c.personal ? "" : " (e.g. " + f.example + ")");
        }
        if (formats.empty()) formats = ", \"%Y-%m-%d\"";
        if (c.ambiguous_dates)
          note += "; " + Count(c.ambiguous_dates) + " read both as day/month and month/day (taken as the first format that reads them)";
        if (c.unreadable_dates) note += "; " + Count(c.unreadable_dates) + " date-shaped but impossible";
        expr = "date(trim(" + cell + ")" + formats + ")";
        break;
      }
      case core::ColumnType::kPence:
        if (st == core::ColumnType::kDate || st == core::ColumnType::kBool) return "";
        note += "; money text: " + Count(c.money.pound_sign) + " with £, " + Count(c.money.thousands_commas) +
                " with commas, " + Count(c.money.float_noise) + " with float noise, " + Count(c.money.negative) +
                " negative, " + Count(c.money.unreadable) + " unreadable";
        expr = "money(" + cell + ")";
        break;
      case core::ColumnType::kText:
        if (c.looks == Looks::kCode) {
          const std::string set = CodeSetName(l, tc);
          note += "; " + Count(c.distinct) + " spellings: code set " + set + " below";
          expr = "code(" + set + ", " + cell + ")";
          codesets += CodeSet(set, c);
        } else if (text) {
          expr = c.non_utf8 ? "trim(utf8(" + cell + "))" : "trim(" + cell + ")";
        } else {
          expr = "text(" + cell + ")";
        }
        break;
      case core::ColumnType::kInteger:
        if (st == core::ColumnType::kInteger) expr = cell;
        else if (text && (c.looks == Looks::kInteger || c.looks == Looks::kIdentifier)) expr = "integer(" + cell + ")";
        else return "";
        break;
      default:
        return "";
    }
    std::string out = note + "\n  " + tc.name + " = " + expr + "\n";
    if (tc.not_null && (tc.type == core::ColumnType::kDate || tc.type == core::ColumnType::kPence))
      out += "  reject when " + tc.name + " is null because " + Quoted("unreadable " + c.name) + " as unreadable_" +
             tc.name + "\n";
    return out;
  }

  std::string CodeSetName(const Linked& l, const core::Column& tc) {
    std::string name = tc.name;
    if (!codeset_names_.insert(name).second) codeset_names_.insert(name = l.mapping + "_" + tc.name);
    return name;
  }

  // Every value found, one line per spelling up to case and spaces, commented
  // out: which council code each is, is the decision.
  static std::string CodeSet(const std::string& name, const ColumnProfile& c) {
    std::map<std::string, std::pair<int64_t, std::vector<std::string>>> folded;  // folded -> rows, spellings
    for (const ValueCount& v : c.top) {
      auto& entry = folded[core::AsciiLower(std::string(Trimmed(v.value)))];
      entry.first += v.count;
      entry.second.push_back(v.value);
    }
    std::string out = "\n# " + c.name + ": every value found (" + (c.top_exact ? "all of them" : "the most frequent") +
                      "), counted in rows. Write the council code of each and remove the '#'.\ncodeset " + name +
                      " ignore case ignore spaces unmapped reject\n";
    for (const auto& [key, entry] : folded) {
      if (key.empty()) continue;
      out += "#  " + Quoted(entry.second.front()) + " -> \"\"    # " + Count(entry.first) + " rows";
      for (size_t i = 1; i < entry.second.size(); ++i) out += (i == 1 ? "; also " : ", ") + Quoted(entry.second[i]);
      out += "\n";
    }
    return out;
  }

  std::string Mapping(const TableMatch& m) {
    const Linked& l = linked_.at(m.source);
    const TableProfile& t = *l.table;
    const core::TableSchema& target = *target_.Find(m.target);
    std::string out = "# Scaffolded by handover scaffold from " + profile_.source + " (profiled " + profile_.profiled_at +
                      "): source table " + t.name + " (" + Count(t.rows) + " rows) into " + m.target + " (" +
                      std::to_string(m.shared_columns) + " columns named alike). Every line is a guess to confirm.\n";
    out += "mapping " + l.mapping + " from " + t.name + " " + l.alias + "\n";
    std::set<std::string> used;
    if (l.key) {
      out += "  # key: " + l.key->column + ", different in every one of " + Count(l.key->values) + " rows" +
             (l.key->missing ? "; " + Count(l.key->missing) + " rows have none" : "") + "\n";
      out += "  key " + Read(l, l.key->column, l.fold_key) + "\n";
    } else {
      out += "  # no column of " + t.name + " is different in every row: no key, so no council_id or xref to it\n";
    }
    for (const ColumnProfile& c : t.columns)
      if (core::AsciiLower(c.name).find("deleted") != std::string::npos) {
        std::string values;
        for (const ValueCount& v : c.top) values += (values.empty() ? "" : ", ") + Quoted(v.value) + " " + Count(v.count);
        out += "  # " + c.name + " may mark deleted rows (" + values + ", " + Count(c.nulls) +
               " NULL): exclude when ... because \"...\"?\n";
      }
    out += "  into " + m.target + "\n";
    std::string codesets, decisions;
    for (const core::Column& tc : target.columns) {
      if (tc.primary_key && l.key) {
        out += "  " + tc.name + " = council_id\n";
        continue;
      }
      if (Reference(l, tc, out, used)) continue;
      const ColumnProfile* best = nullptr;
      int best_score = 1;
      for (const ColumnProfile& c : t.columns) {
        const int score = ColumnNameScore(c.name, tc.name);
        if (score > best_score && !used.count(c.name)) best = &c, best_score = score;
      }
      const std::string assigned = best ? Assign(l, tc, *best, codesets) : "";
      if (!assigned.empty()) {
        out += assigned;
        used.insert(best->name);
      } else if (tc.not_null && !tc.has_default) {
        decisions += "  # " + tc.name + " = ...    (" + tc.declared_type + " NOT NULL: no source column found for it)\n";
      }
    }
    out += decisions;
    std::string unread;
    for (const ColumnProfile& c : t.columns)
      if (!used.count(c.name) && (!l.key || c.name != l.key->column)) unread += (unread.empty() ? "" : ", ") + c.name;
    if (!unread.empty()) out += "  # not read yet: " + unread + "\n";
    return out + codesets;
  }

  std::string Scope(const std::set<std::string>& matched) const {
    std::string out = "# Source tables no target table was matched to (by name and columns). Map them, or say why\n"
                      "# they are not migrated.\n";
    for (const TableProfile& t : profile_.tables)
      if (!matched.count(t.name))
        out += "ignore table " + t.name + " because \"not matched yet\"    # " + Count(t.rows) + " rows\n";
    return out;
  }

  const SourceProfile& profile_;
  const core::Catalog& target_;
  std::map<std::string, Linked> linked_;          // by source table
  std::map<std::string, std::string> by_target_;  // target table -> source table
  std::set<std::string> codeset_names_;
};

}  // namespace

std::vector<ScaffoldFile> Scaffold(const SourceProfile& profile, const core::Catalog& target) {
  return Writer(profile, target).Run();
}

core::Status ScaffoldFolderIsFree(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) return core::Status::Ok();
  if (!std::filesystem::is_directory(dir, error))
    return core::Status::Error(core::ErrorCode::kUsage, "--out " + dir.string() + " is not a folder");
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".map" || ext == ".csv")
      return core::Status::Error(core::ErrorCode::kUsage,
                                 "--out " + dir.string() + " already holds mapping files (" +
                                     entry.path().filename().string() +
                                     "); scaffold writes a new mapping set: give a new or empty folder");
  }
  return core::Status::Ok();
}

}  // namespace handover::profile
