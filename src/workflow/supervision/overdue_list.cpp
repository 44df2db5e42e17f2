// The overdue list: leads and tasks past a deadline, from SQL, with the days counted here.

#include "workflow/supervision/overdue_list.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// The missed step and its due date in SQL. Parameters: as_of ×4, as_of ×2 (where), prefix,
// limit.
constexpr std::string_view kLeads = R"SQL(
SELECT id, lead_no, township_code, village_code, level, status, step, due_on FROM (
  SELECT l.id, l.lead_no, l.township_code, COALESCE(l.village_code, '') AS village_code,
    l.level, l.status,
    CASE WHEN l.first_contact_on IS NULL AND l.first_contact_due < ? THEN 'first_contact'
         ELSE 'verification' END AS step,
    CASE WHEN l.first_contact_on IS NULL AND l.first_contact_due < ? THEN l.first_contact_due
         ELSE l.verification_due END AS due_on
  FROM leads l
  WHERE l.status <> 'closed' AND l.merged_into IS NULL
    AND ((l.first_contact_on IS NULL AND l.first_contact_due < ?)
         OR (l.verified_on IS NULL AND l.verification_due < ?))
    AND COALESCE(l.village_code, l.township_code) LIKE ?
) overdue
ORDER BY due_on, lead_no
LIMIT ?
)SQL";

// Parameters: as_of, prefix, limit.
constexpr std::string_view kTasks = R"SQL(
SELECT k.id, k.kind, k.title, k.township_code, COALESCE(k.village_code, ''), k.household_id,
  k.campaign_id, k.due_on
FROM tasks k
WHERE k.status = 'open' AND k.due_on < ?
  AND COALESCE(NULLIF(k.village_code, ''), k.township_code) LIKE ?
ORDER BY k.due_on, k.id
LIMIT ?
)SQL";

// Overdue leads and tasks per township. Parameters: as_of ×2, prefix (leads); as_of, prefix
// (tasks).
constexpr std::string_view kPerTownship = R"SQL(
SELECT township_code, r.name, SUM(is_lead), SUM(1 - is_lead) FROM (
  SELECT l.township_code, 1 AS is_lead FROM leads l
  WHERE l.status <> 'closed' AND l.merged_into IS NULL
    AND ((l.first_contact_on IS NULL AND l.first_contact_due < ?)
         OR (l.verified_on IS NULL AND l.verification_due < ?))
    AND COALESCE(l.village_code, l.township_code) LIKE ?
  UNION ALL
  SELECT k.township_code, 0 FROM tasks k
  WHERE k.status = 'open' AND k.due_on < ?
    AND COALESCE(NULLIF(k.village_code, ''), k.township_code) LIKE ?
) overdue
JOIN regions r ON r.code = overdue.township_code
GROUP BY township_code, r.name
ORDER BY township_code
)SQL";

Result<TownshipOverdue> read_township(const Statement& statement) {
  RowReader row(statement);
  TownshipOverdue township{row.text(), row.text(), row.integer(), row.integer()};
  FAXIAN_TRY(row.status());
  return township;
}

Result<OverdueLead> read_lead(const Statement& statement) {
  RowReader row(statement);
  OverdueLead lead;
  lead.lead_id = row.integer();
  lead.lead_no = row.text();
  lead.township_code = row.text();
  lead.village_code = row.text();
  lead.level = row.text();
  lead.status = row.text();
  lead.step = row.text();
  lead.due_on = row.date();
  FAXIAN_TRY(row.status());
  return lead;
}

Result<OverdueTask> read_task(const Statement& statement) {
  RowReader row(statement);
  OverdueTask task;
  task.task_id = row.integer();
  task.kind = row.text();
  task.title = row.text();
  task.township_code = row.text();
  task.village_code = row.text();
  task.household_id = row.optional_integer();
  task.campaign_id = row.optional_integer();
  task.due_on = row.date();
  FAXIAN_TRY(row.status());
  return task;
}

template <typename Item>
void count_days(std::vector<Item>& items, const WorkCalendar& calendar, Date as_of) {
  for (Item& item : items) {
    item.days_overdue = as_of - item.due_on;
    if (auto working = calendar.working_days_between(item.due_on, as_of))
      item.working_days_overdue = *working;
  }
}

}  // namespace

Result<OverdueList> overdue_list(Database& db, const WorkCalendar& calendar,
                                 const SupervisionQuery& query, int64_t limit) {
  FAXIAN_TRY(check_supervision_query(query));
  const std::string like = region_like(query);
  OverdueList list;
  FAXIAN_TRY_ASSIGN(list.leads, query_rows<OverdueLead>(
                                    db, kLeads,
                                    [&](Statement& s) {
                                      ParamBinder(s)
                                          .date(query.as_of)
                                          .date(query.as_of)
                                          .date(query.as_of)
                                          .date(query.as_of)
                                          .text(like)
                                          .integer(limit);
                                    },
                                    read_lead));
  FAXIAN_TRY_ASSIGN(list.tasks, query_rows<OverdueTask>(
                                    db, kTasks,
                                    [&](Statement& s) {
                                      ParamBinder(s).date(query.as_of).text(like).integer(limit);
                                    },
                                    read_task));
  FAXIAN_TRY_ASSIGN(list.townships, query_rows<TownshipOverdue>(
                                        db, kPerTownship,
                                        [&](Statement& s) {
                                          ParamBinder(s)
                                              .date(query.as_of)
                                              .date(query.as_of)
                                              .text(like)
                                              .date(query.as_of)
                                              .text(like);
                                        },
                                        read_township));
  count_days(list.leads, calendar, query.as_of);
  count_days(list.tasks, calendar, query.as_of);
  return list;
}

}  // namespace faxian::workflow
