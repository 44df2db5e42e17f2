#pragma once
// How leads are read from and written to the store (migration 7), shared by the intake, the
// actions and the queries of LeadService. Internal to the workflow layers.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

// SELECT list (joined with households and users) whose rows read_lead() understands, and the
// FROM clause it needs ("leads l").
extern const std::string_view kLeadSelect;

// One lead row without its sources and outcomes.
Result<Lead> read_lead(const Statement& statement);
// Fills lead.sources and lead.outcomes.
Result<void> load_lead_parts(Database& db, Lead& lead);
// Fills sources and outcomes of many leads with two queries.
Result<void> load_lead_parts(Database& db, std::vector<Lead>& leads);

// Inserts a new lead row (status, version 1, timestamps from `now`); returns its id.
Result<int64_t> insert_lead(Database& db, const Lead& lead, int64_t now);
// Writes every mutable column of `lead` and raises its version by one, provided the stored
// version is still `lead.version`; kConflict otherwise (nothing written).
Result<void> save_lead(Database& db, const Lead& lead, int64_t now);

Result<int64_t> insert_source(Database& db, int64_t lead_id, const LeadSourceEntry& source);
Result<int64_t> insert_outcome(Database& db, int64_t lead_id, const LeadOutcomeEntry& outcome,
                               int64_t now);
Result<void> update_outcome(Database& db, const LeadOutcomeEntry& outcome);

// The error for a lead that does not exist (or is outside the caller's area).
Error lead_not_found(std::string_view lead_no);

}  // namespace faxian::workflow
