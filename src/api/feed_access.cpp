// Feed upload and batch-report permissions (feed_access.hpp).

#include "api/feed_access.hpp"

#include <algorithm>

#include "workflow/casework/department.hpp"

namespace faxian::api {
namespace {

// The catalogue department that sends each feed (20-feeds.md names the senders). Feeds sent
// jointly by several offices (assets) or by the hotline centre have no liaison of their own:
// county_admin or an API token issued for them uploads those.
struct FeedSender {
  FeedKind feed;
  Department department;
};
constexpr FeedSender kFeedSenders[] = {
    {FeedKind::kPopulation, Department::kPublicSecurity},
    {FeedKind::kDeath, Department::kPublicSecurity},
    {FeedKind::kMedical, Department::kMedicalSecurity},
    {FeedKind::kEmployment, Department::kHumanResources},
    {FeedKind::kIncome, Department::kHumanResources},
    {FeedKind::kDisability, Department::kDisabledFederation},
    {FeedKind::kDisaster, Department::kEmergency},
    {FeedKind::kPovertyMonitoring, Department::kRuralRevitalisation},
    {FeedKind::kEducation, Department::kEducation},
    {FeedKind::kApplications, Department::kCivilAffairs},
    {FeedKind::kRegistry, Department::kCivilAffairs},
};

bool contains(const std::vector<FeedKind>& feeds, FeedKind feed) {
  return std::find(feeds.begin(), feeds.end(), feed) != feeds.end();
}

std::vector<FeedKind> token_feeds(const Caller& caller) {
  std::vector<FeedKind> feeds;
  for (const std::string& name : caller.token_feeds) {
    if (auto feed = enum_from_key<FeedKind>(name); feed && !contains(feeds, *feed))
      feeds.push_back(*feed);
  }
  return feeds;
}

bool is_liaison(const Caller& caller) {
  return caller.kind == Caller::Kind::kToken || caller.actor.role == Role::kDepartmentLiaison;
}

// The feeds of a liaison (token or account).
std::vector<FeedKind> liaison_feeds(const Caller& caller) {
  if (caller.kind == Caller::Kind::kToken)
    return token_feeds(caller);
  return feeds_of_department(caller.actor.department);
}

}  // namespace

std::vector<FeedKind> feeds_of_department(std::string_view department) {
  if (department.empty())
    return {};
  if (auto feed = enum_from_key<FeedKind>(department))
    return {*feed};
  auto catalogued = workflow::department_of_account(department);
  if (!catalogued)
    return {};
  std::vector<FeedKind> feeds;
  for (const FeedSender& sender : kFeedSenders) {
    if (sender.department == *catalogued)
      feeds.push_back(sender.feed);
  }
  return feeds;
}

bool may_upload_feed(const Caller& caller, FeedKind feed) {
  if (is_liaison(caller))
    return contains(liaison_feeds(caller), feed);
  return caller.kind == Caller::Kind::kSession && caller.actor.role == Role::kCountyAdmin;
}

std::optional<std::vector<FeedKind>> readable_feeds(const Caller& caller) {
  if (is_liaison(caller))
    return liaison_feeds(caller);
  switch (caller.actor.role) {
    case Role::kCountyAdmin:
    case Role::kCountyOfficer:
    case Role::kAuditor:
      return std::nullopt;
    default:
      return std::vector<FeedKind>{};
  }
}

}  // namespace faxian::api
