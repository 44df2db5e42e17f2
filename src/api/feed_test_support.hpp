#pragma once
// Test helpers for the feed, stats and end-to-end API tests: the shipped working-day calendar
// stored in the database (as `faxian init` does; the lead deadlines need it) and a screening run
// with its leads, both written before the server starts.

#include <gtest/gtest.h>

#include "common/file_util.hpp"
#include "screen/screening_job.hpp"
#include "store/calendar_repository.hpp"
#include "workflow/leads/deadline_policy.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::api::testing_support {

// Stores every year of data/calendar in the database.
inline void store_shipped_calendar(Database& db, const Clock& clock) {
  auto files = list_files(FAXIAN_SOURCE_DIR "/data/calendar", ".json");
  ASSERT_TRUE(files.has_value()) << files.error().to_string();
  for (const std::string& file : *files) {
    auto json = read_file(file);
    ASSERT_TRUE(json.has_value()) << json.error().to_string();
    auto stored = CalendarRepository(db, clock).put_json(*json, "test");
    ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  }
}

// A full screening as of `as_of`, then the leads of its need warnings (what `faxian screen`
// does).
inline void screen_and_open_leads(Database& db, const Clock& clock, Date as_of) {
  auto screened = screen::screen_and_store(db, clock, as_of, screen::JobMode::kFull);
  ASSERT_TRUE(screened.has_value()) << screened.error().to_string();
  auto calendar = CalendarRepository(db, clock).load();
  ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
  auto policy = workflow::DeadlinePolicy::load(db);
  ASSERT_TRUE(policy.has_value()) << policy.error().to_string();
  auto leads = workflow::open_leads_for_warnings(db, clock, *calendar, *policy);
  ASSERT_TRUE(leads.has_value()) << leads.error().to_string();
}

}  // namespace faxian::api::testing_support
