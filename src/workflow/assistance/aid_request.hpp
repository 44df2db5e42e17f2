#pragma once
// 临时救助请示: the amount asked for an application and its approval track (小额快救 / 乡镇 /
// 一事一议). A 一事一议 request waits in the county's inbox until county_officer or
// county_admin decides it (5 working days by default). Stored in temporary_aid_requests;
// `update` checks the version like every other workflow change.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "store/database.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

struct AidRequest {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t household_id = 0;
  std::string township_code{};
  std::optional<int64_t> lead_id{};
  AidTrack track = AidTrack::kQuick;
  Money amount;
  Money standard;  // the monthly 低保 standard the track was judged on
  std::string reasons{};
  AidRequestStatus status = AidRequestStatus::kRequested;
  Date requested_on{};
  std::optional<Date> decision_due{};  // nullopt: calendar missing (or not a county request)
  std::optional<Date> decided_on{};
  std::optional<int64_t> decided_by{};
  std::string decided_by_name{};
  std::string decision_reason{};
  std::optional<int64_t> payment_id{};
  int64_t version = 1;
  std::string created_by{};

  bool operator==(const AidRequest&) const = default;
};

class AidRequestRepository {
 public:
  AidRequestRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts `request` (id and version set here); returns it as stored.
  Result<AidRequest> insert(const AidRequest& request);
  // Writes status, amount (the approved one) and decision fields when the stored version is
  // `request.version`; kConflict otherwise (nothing written).
  Result<AidRequest> update(const AidRequest& request);
  Result<std::optional<AidRequest>> find(int64_t id);
  Result<std::vector<AidRequest>> for_application(int64_t application_id);
  // Requests of one track and status, oldest first (the county's 一事一议 inbox).
  Result<std::vector<AidRequest>> list(AidTrack track, AidRequestStatus status);
  // Requests still waiting whose decision is due before `on` (overdue on it), oldest first.
  Result<std::vector<AidRequest>> overdue(Date on);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
