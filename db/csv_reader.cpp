#include "db/csv_reader.h"

#include <csv.h>

#include <cerrno>
#include <cstring>

namespace handover::db {
namespace {

// The file is read in chunks of this size, and libcsv is fed one line at a
// time, so that every callback knows the line it is on.
constexpr size_t kChunkBytes = 64 * 1024;

// Only a carriage return counts as libcsv's "space": it then drops the CR of
// a CRLF after a value (quoted or not) and keeps every real space and tab.
int IsCarriageReturn(unsigned char c) { return c == '\r'; }
// Records end at LF only, so a record ends exactly at the end of a line.
int IsLineFeed(unsigned char c) { return c == '\n'; }

core::Status DataError(int64_t line, const std::string& what) {
  return core::Status::Error(core::ErrorCode::kData, "line " + std::to_string(line) + " " + what);
}

}  // namespace

core::Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr)
    return core::Status::Error(errno == ENOENT ? core::ErrorCode::kNotFound : core::ErrorCode::kIo,
                               std::string("cannot be opened: ") + std::strerror(errno));
  return std::unique_ptr<CsvReader>(new CsvReader(file));
}

CsvReader::CsvReader(std::FILE* file) : file_(file), parser_(std::make_unique<csv_parser>()), chunk_(kChunkBytes) {
  csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL);
  csv_set_space_func(parser_.get(), IsCarriageReturn);
  csv_set_term_func(parser_.get(), IsLineFeed);
  // The field buffer grows in steps of this (libcsv's default is 128 bytes).
  csv_set_blk_size(parser_.get(), 4096);
}

CsvReader::~CsvReader() {
  csv_free(parser_.get());
  std::fclose(file_);
}

void CsvReader::OnField(void* bytes, size_t size, void* self_pointer) {
  CsvReader& self = *static_cast<CsvReader*>(self_pointer);
  CsvRecord& record = self.record_;
  if (self.used_ == record.fields.size()) {
    record.fields.emplace_back();
    record.bare_empty.push_back(0);
  }
  if (bytes == nullptr) record.fields[self.used_].clear();
  else record.fields[self.used_].assign(static_cast<const char*>(bytes), size);
  record.bare_empty[self.used_] = bytes == nullptr;
  ++self.used_;
  // The next field starts after the comma, on the line being fed.
  self.field_line_ = self.line_;
}

void CsvReader::OnRecordEnd(int, void* self_pointer) {
  CsvReader& self = *static_cast<CsvReader*>(self_pointer);
  self.record_.fields.resize(self.used_);
  self.record_.bare_empty.resize(self.used_);
  self.complete_ = true;
  self.between_records_ = true;
}

core::Result<bool> CsvReader::Fill() {
  const size_t got = std::fread(chunk_.data(), 1, chunk_.size(), file_);
  if (got == 0) {
    if (std::ferror(file_))
      return core::Status::Error(core::ErrorCode::kIo, std::string("cannot be read: ") + std::strerror(errno));
    return false;
  }
  chunk_begin_ = 0;
  chunk_end_ = got;
  if (first_chunk_ && got >= 3 && std::memcmp(chunk_.data(), "\xEF\xBB\xBF", 3) == 0) chunk_begin_ = 3;
  first_chunk_ = false;
  return true;
}

core::Status CsvReader::FeedLine() {
  const char* begin = chunk_.data() + chunk_begin_;
  const size_t available = chunk_end_ - chunk_begin_;
  const char* lf = static_cast<const char*>(std::memchr(begin, '\n', available));
  const size_t size = lf != nullptr ? size_t(lf - begin) + 1 : available;
  if (between_records_) {
    // Any byte but CR and LF starts a record (libcsv skips blank lines).
    for (size_t i = 0; i < size; ++i)
      if (begin[i] != '\r' && begin[i] != '\n') {
        between_records_ = false;
        record_.line = field_line_ = line_;
        break;
      }
  }
  const size_t fed = csv_parse(parser_.get(), begin, size, OnField, OnRecordEnd, this);
  if (fed != size) {
    if (csv_error(parser_.get()) == CSV_EPARSE)
      return DataError(line_, "has a stray quote: a quoted field must end at a comma or the line's end, "
                              "and a quote inside a field is written twice (\"say \"\"hi\"\"\")");
    return DataError(line_, std::string("cannot be read: ") + csv_strerror(csv_error(parser_.get())));
  }
  chunk_begin_ += size;
  if (lf != nullptr) ++line_;
  return core::Status::Ok();
}

core::Result<bool> CsvReader::Next() {
  complete_ = false;
  used_ = 0;
  while (!complete_) {
    if (chunk_begin_ == chunk_end_) {
      if (finished_) return false;
      auto more = Fill();
      if (!more.ok()) return more.status();
      if (*more) continue;
      finished_ = true;
      // The last record may lack its line end; a quote may be left open.
      if (csv_fini(parser_.get(), OnField, OnRecordEnd, this) != 0)
        return DataError(field_line_, "opens a quoted field that is never closed: add the closing quote (\") "
                                      "or remove the opening one");
      return complete_;
    }
    HANDOVER_RETURN_IF_ERROR(FeedLine());
  }
  return true;
}

}  // namespace handover::db
