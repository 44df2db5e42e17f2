#pragma once
// Internal to field work: the one way a visit is stored, shared by routine/ad hoc visits
// (visit_service.hpp) and campaign visits (campaign_service.hpp). In one transaction it stores
// the visit, opens a lead when difficulty was found, completes the household's visit tasks and
// writes the audit log.

#include <cstdint>
#include <optional>
#include <span>

#include "common/error.hpp"
#include "domain/lead.hpp"
#include "workflow/fieldwork/checklist.hpp"
#include "workflow/fieldwork/visit.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

struct VisitContext {
  std::optional<int64_t> campaign_id{};
  std::span<const ChecklistItem> checklist;
  LeadSource source = LeadSource::kVisit;  // kCampaign for campaign visits
};

// Difficulty was found: a concern answer, a need ticked, or the coordinator asked for a lead.
bool finds_difficulty(const VisitForm& form, std::span<const ChecklistItem> checklist);

// Records `form` in `context`. kInvalidArgument for a bad form (no household, a date after
// today, an answer to an unknown item, a task that is not this household's open task);
// kNotFound for an unknown household or one outside the actor's area.
Result<VisitResult> record_visit(LeadService& leads, const Actor& actor, const VisitForm& form,
                                 const VisitContext& context);

}  // namespace faxian::workflow
