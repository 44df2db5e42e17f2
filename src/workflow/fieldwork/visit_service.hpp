#pragma once
// 走访 (40-workflow.md "Visits"): routine and ad hoc home visits recorded by coordinators. A
// visit that finds difficulty (a checklist concern, a need ticked, or the coordinator's
// judgement) opens a lead with source visit — or joins the household's open lead. Campaign
// visits go through CampaignService::record_visit instead (source campaign).

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "workflow/fieldwork/checklist.hpp"
#include "workflow/fieldwork/visit.hpp"
#include "workflow/fieldwork/visit_repository.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {

class VisitService {
 public:
  explicit VisitService(LeadService& leads) : leads_(leads) {}

  // Records a visit with the routine checklist (routine_checklist()). In one transaction: the
  // visit, the lead it opens when difficulty was found (reference "visit:<id>", reported on the
  // visit date), the household's open routine visit tasks (and the task named) completed, the
  // audit entry. kInvalidArgument for a bad form, kNotFound for a household outside the
  // actor's area; errors of LeadService::intake pass through and nothing is stored.
  Result<VisitResult> record(const Actor& actor, const VisitForm& form);

  Result<std::optional<Visit>> find(int64_t visit_id);
  // Newest first; kInvalidArgument for a bad region prefix.
  Result<std::vector<Visit>> list(const VisitQuery& query);

 private:
  LeadService& leads_;
};

}  // namespace faxian::workflow
