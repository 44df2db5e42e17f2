// The import case folders: every tests/cases/import/<case>/case.json is one test, run through
// import_file() (the path `faxian import` takes) on a store holding the real 秀山 regions, so
// adding a case needs no C++. See tests/cases/import/README.md for the format.

#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/file_util.hpp"
#include "common/source_dir_for_tests.hpp"
#include "domain/region.hpp"
#include "ingest/import_report.hpp"
#include "ingest/import_runner.hpp"
#include "store/migrations/migrations.hpp"
#include "store/region_repository.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian::ingest {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path cases_dir() {
  return fs::path(faxian_source_dir()) / "tests" / "cases" / "import";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(cases_dir())) {
    if (entry.is_directory() && fs::exists(entry.path() / "case.json"))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Every key of `expected` must be in `actual` with a matching value: objects match key by key
// (extra keys in `actual` are ignored), arrays element by element and of the same length,
// scalars exactly. Mismatches are appended to `problems` with their JSON path.
void match(const json& expected, const json& actual, const std::string& path,
           std::vector<std::string>& problems) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      problems.push_back(path + ": expected an object, got " + actual.dump());
      return;
    }
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        problems.push_back(path + "/" + key + ": missing");
        continue;
      }
      match(value, actual.at(key), path + "/" + key, problems);
    }
    return;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      match(expected[i], actual[i], path + "/" + std::to_string(i), problems);
    return;
  }
  if (expected != actual)
    problems.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
}

using CaseParam = std::tuple<testing_support::DatabaseFactory, std::string>;

class ImportCaseTest : public ::testing::TestWithParam<CaseParam> {
 protected:
  void SetUp() override {
    test_db_ = std::get<0>(GetParam()).create();
    ASSERT_NE(test_db_, nullptr);
    auto migrated = migrate(db(), clock_.now_unix());
    ASSERT_TRUE(migrated.has_value()) << migrated.error().to_string();
    auto regions = load_regions_file(
        (fs::path(faxian_source_dir()) / "data" / "regions" / "500241.csv").string());
    ASSERT_TRUE(regions.has_value()) << regions.error().to_string();
    auto stored = RegionRepository(db()).upsert_all(*regions);
    ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  }
  Database& db() { return test_db_->db(); }

  std::string text(std::string_view sql) {
    auto statement = db().prepare(sql);
    EXPECT_TRUE(statement.has_value()) << sql;
    if (!statement)
      return "";
    auto row = (*statement)->step();
    EXPECT_TRUE(row.has_value()) << sql;
    if (!row || !*row || (*statement)->column_is_null(0))
      return "";
    return std::string((*statement)->column_text(0));
  }

  // Imports one step ({feed, file, strict?, lang?}) and returns its JSON report.
  json run_step(const fs::path& dir, const json& step) {
    ImportRequest request;
    const std::string feed_text = step.at("feed").get<std::string>();
    const auto feed = find_feed(feed_text);
    EXPECT_TRUE(feed.has_value()) << "unknown feed " << feed_text;
    request.feed = feed.value_or(FeedKind::kPopulation);
    request.strict = step.value("strict", false);
    request.imported_by = "case";
    request.language =
        step.value("lang", "zh") == "en" ? MessageLanguage::kEnglish : MessageLanguage::kChinese;
    const fs::path file = dir / step.at("file").get<std::string>();
    auto outcome = import_file(db(), clock_, file.string(), request);
    if (!outcome)
      return json{{"error", error_code_name(outcome.error().code)}};
    return import_report_json(*outcome);
  }

  void check_sql(const json& checks) {
    for (const json& check : checks) {
      const std::string sql = check.at("sql").get<std::string>();
      EXPECT_EQ(text(sql), check.at("value").get<std::string>()) << sql;
    }
  }

  std::unique_ptr<testing_support::TestDatabase> test_db_;
  FixedClock clock_ = FixedClock::at(Date::parse_iso("2026-11-20").value());
};

TEST_P(ImportCaseTest, ReportMatches) {
  const fs::path dir = cases_dir() / std::get<1>(GetParam());
  auto text_of_case = read_file((dir / "case.json").string());
  ASSERT_TRUE(text_of_case.has_value()) << text_of_case.error().to_string();
  const json spec = json::parse(*text_of_case);
  clock_.set(FixedClock::at(Date::parse_iso(spec.value("today", "2026-11-20")).value()).now_unix());
  for (const json& step : spec.value("before", json::array())) {
    const json report = run_step(dir, step);
    ASSERT_EQ(report.value("status", ""), "committed") << "setup step: " << report.dump(2);
  }
  const json report = run_step(dir, spec);
  std::vector<std::string> problems;
  match(spec.at("expect"), report, "", problems);
  for (const std::string& problem : problems)
    ADD_FAILURE() << problem;
  if (!problems.empty())
    ADD_FAILURE() << "report:\n" << report.dump(2);
  check_sql(spec.value("sql", json::array()));
  if (spec.contains("expect_again")) {
    const json again = run_step(dir, spec);
    std::vector<std::string> again_problems;
    match(spec.at("expect_again"), again, "", again_problems);
    for (const std::string& problem : again_problems)
      ADD_FAILURE() << "second import " << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ImportCaseTest,
    ::testing::Combine(::testing::ValuesIn(testing_support::database_factories()),
                       ::testing::ValuesIn(case_names())),
    [](const auto& info) {
      std::string name = std::get<1>(info.param) + "_" + std::get<0>(info.param).name;
      std::replace_if(
          name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
      return name;
    });

}  // namespace
}  // namespace faxian::ingest
