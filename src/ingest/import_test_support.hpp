#pragma once
// Test helpers for the importer: a migrated store with 秀山 regions (testing_support::StoreTest),
// imports of CSV text through the real readers and parsers, valid resident IDs on demand and
// small queries.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "common/resident_id.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/import_runner.hpp"
#include "ingest/table_reader.hpp"
#include "store/query.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian::ingest::testing_support {

using faxian::testing_support::day;
using faxian::testing_support::StoreTest;

inline constexpr std::string_view kVillageUrban = "500241001001";  // 东风社区 (seed_regions)
inline constexpr std::string_view kVillageRural = "500241101200";  // 大寨村

// A valid 18-digit resident ID of a 秀山 person born on `birth` (YYYYMMDD) with sequence `seq`
// (odd: male).
inline std::string valid_id(std::string_view birth, int seq) {
  std::string first17 = "500241" + std::string(birth) + fmt::format("{:03d}", seq);
  return first17 + ResidentId::check_character(first17);
}

class ImportTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    seed_regions();
  }

  // Imports `text` (CSV, header first) as one batch of `feed`.
  ImportOutcome import_text(FeedKind feed, std::string_view text, ImportRequest request = {}) {
    request.feed = feed;
    if (request.file_name.empty())
      request.file_name = "test.csv";
    if (request.sha256.empty())
      request.sha256 = std::string(64, '0');
    if (request.imported_by.empty())
      request.imported_by = "test";
    auto reader = open_table_bytes(text);
    EXPECT_TRUE(reader.has_value()) << reader.error().to_string();
    if (!reader)
      return {};
    ParseContext context{.import_date = clock_.today(), .language = request.language};
    auto parser = make_feed_parser(feed, context);
    auto outcome = import_table(db(), clock_, **reader, *parser, request);
    EXPECT_TRUE(outcome.has_value()) << outcome.error().to_string();
    return outcome.value_or(ImportOutcome{});
  }

  int64_t count(std::string_view sql) {
    auto value = query_int(db(), sql, [](Statement&) {});
    EXPECT_TRUE(value.has_value()) << value.error().to_string();
    return value.value_or(-1);
  }

  std::string text(std::string_view sql) {
    auto statement = db().prepare(sql);
    EXPECT_TRUE(statement.has_value());
    if (!statement)
      return "";
    auto row = (*statement)->step();
    if (!row || !*row || (*statement)->column_is_null(0))
      return "";
    return std::string((*statement)->column_text(0));
  }
};

}  // namespace faxian::ingest::testing_support
