// LeadService reads: one lead, lists with filters, history and verification records.

#include <functional>

#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/lead_rows.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::workflow {
namespace {

struct Filter {
  std::string where = "1 = 1";
  std::function<void(ParamBinder&)> bind;
};

Filter filter_of(const LeadQuery& query) {
  Filter filter;
  // One household's leads are found by leads_household; without table statistics SQLite would
  // rather take the status index (one equality each, and it gives the order), reading every
  // lead of that status. `column || ''` (the same text, portable) keeps the status and level
  // terms out of index choice.
  const bool by_household = query.household_id.has_value();
  if (query.status)
    filter.where += by_household ? " AND (l.status || '') = ?" : " AND l.status = ?";
  if (query.open_only)
    filter.where += " AND l.status <> 'closed'";
  if (query.level)
    filter.where += by_household ? " AND (l.level || '') = ?" : " AND l.level = ?";
  if (query.source) {
    filter.where +=
        " AND EXISTS (SELECT 1 FROM lead_sources s WHERE s.lead_id = l.id AND s.source = ?)";
  }
  if (!query.township_code.empty())
    filter.where += " AND l.township_code = ?";
  if (!query.village_code.empty())
    filter.where += " AND l.village_code = ?";
  if (query.household_id)
    filter.where += " AND l.household_id = ?";
  if (query.assignee_id)
    filter.where += " AND l.assignee_id = ?";
  if (query.overdue_on) {
    filter.where +=
        " AND l.status <> 'closed' AND ((l.first_contact_on IS NULL AND "
        "l.first_contact_due < ?) OR (l.verified_on IS NULL AND l.verification_due < ?))";
  }
  filter.bind = [query](ParamBinder& binder) {
    if (query.status)
      binder.enumeration(*query.status);
    if (query.level)
      binder.text(level_key(*query.level));
    if (query.source)
      binder.enumeration(*query.source);
    if (!query.township_code.empty())
      binder.text(query.township_code);
    if (!query.village_code.empty())
      binder.text(query.village_code);
    if (query.household_id)
      binder.integer(*query.household_id);
    if (query.assignee_id)
      binder.integer(*query.assignee_id);
    if (query.overdue_on)
      binder.date(*query.overdue_on).date(*query.overdue_on);
  };
  return filter;
}

Result<std::optional<Lead>> find_where(Database& db, std::string_view where,
                                       const std::function<void(Statement&)>& bind) {
  auto lead = query_one<Lead>(db, fmt::format("{} WHERE {}", kLeadSelect, where), bind, read_lead);
  if (!lead || !*lead)
    return lead;
  FAXIAN_TRY(load_lead_parts(db, **lead));
  return lead;
}

Result<VerificationRecord> read_verification(const Statement& statement) {
  RowReader row(statement);
  VerificationRecord record;
  record.id = row.integer();
  record.visited_on = row.date();
  record.method = row.enumeration<VerificationMethod>();
  record.met = row.text();
  const std::string conditions = row.text();
  record.willingness = row.enumeration<Willingness>();
  record.ability = row.enumeration<ApplyAbility>();
  record.policy_explained = row.boolean();
  const std::string policies = row.text();
  record.difficulty_found = row.boolean();
  record.notes = row.text();
  record.recorded_by = row.text();
  record.at = row.integer();
  FAXIAN_TRY(row.status());
  const auto parsed = nlohmann::json::parse(conditions, nullptr, false);
  const auto parsed_policies = nlohmann::json::parse(policies, nullptr, false);
  if (!parsed.is_object() || !parsed_policies.is_array())
    return fail(ErrorCode::kCorrupt, "核实记录数据损坏", "verification JSON is malformed");
  auto text_of = [&](const char* key) {
    const auto found = parsed.find(key);
    return found != parsed.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  record.conditions = LivingConditions{text_of("food"), text_of("housing"), text_of("medical"),
                                       text_of("schooling"), text_of("care")};
  for (const auto& policy : parsed_policies) {
    if (policy.is_string())
      record.policies.push_back(policy.get<std::string>());
  }
  return record;
}

}  // namespace

Result<std::optional<Lead>> LeadService::find(std::string_view lead_no) {
  return find_where(db_, "l.lead_no = ?",
                    [&](Statement& statement) { statement.bind_text(1, lead_no); });
}

Result<std::optional<Lead>> LeadService::find_by_id(int64_t lead_id) {
  return find_where(db_, "l.id = ?",
                    [&](Statement& statement) { statement.bind_int64(1, lead_id); });
}

Result<std::optional<Lead>> LeadService::open_lead_of(int64_t household_id) {
  return find_where(db_, "l.household_id = ? AND l.status <> 'closed'",
                    [&](Statement& statement) { statement.bind_int64(1, household_id); });
}

Result<std::vector<Lead>> LeadService::list(const LeadQuery& query) {
  if (query.limit < 0 || query.offset < 0) {
    return fail(ErrorCode::kInvalidArgument, "分页参数无效", "negative limit or offset");
  }
  Filter filter = filter_of(query);
  // The page is chosen on leads alone (an index walk), then joined: joined in the same loop,
  // SQLite would look up the household and user of every row the OFFSET skips.
  auto leads = query_rows<Lead>(
      db_,
      fmt::format("{} WHERE l.id IN (SELECT l.id FROM leads l WHERE {} ORDER BY l.created_on "
                  "DESC, l.id DESC LIMIT ? OFFSET ?) ORDER BY l.created_on DESC, l.id DESC",
                  kLeadSelect, filter.where),
      [&](Statement& statement) {
        ParamBinder binder(statement);
        filter.bind(binder);
        binder.integer(query.limit).integer(query.offset);
      },
      read_lead);
  if (!leads)
    return leads;
  FAXIAN_TRY(load_lead_parts(db_, *leads));
  return leads;
}

Result<int64_t> LeadService::count(const LeadQuery& query) {
  Filter filter = filter_of(query);
  return query_int(db_, fmt::format("SELECT COUNT(*) FROM leads l WHERE {}", filter.where),
                   [&](Statement& statement) {
                     ParamBinder binder(statement);
                     filter.bind(binder);
                   });
}

Result<std::vector<LeadEvent>> LeadService::history(int64_t lead_id) {
  return query_rows<LeadEvent>(
      db_,
      "SELECT id, action, from_status, to_status, actor, actor_role, reason, detail, on_date, at "
      "FROM lead_events WHERE lead_id = ? ORDER BY id",
      [&](Statement& statement) { statement.bind_int64(1, lead_id); },
      [](const Statement& statement) -> Result<LeadEvent> {
        RowReader row(statement);
        LeadEvent event;
        event.id = row.integer();
        event.action = row.text();
        event.from_status = row.optional_enumeration<LeadStatus>();
        event.to_status = row.optional_enumeration<LeadStatus>();
        event.actor = row.text();
        event.actor_role = row.text();
        event.reason = row.text();
        event.detail = row.text();
        event.on_date = row.date();
        event.at = row.integer();
        FAXIAN_TRY(row.status());
        return event;
      });
}

Result<std::vector<VerificationRecord>> LeadService::verifications(int64_t lead_id) {
  return query_rows<VerificationRecord>(
      db_,
      "SELECT id, visited_on, method, met, conditions, willingness, ability, policy_explained, "
      "policies, difficulty_found, notes, recorded_by, at FROM lead_verifications "
      "WHERE lead_id = ? ORDER BY id",
      [&](Statement& statement) { statement.bind_int64(1, lead_id); }, read_verification);
}

}  // namespace faxian::workflow
