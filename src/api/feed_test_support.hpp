#pragma once
// Test helper for the feed, stats and end-to-end API tests: a screening run with its leads,
// written before the server starts.

#include <gtest/gtest.h>

#include "screen/screening_job.hpp"
#include "store/calendar_repository.hpp"
#include "workflow/leads/deadline_policy.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::api::testing_support {

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
