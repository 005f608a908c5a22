// CsvReader: one CSV file's records, streamed through libcsv in fixed-size
// chunks, so memory stays flat however long the file is. Strict RFC 4180:
// fields separated by commas, quoted fields may hold commas, doubled quotes
// and line breaks; records end at LF or CRLF, the last may lack one; blank
// lines are skipped; a UTF-8 byte order mark is dropped. Spaces are part of
// the value. Bytes are handed on as they are: decoding is the caller's.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

struct csv_parser;

namespace handover::db {

// One record: its fields' raw bytes, and the line of the file it starts on.
struct CsvRecord {
  int64_t line = 0;
  std::vector<std::string> fields;
  // Per field, 1 when it was empty and unquoted (how exporters write NULL).
  std::vector<char> bare_empty;
};

class CsvReader {
 public:
  // Opens `path` for reading. Fails (kNotFound, kIo) with "cannot be opened:
  // <the system's reason>". Every message is about the file and starts with
  // what is wrong with it, for the caller to put its name in front.
  static core::Result<std::unique_ptr<CsvReader>> Open(const std::filesystem::path& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into record(). Returns false at the end of the
  // file. Fails (kData) on malformed CSV with a message that starts with the
  // line ("line 57 has a stray quote: ..."), or (kIo, "cannot be read: ...").
  core::Result<bool> Next();
  // The record Next read; valid until the next call.
  const CsvRecord& record() const { return record_; }

 private:
  explicit CsvReader(std::FILE* file);
  static void OnField(void* bytes, size_t size, void* self);
  static void OnRecordEnd(int terminator, void* self);
  // Reads the next chunk of the file; false at its end.
  core::Result<bool> Fill();
  // Feeds the bytes up to and including the next LF (or the chunk's end).
  core::Status FeedLine();

  std::FILE* file_;
  std::unique_ptr<csv_parser> parser_;
  std::vector<char> chunk_;
  size_t chunk_begin_ = 0, chunk_end_ = 0;
  bool first_chunk_ = true, at_end_ = false, finished_ = false;
  int64_t line_ = 1;        // the line being fed
  int64_t field_line_ = 1;  // the line the field being read starts on
  bool between_records_ = true;
  bool complete_ = false;   // record_ holds a whole record not yet returned
  size_t used_ = 0;         // fields of record_ filled so far
  CsvRecord record_;
};

}  // namespace handover::db
