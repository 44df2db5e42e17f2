// Visits in SQL: one row in visits, its answers in visit_answers, its needs in visit_needs.

#include "workflow/fieldwork/visit_repository.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/fieldwork/region_scope.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kSelect =
    "SELECT v.id, v.household_id, h.household_no, v.village_code, v.township_code, "
    "v.visited_on, v.campaign_id, v.task_id, v.visitor, v.visitor_user_id, v.met, v.notes, "
    "v.difficulty_found, v.lead_id, l.lead_no, v.created_at FROM visits v "
    "JOIN households h ON h.id = v.household_id LEFT JOIN leads l ON l.id = v.lead_id ";

Result<Visit> read_visit(const Statement& statement) {
  RowReader row(statement);
  Visit visit;
  visit.id = row.integer();
  visit.household_id = row.integer();
  visit.household_no = row.text();
  visit.village_code = row.text();
  visit.township_code = row.text();
  visit.visited_on = row.date();
  visit.campaign_id = row.optional_integer();
  visit.task_id = row.optional_integer();
  visit.visitor = row.text();
  visit.visitor_user_id = row.optional_integer();
  visit.met = row.text();
  visit.notes = row.text();
  visit.difficulty_found = row.boolean();
  visit.lead_id = row.optional_integer();
  visit.lead_no = row.text_or_empty();
  visit.created_at = row.integer();
  FAXIAN_TRY(row.status());
  return visit;
}

Result<ChecklistEntry> read_answer(const Statement& statement) {
  RowReader row(statement);
  ChecklistEntry entry;
  entry.item_key = row.text();
  entry.answer = row.enumeration<ChecklistAnswer>();
  entry.note = row.text();
  FAXIAN_TRY(row.status());
  return entry;
}

Result<VisitNeed> read_need(const Statement& statement) {
  RowReader row(statement);
  const VisitNeed need = row.enumeration<VisitNeed>();
  FAXIAN_TRY(row.status());
  return need;
}

struct Filter {
  std::string where = "WHERE 1 = 1";
  std::function<void(ParamBinder&)> bind;
};

Filter filter_of(const VisitQuery& query) {
  Filter filter;
  if (query.household_id)
    filter.where += " AND v.household_id = ?";
  if (query.campaign_id)
    filter.where += " AND v.campaign_id = ?";
  if (!query.region_prefix.empty())
    filter.where += " AND v.village_code LIKE ?";
  if (query.from)
    filter.where += " AND v.visited_on >= ?";
  if (query.to)
    filter.where += " AND v.visited_on <= ?";
  filter.bind = [query](ParamBinder& binder) {
    if (query.household_id)
      binder.integer(*query.household_id);
    if (query.campaign_id)
      binder.integer(*query.campaign_id);
    if (!query.region_prefix.empty())
      binder.text(like_prefix(query.region_prefix));
    if (query.from)
      binder.date(*query.from);
    if (query.to)
      binder.date(*query.to);
  };
  return filter;
}

}  // namespace

Result<int64_t> VisitRepository::insert(const Visit& visit) {
  auto id = returning_id(
      db_,
      "INSERT INTO visits (household_id, village_code, township_code, visited_on, campaign_id, "
      "task_id, visitor, visitor_user_id, met, notes, difficulty_found, lead_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(visit.household_id)
            .text(visit.village_code)
            .text(visit.township_code)
            .date(visit.visited_on)
            .integer(visit.campaign_id)
            .integer(visit.task_id)
            .text(visit.visitor)
            .integer(visit.visitor_user_id)
            .text(visit.met)
            .text(visit.notes)
            .boolean(visit.difficulty_found)
            .integer(visit.lead_id)
            .integer(clock_.now_unix());
      });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "visit insert returned no id");
  for (const ChecklistEntry& entry : visit.answers) {
    FAXIAN_TRY(run_bound(
        db_, "INSERT INTO visit_answers (visit_id, item_key, answer, note) VALUES (?, ?, ?, ?)",
        [&](Statement& s) {
          ParamBinder(s)
              .integer(**id)
              .text(entry.item_key)
              .enumeration(entry.answer)
              .text(entry.note);
        }));
  }
  for (VisitNeed need : visit.needs) {
    FAXIAN_TRY(run_bound(db_, "INSERT INTO visit_needs (visit_id, need) VALUES (?, ?)",
                         [&](Statement& s) { ParamBinder(s).integer(**id).enumeration(need); }));
  }
  return **id;
}

Result<void> VisitRepository::set_lead(int64_t visit_id, int64_t lead_id) {
  return run_bound(db_, "UPDATE visits SET lead_id = ? WHERE id = ?",
                   [&](Statement& s) { ParamBinder(s).integer(lead_id).integer(visit_id); });
}

Result<void> VisitRepository::load_details(Visit& visit) {
  FAXIAN_TRY_ASSIGN(
      visit.answers,
      query_rows<ChecklistEntry>(
          db_,
          "SELECT item_key, answer, note FROM visit_answers WHERE visit_id = ? ORDER BY item_key",
          [&](Statement& s) { ParamBinder(s).integer(visit.id); }, read_answer));
  FAXIAN_TRY_ASSIGN(visit.needs,
                    query_rows<VisitNeed>(
                        db_, "SELECT need FROM visit_needs WHERE visit_id = ?",
                        [&](Statement& s) { ParamBinder(s).integer(visit.id); }, read_need));
  std::sort(visit.needs.begin(), visit.needs.end());
  return ok();
}

Result<std::optional<Visit>> VisitRepository::find(int64_t id) {
  auto visit = query_one<Visit>(
      db_, std::string(kSelect) + "WHERE v.id = ?",
      [&](Statement& s) { ParamBinder(s).integer(id); }, read_visit);
  if (!visit || !*visit)
    return visit;
  FAXIAN_TRY(load_details(**visit));
  return visit;
}

Result<std::vector<Visit>> VisitRepository::list(const VisitQuery& query) {
  if (!query.region_prefix.empty())
    FAXIAN_TRY(check_region_prefix(query.region_prefix));
  const Filter filter = filter_of(query);
  auto visits = query_rows<Visit>(
      db_,
      fmt::format("{}{} ORDER BY v.visited_on DESC, v.id DESC LIMIT ? OFFSET ?", kSelect,
                  filter.where),
      [&](Statement& s) {
        ParamBinder binder(s);
        filter.bind(binder);
        binder.integer(query.limit).integer(query.offset);
      },
      read_visit);
  if (!visits)
    return visits;
  for (Visit& visit : *visits)
    FAXIAN_TRY(load_details(visit));
  return visits;
}

Result<HouseholdPlace> VisitRepository::place_of(int64_t household_id) {
  auto place = query_one<HouseholdPlace>(
      db_,
      "SELECT h.household_no, h.village_code, r.parent_code FROM households h "
      "JOIN regions r ON r.code = h.village_code WHERE h.id = ?",
      [&](Statement& s) { ParamBinder(s).integer(household_id); },
      [](const Statement& statement) -> Result<HouseholdPlace> {
        RowReader row(statement);
        HouseholdPlace found{row.text(), row.text(), row.text()};
        FAXIAN_TRY(row.status());
        return found;
      });
  if (!place)
    return tl::unexpected(place.error());
  if (!*place)
    return fail(ErrorCode::kNotFound, "没有找到该家庭",
                fmt::format("household {} not found", household_id));
  return **place;
}

}  // namespace faxian::workflow
