// The routine visit plan applied to the households' facts.

#include "workflow/fieldwork/routine_visits.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "workflow/fieldwork/region_scope.hpp"
#include "workflow/fieldwork/routine_visit_facts.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

std::optional<CategoryKind> category_of(VisitTarget target) {
  switch (target) {
    case VisitTarget::kDibao:
      return CategoryKind::kDibao;
    case VisitTarget::kDibaoEdge:
      return CategoryKind::kDibaoEdge;
    case VisitTarget::kTekun:
      return CategoryKind::kTekun;
    case VisitTarget::kChildInDifficulty:
      return CategoryKind::kOrphanOrUnsupportedChild;
    default:
      return std::nullopt;
  }
}

// The earliest start of a low-income category held; nullopt when none.
std::optional<Date> low_income_since(const HouseholdFacts& facts) {
  std::optional<Date> since;
  for (const auto& [kind, start] : facts.categories) {
    if (is_low_income(kind) && (!since || start < *since))
      since = start;
  }
  return since;
}

Date eightieth_birthday(Date birth) {
  // years_since counts a 29 February birthday on 1 March in common years.
  auto same_day = Date::from_ymd(birth.year() + 80, birth.month(), birth.day());
  return same_day ? *same_day : Date::from_ymd(birth.year() + 80, 3, 1).value();
}

bool has_condition(const MemberFacts& member, VisitTarget target) {
  switch (target) {
    case VisitTarget::kSeriousIllness:
      return member.serious_illness;
    case VisitTarget::kDisabled:
      return member.disabled;
    case VisitTarget::kNoWorkCapacity:
      return member.no_work_capacity;
    default:
      return false;
  }
}

// When the household entered the rule's group; nullopt when it does not match the rule.
std::optional<Date> entered_group(const HouseholdFacts& facts, const VisitRule& rule, Date as_of) {
  if (auto kind = category_of(rule.target)) {
    auto it = facts.categories.find(*kind);
    return it == facts.categories.end() ? std::nullopt : std::optional<Date>(it->second);
  }
  const std::optional<Date> low_income = low_income_since(facts);
  if (rule.low_income_only && !low_income)
    return std::nullopt;
  std::optional<Date> entered;
  for (const MemberFacts& member : facts.members) {
    std::optional<Date> since;
    if (rule.target == VisitTarget::kElderlyAlone) {
      if (facts.living_members == 1 && as_of.years_since(member.birth_date) >= 80)
        since = std::max(eightieth_birthday(member.birth_date), member.joined_on);
    } else if (has_condition(member, rule.target)) {
      since = member.joined_on;
    }
    if (since && rule.low_income_only)
      since = std::max(*since, *low_income);
    if (since && (!entered || *since < *entered))
      entered = since;
  }
  return entered;
}

VisitDueState state_of(Date due_on, const RoutineVisitQuery& query) {
  if (due_on < query.as_of)
    return VisitDueState::kOverdue;
  if (due_on <= query.as_of.add_days(query.due_within_days))
    return VisitDueState::kDue;
  return VisitDueState::kNotDue;
}

// The household's status, or nullopt when it matches no enabled rule.
std::optional<RoutineVisitStatus> status_of(int64_t household_id, const HouseholdFacts& facts,
                                            std::span<const VisitRule> rules,
                                            const RoutineVisitQuery& query) {
  RoutineVisitStatus status;
  std::optional<Date> first_due;
  for (const VisitRule& rule : rules) {
    if (!rule.enabled)
      continue;
    const std::optional<Date> entered = entered_group(facts, rule, query.as_of);
    if (!entered)
      continue;
    status.targets.push_back(rule.target);
    if (status.interval_months == 0 || rule.interval_months < status.interval_months)
      status.interval_months = rule.interval_months;
    const Date due = add_months(*entered, rule.interval_months);
    if (!first_due || due < *first_due)
      first_due = due;
  }
  if (status.targets.empty())
    return std::nullopt;
  std::sort(status.targets.begin(), status.targets.end());
  status.household_id = household_id;
  status.household_no = facts.household_no;
  status.village_code = facts.village_code;
  status.township_code = facts.township_code;
  status.last_visit = facts.last_visit;
  status.due_on =
      facts.last_visit ? add_months(*facts.last_visit, status.interval_months) : *first_due;
  status.state = state_of(status.due_on, query);
  if (status.state == VisitDueState::kOverdue)
    status.days_overdue = query.as_of - status.due_on;
  return status;
}

std::string task_title(const RoutineVisitStatus& status) {
  std::vector<std::string_view> labels;
  for (VisitTarget target : status.targets)
    labels.push_back(enum_label(target));
  return fmt::format("定期走访（{}）：户号 {}", fmt::join(labels, "、"), status.household_no);
}

}  // namespace

std::vector<RoutineVisitTownship> routine_visits_by_township(
    std::span<const RoutineVisitStatus> statuses) {
  std::map<std::string, RoutineVisitTownship> townships;
  for (const RoutineVisitStatus& status : statuses) {
    RoutineVisitTownship& township = townships[status.township_code];
    township.township_code = status.township_code;
    if (status.state == VisitDueState::kDue)
      ++township.due;
    else if (status.state == VisitDueState::kOverdue)
      ++township.overdue;
  }
  std::vector<RoutineVisitTownship> rows;
  for (const auto& [code, township] : townships)
    rows.push_back(township);
  return rows;
}

Date add_months(Date date, int months) {
  const Month month = Month::of(date).add_months(months);
  const int day = std::min(date.day(), days_in_month(month.year(), month.month()));
  return Date::from_ymd(month.year(), month.month(), day).value();
}

Result<std::vector<RoutineVisitStatus>> routine_visit_statuses(Database& db,
                                                               std::span<const VisitRule> rules,
                                                               const RoutineVisitQuery& query) {
  FAXIAN_TRY(check_region_prefix(query.region_prefix));
  if (query.due_within_days < 0)
    return fail(ErrorCode::kInvalidArgument, "提前天数不能为负数", "negative due_within_days");
  std::map<int64_t, HouseholdFacts> facts;
  FAXIAN_TRY_ASSIGN(facts, load_household_facts(db, query.as_of, query.region_prefix));
  std::vector<RoutineVisitStatus> statuses;
  for (const auto& [household_id, household] : facts) {
    auto status = status_of(household_id, household, rules, query);
    if (status && (query.include_not_due || status->state != VisitDueState::kNotDue))
      statuses.push_back(std::move(*status));
  }
  std::sort(statuses.begin(), statuses.end(),
            [](const RoutineVisitStatus& a, const RoutineVisitStatus& b) {
              return std::tie(a.due_on, a.household_no) < std::tie(b.due_on, b.household_no);
            });
  return statuses;
}

Result<std::vector<RoutineVisitStatus>> overdue_routine_visits(Database& db,
                                                               std::span<const VisitRule> rules,
                                                               Date as_of,
                                                               std::string_view region_prefix) {
  const RoutineVisitQuery query{.as_of = as_of, .region_prefix = std::string(region_prefix)};
  std::vector<RoutineVisitStatus> statuses;
  FAXIAN_TRY_ASSIGN(statuses, routine_visit_statuses(db, rules, query));
  std::erase_if(statuses, [](const RoutineVisitStatus& status) {
    return status.state != VisitDueState::kOverdue;
  });
  return statuses;
}

Result<int64_t> create_routine_visit_tasks(Database& db, const Clock& clock, const Actor& actor,
                                           std::span<const VisitRule> rules,
                                           const RoutineVisitQuery& query) {
  RoutineVisitQuery due_only = query;
  due_only.include_not_due = false;
  std::vector<RoutineVisitStatus> statuses;
  FAXIAN_TRY_ASSIGN(statuses, routine_visit_statuses(db, rules, due_only));
  return in_transaction(db, [&]() -> Result<int64_t> {
    TaskRepository tasks(db, clock);
    int64_t created = 0;
    for (const RoutineVisitStatus& status : statuses) {
      TaskQuery open_routine;
      open_routine.kind = TaskKind::kRoutineVisit;
      open_routine.household_id = status.household_id;
      int64_t open = 0;
      FAXIAN_TRY_ASSIGN(open, tasks.count(open_routine));
      if (open > 0)
        continue;
      Task task;
      task.kind = TaskKind::kRoutineVisit;
      task.household_id = status.household_id;
      task.township_code = status.township_code;
      task.village_code = status.village_code;
      task.title = task_title(status);
      task.due_on = status.due_on;
      task.created_on = clock.today();
      task.created_by = actor.name;
      FAXIAN_TRY(tasks.create(task));
      ++created;
    }
    return created;
  });
}

}  // namespace faxian::workflow
