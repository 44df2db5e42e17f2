// Routine and ad hoc visits: the routine checklist, source visit.

#include "workflow/fieldwork/visit_service.hpp"

#include "workflow/fieldwork/visit_recorder.hpp"

namespace faxian::workflow {

Result<VisitResult> VisitService::record(const Actor& actor, const VisitForm& form) {
  const VisitContext context{
      .campaign_id = std::nullopt, .checklist = routine_checklist(), .source = LeadSource::kVisit};
  return record_visit(leads_, actor, form, context);
}

Result<std::optional<Visit>> VisitService::find(int64_t visit_id) {
  return VisitRepository(leads_.database(), leads_.clock()).find(visit_id);
}

Result<std::vector<Visit>> VisitService::list(const VisitQuery& query) {
  return VisitRepository(leads_.database(), leads_.clock()).list(query);
}

}  // namespace faxian::workflow
