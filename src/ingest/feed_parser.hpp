#pragma once
// Turning a feed's rows into typed records (domain/feed_records.hpp): the header is matched
// against the feed's schema (Chinese name or English alias, any order, surrounding spaces),
// each cell parsed by its column's field parser, and every problem reported as a
// BatchRowIssue with a Chinese (or English, by language) message. One schema per feed.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/feed_kind.hpp"
#include "domain/feed_records.hpp"
#include "domain/import_batch.hpp"
#include "ingest/table_reader.hpp"

namespace faxian::ingest {

enum class MessageLanguage { kChinese, kEnglish };

using AnyRecord =
    std::variant<PopulationRecord, MedicalRecord, EmploymentRecord, IncomeRecord, DisabilityRecord,
                 DeathRecord, DisasterRecord, PovertyMonitoringRecord, EducationRecord, AssetRecord,
                 HotlineRecord, ApplicationRecord, RegistryRecord>;

struct ParsedRow {
  int64_t line = 0;
  AnyRecord record;
  // The natural key of 20-feeds.md from normalised values ("row" feeds: a hash of the feed
  // name and the normalised known columns), and a hash of all normalised known columns —
  // the same for the same facts whatever the encoding, date format or ID form.
  std::string natural_key;
  std::string content_hash;
};

struct ParseContext {
  Date import_date;  // blank 变动日期 and similar defaults
  MessageLanguage language = MessageLanguage::kChinese;
};

class FeedParser {
 public:
  virtual ~FeedParser() = default;
  // Matches the header row. Returns file-level errors (a missing required column → an Error
  // listing every missing one); unknown columns become warnings (see warnings()).
  virtual Result<void> read_header(const TableRow& header) = 0;
  // Parses one data row: the record, or the row's errors (one per bad cell).
  virtual std::variant<ParsedRow, std::vector<BatchRowIssue>> parse(const TableRow& row) = 0;
  // Warnings collected so far (unknown columns …).
  virtual const std::vector<BatchRowIssue>& warnings() const = 0;
};

std::unique_ptr<FeedParser> make_feed_parser(FeedKind feed, const ParseContext& context);

// Whether every cell of a data row is blank (and the reader found no problem): such rows —
// trailing ",,,," lines, formatted but empty spreadsheet rows — are best skipped, not parsed
// (parse() would report every required column missing).
bool is_blank_row(const TableRow& row);

}  // namespace faxian::ingest
