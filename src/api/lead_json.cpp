#include "api/lead_json.hpp"

#include <algorithm>

#include "api/lead_access.hpp"
#include "common/text.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

json text_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

// A stored JSON detail, or the text itself when it is not JSON.
json stored_json(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(text) : parsed;
}

bool from_data_warning(const Lead& lead) {
  return std::any_of(lead.sources.begin(), lead.sources.end(), [](const LeadSourceEntry& entry) {
    return entry.source == LeadSource::kDataWarning;
  });
}

json subject_json(const Lead& lead, bool full) {
  if (lead.household_id)
    return nullptr;
  return {{"name", full ? lead.subject.name : mask_name(lead.subject.name)},
          {"phone", text_or_null(mask_phone(lead.subject.phone))},
          {"address", full ? text_or_null(lead.subject.address) : json(nullptr)}};
}

json source_json(const LeadSourceEntry& source, bool show_health) {
  const bool hidden = source.source == LeadSource::kDataWarning && !show_health;
  return {{"source", enum_key(source.source)},
          {"reference", text_or_null(source.reference)},
          {"level", level_key(source.level)},
          {"description", hidden ? json(nullptr) : json(source.description)},
          {"reported_on", source.reported_on.iso()},
          {"actor", source.actor}};
}

json outcome_json(const LeadOutcomeEntry& outcome) {
  return {{"outcome", enum_key(outcome.outcome)},         {"state", enum_key(outcome.state)},
          {"reference", text_or_null(outcome.reference)}, {"params", stored_json(outcome.detail)},
          {"decided_on", outcome.decided_on.iso()},       {"done_on", date_json(outcome.done_on)}};
}

}  // namespace

json date_json(const std::optional<Date>& date) {
  return date ? json(date->iso()) : json(nullptr);
}

json lead_item_json(const Lead& lead) {
  return {{"lead_no", lead.lead_no},
          {"household_no", text_or_null(lead.household_no)},
          {"subject", lead.household_id ? json(nullptr) : json(mask_name(lead.subject.name))},
          {"sources", lead_source_keys(lead)},
          {"level", level_key(lead.level)},
          {"status", enum_key(lead.status)},
          {"township", lead.township_code},
          {"village", text_or_null(lead.village_code)},
          {"created", lead.created_on.iso()},
          {"first_contact_due", date_json(lead.first_contact_due)},
          {"verification_due", date_json(lead.verification_due)},
          {"assignee", text_or_null(lead.assignee)},
          {"version", lead.version}};
}

json lead_json(const workflow::Actor& actor, const Lead& lead) {
  const bool handler = handles_lead(actor, lead);
  json body = lead_item_json(lead);
  body["subject"] = subject_json(lead, handler);
  body["description"] =
      from_data_warning(lead) && !handler ? json(nullptr) : json(lead.description);
  body["first_contact_on"] = date_json(lead.first_contact_on);
  body["verified_on"] = date_json(lead.verified_on);
  body["decided_on"] = date_json(lead.decided_on);
  body["closed_on"] = date_json(lead.closed_on);
  body["follow_up_on"] = date_json(lead.follow_up_on);
  body["merged"] = lead.merged_into.has_value();
  json sources = json::array();
  for (const LeadSourceEntry& source : lead.sources)
    sources.push_back(source_json(source, handler));
  body["source_entries"] = std::move(sources);
  json outcomes = json::array();
  for (const LeadOutcomeEntry& outcome : lead.outcomes)
    outcomes.push_back(outcome_json(outcome));
  body["outcomes"] = std::move(outcomes);
  return body;
}

json lead_event_json(const LeadEvent& event) {
  return {{"action", event.action},
          {"from", event.from_status ? json(enum_key(*event.from_status)) : json(nullptr)},
          {"to", event.to_status ? json(enum_key(*event.to_status)) : json(nullptr)},
          {"actor", event.actor},
          {"actor_role", text_or_null(event.actor_role)},
          {"reason", text_or_null(event.reason)},
          {"detail", stored_json(event.detail)},
          {"on", event.on_date.iso()},
          {"at", event.at}};
}

json verification_json(const VerificationRecord& record, bool show_health) {
  const json hidden = nullptr;
  return {{"visited_on", record.visited_on.iso()},
          {"method", enum_key(record.method)},
          {"met", record.met},
          {"conditions",
           {{"food", record.conditions.food},
            {"housing", record.conditions.housing},
            {"medical", show_health ? json(record.conditions.medical) : hidden},
            {"schooling", record.conditions.schooling},
            {"care", record.conditions.care}}},
          {"willingness", enum_key(record.willingness)},
          {"ability", enum_key(record.ability)},
          {"policy_explained", record.policy_explained},
          {"policies", record.policies},
          {"difficulty_found", record.difficulty_found},
          {"notes", show_health ? json(record.notes) : hidden},
          {"recorded_by", record.recorded_by},
          {"at", record.at}};
}

json candidate_json(const workflow::SubjectCandidate& candidate, bool show_name) {
  return {{"household_no", candidate.household_no},
          {"name", show_name ? candidate.name : mask_name(candidate.name)},
          {"phone", text_or_null(candidate.masked_phone)},
          {"village", candidate.village_code},
          {"name_matches", candidate.name_matches},
          {"phone_matches", candidate.phone_matches},
          {"village_matches", candidate.village_matches}};
}

}  // namespace faxian::api
