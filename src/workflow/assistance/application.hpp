#pragma once
// 救助申请: one application of a household for one kind of assistance, followed from
// acceptance to exit (40-workflow.md "Applications"). The service (application_service.hpp)
// changes applications; this header only names their parts.

#include <cstdint>
#include <optional>
#include <string>

#include "common/date.hpp"
#include "common/money.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

struct Application {
  int64_t id = 0;
  std::string application_no{};  // SQ20261120-0001
  ApplicationKind kind = ApplicationKind::kDibao;
  int64_t household_id = 0;
  std::optional<int64_t> applicant_person_id{};
  std::string township_code{};
  std::string village_code{};
  std::optional<int64_t> lead_id{};
  bool assisted = false;    // opened on the person's behalf (协助申请)
  bool fast_track = false;  // 先行救助: decided at once, paperwork afterwards
  ApplicationStatus status = ApplicationStatus::kSubmitted;
  std::string description{};
  Date submitted_on{};
  std::string special_reason{};        // recorded reason for the 40-day limit ("" = none)
  std::optional<Date> process_due{};   // nullopt: calendar missing, or no limit for the kind
  std::optional<Date> notice_from{};   // 公示: first day
  std::optional<Date> notice_until{};  // 公示: last day (7 calendar days in all)
  std::optional<ApplicationDecision> decision{};
  std::string decision_reason{};
  std::optional<Recommendation> recommendation{};  // of the check the decision relied on
  bool against_recommendation = false;
  std::optional<int64_t> eligibility_check_id{};
  std::optional<Date> decided_on{};
  std::optional<int64_t> decided_by{};
  std::optional<Date> start_on{};  // approved: assistance (and the category) from this date
  std::optional<Money> amount{};   // approved amount (monthly for 低保/特困, one-off otherwise)
  std::optional<Date> refusal_notice_due{};
  std::optional<Date> ended_on{};
  std::string end_reason{};
  int64_t version = 1;
  std::string created_by{};
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool operator==(const Application&) const = default;
};

// One row of an application's history.
struct ApplicationEvent {
  int64_t id = 0;
  std::string action{};  // submit, start_investigation, start_economic_check, start_public_notice,
                         // decide, start_payment, end, special_reason, eligibility_check …
  std::optional<ApplicationStatus> from_status{};
  std::optional<ApplicationStatus> to_status{};
  std::string actor{};
  std::string actor_role{};
  std::string reason{};
  std::string detail = "{}";  // JSON
  Date on_date{};
  int64_t at = 0;

  bool operator==(const ApplicationEvent&) const = default;
};

}  // namespace faxian::workflow
