#pragma once
// A ZIP archive (an .xlsx) read with libzip, with zip-bomb guards: an entry is refused before
// inflating when its declared size exceeds what is left of max_uncompressed_bytes, or when it
// inflates more than max_compression_ratio times (beyond its first MiB); while reading, an
// entry that yields more than it declared, or an archive that yields more than
// max_uncompressed_bytes in total, stops with an Error. Errors carry Chinese messages.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "ingest/table_reader.hpp"

struct zip;
struct zip_file;

namespace faxian::ingest {

class ZipArchive;

// One entry being inflated. REQUIRES: its archive outlives it.
class ZipEntryStream {
 public:
  ~ZipEntryStream();
  ZipEntryStream(const ZipEntryStream&) = delete;
  ZipEntryStream& operator=(const ZipEntryStream&) = delete;

  // Inflates up to `size` bytes into `out`: the count (0 at the end of the entry), or an Error
  // (corrupt data, CRC mismatch, a guard tripped).
  Result<size_t> read(char* out, size_t size);

 private:
  friend class ZipArchive;
  ZipEntryStream(ZipArchive& archive, zip_file* file, std::string name, int64_t declared)
      : archive_(archive), file_(file), name_(std::move(name)), declared_(declared) {}

  ZipArchive& archive_;
  zip_file* file_;
  std::string name_;
  int64_t declared_;
  int64_t produced_ = 0;
};

class ZipArchive {
 public:
  // Opens an archive file. Errors: not a zip, truncated or corrupt (kInvalidArgument), I/O.
  static Result<std::unique_ptr<ZipArchive>> open_file(const std::string& path,
                                                       const ReaderLimits& limits);
  // Opens an archive held in memory (the bytes are kept by the archive).
  static Result<std::unique_ptr<ZipArchive>> open_bytes(std::string bytes,
                                                        const ReaderLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The index of the entry named `name` (ASCII case-insensitive), if there is one.
  std::optional<int64_t> find(std::string_view name) const;
  // Starts inflating an entry (guards above). REQUIRES: index came from find().
  Result<std::unique_ptr<ZipEntryStream>> open_entry(int64_t index);
  // A whole entry (for the small parts: workbook, relations, styles); an Error when it is
  // larger than `max_bytes` or the guards trip.
  Result<std::string> read_entry(int64_t index, int64_t max_bytes);

 private:
  friend class ZipEntryStream;
  explicit ZipArchive(const ReaderLimits& limits) : limits_(limits) {}
  static Result<std::unique_ptr<ZipArchive>> finish_open(std::unique_ptr<ZipArchive> archive);
  Result<void> count_inflated(const std::string& name, size_t bytes);

  zip* zip_ = nullptr;
  std::string bytes_;  // backing store of an in-memory archive
  ReaderLimits limits_;
  int64_t inflated_ = 0;  // bytes inflated so far from all entries
};

}  // namespace faxian::ingest
