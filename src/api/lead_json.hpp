#pragma once
// Leads as the API writes them (50-api-security.md "Lists": a lead item carries lead_no,
// household_no, sources, level, status, township, village, created, first_contact_due,
// verification_due, assignee, version). Privacy: an unidentified subject's name is masked in
// lists and for callers who do not handle the lead, phones are always masked, and texts derived
// from health or income data (the description of a data-warning lead, a verification's medical
// condition and notes) are shown only to the lead's handlers (lead_access.hpp).

#include <vector>

#include <nlohmann/json.hpp>

#include "domain/lead.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::api {

// A list item.
nlohmann::json lead_item_json(const Lead& lead);

// The lead itself as the caller may see it: the item's fields and the subject, description,
// dates, sources with their references and outcomes (the body of intake and action answers).
nlohmann::json lead_json(const workflow::Actor& actor, const Lead& lead);

nlohmann::json lead_event_json(const LeadEvent& event);
nlohmann::json verification_json(const VerificationRecord& record, bool show_health);
nlohmann::json candidate_json(const workflow::SubjectCandidate& candidate, bool show_name);

// null for an absent date, "YYYY-MM-DD" otherwise.
nlohmann::json date_json(const std::optional<Date>& date);

}  // namespace faxian::api
