#pragma once
// Row errors the importer itself finds (beyond the feed parser's cell errors): a row that
// parses but cannot be linked or stored. Messages in Chinese, or English by language; never a
// full resident ID, phone or name.

#include <cstdint>
#include <string_view>

#include "domain/import_batch.hpp"
#include "ingest/feed_parser.hpp"

namespace faxian::ingest {

namespace import_code {
inline constexpr std::string_view kUnknownVillage = "unknown_village";  // not in the regions
inline constexpr std::string_view kEndBeforeStart = "end_before_start";
inline constexpr std::string_view kEmptyFile = "empty_file";            // no header row
inline constexpr std::string_view kUnreadableFile = "unreadable_file";  // reader gave up
inline constexpr std::string_view kStoreFailed = "store_failed";        // the database refused
inline constexpr std::string_view kTooManyErrors = "too_many_errors";   // list truncated
}  // namespace import_code

// 村社区代码 names no village of the loaded regions.
BatchRowIssue unknown_village_issue(int64_t line, std::string_view column,
                                    std::string_view village_code, MessageLanguage language);
// An end date before the start date (registry 结束日期 < 开始日期).
BatchRowIssue end_before_start_issue(int64_t line, std::string_view column,
                                     MessageLanguage language);
// The file has no header row.
BatchRowIssue empty_file_issue(MessageLanguage language);
// The whole file failed: `message` is already in `language`.
BatchRowIssue file_issue(std::string_view code, std::string message);
// More than `kept` row errors: the rest were counted, not listed.
BatchRowIssue too_many_errors_issue(int64_t kept, int64_t dropped, MessageLanguage language);

}  // namespace faxian::ingest
