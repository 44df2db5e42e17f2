#pragma once
// Internal to the lead routes (routes_lead.cpp, lead_action_routes.cpp, lead_inbox_routes.cpp):
// the lead service of one request and the lookups every lead route shares.

#include <memory>
#include <string_view>

#include "api/router.hpp"
#include "common/work_calendar.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::api {

// A LeadService over the request's connection. With `with_calendar`, the stored working-day
// calendar and deadline policy are loaded (intake and actions compute deadlines); reads need
// neither.
class LeadDesk {
 public:
  static Result<std::unique_ptr<LeadDesk>> open(Call& call, bool with_calendar);
  workflow::LeadService& leads() { return *service_; }

 private:
  LeadDesk() = default;
  WorkCalendar calendar_;
  std::unique_ptr<workflow::LeadService> service_;
};

// The lead `lead_no` when the caller may see it; kNotFound when it does not exist or lies
// outside the caller's area.
Result<Lead> visible_lead(const Call& call, workflow::LeadService& leads, std::string_view lead_no);

void register_lead_action_route(Router& router);
void register_lead_inbox_routes(Router& router);

}  // namespace faxian::api
