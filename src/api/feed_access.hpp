#pragma once
// Who may upload a department feed and read its batch reports (50-api-security.md
// "Authorisation", 00-overview.md: a department liaison "uploads its department's feeds").
//
// * county_admin uploads every feed; county_admin, county_officer and auditors read every batch.
// * A department API token uploads and reads exactly the feeds it was issued for (its `feeds`).
// * A department_liaison account uploads and reads the feeds of its department: its
//   `department` is either a feed's fixed name ("medical") or a department of the catalogue
//   (workflow/casework/department.hpp: "medical_security", "医保局", "人社局" …), which sends the
//   feeds listed in kFeedSenders in feed_access.cpp (医保局 → medical; 人社局 → employment,
//   income; 公安局 → population, death; …).
// * Nobody else uploads or reads batches (township and village roles, the hotline).

#include <optional>
#include <vector>

#include "api/router.hpp"
#include "domain/feed_kind.hpp"

namespace faxian::api {

// The feeds a liaison account's department sends (none for an unknown department).
std::vector<FeedKind> feeds_of_department(std::string_view department);

// Whether the caller may upload a batch of `feed`.
bool may_upload_feed(const Caller& caller, FeedKind feed);

// The feeds whose batches the caller may read; nullopt = every feed.
std::optional<std::vector<FeedKind>> readable_feeds(const Caller& caller);

}  // namespace faxian::api
