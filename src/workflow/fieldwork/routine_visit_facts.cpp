// The four queries behind the routine visit plan.

#include "workflow/fieldwork/routine_visit_facts.hpp"

#include <algorithm>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/fieldwork/region_scope.hpp"

namespace faxian::workflow {
namespace {

// Runs `sql` with `bind(Statement&)` and hands every row to `visit(const Statement&)`.
template <typename Bind, typename Visit>
Result<void> for_each_bound(Database& db, std::string_view sql, Bind&& bind, Visit&& visit) {
  auto statement = db.prepare(sql);
  if (!statement)
    return tl::unexpected(statement.error());
  bind(**statement);
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return ok();
    FAXIAN_TRY(visit(static_cast<const Statement&>(**statement)));
  }
}

// Categories held on D by the household or by a member on D. Parameters: D, D, prefix; D, D,
// D, D, prefix.
constexpr std::string_view kCategories = R"SQL(
SELECT h.id, h.household_no, h.village_code, r.parent_code, c.kind, c.start_date
FROM categories c
JOIN households h ON h.id = c.household_id
JOIN regions r ON r.code = h.village_code
WHERE c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?) AND h.village_code LIKE ?
UNION ALL
SELECT h.id, h.household_no, h.village_code, r.parent_code, c.kind, c.start_date
FROM categories c
JOIN memberships m ON m.person_id = c.person_id
JOIN households h ON h.id = m.household_id
JOIN regions r ON r.code = h.village_code
WHERE c.household_id IS NULL AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?)
  AND c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?) AND h.village_code LIKE ?
)SQL";

// Living members on D with a condition or born on or before the 80-year cutoff, with the number
// of living members of their household. Parameters: D, D, D (count); D, D, D, prefix, cutoff.
constexpr std::string_view kMembers = R"SQL(
SELECT h.id, h.household_no, h.village_code, r.parent_code, p.birth_date, m.from_date,
  CASE WHEN p.health_status = 'serious_illness' THEN 1 ELSE 0 END,
  CASE WHEN p.disability_grade IS NOT NULL THEN 1 ELSE 0 END,
  CASE WHEN p.employment_status = 'no_work_capacity' THEN 1 ELSE 0 END,
  (SELECT COUNT(*) FROM memberships m2 JOIN persons p2 ON p2.id = m2.person_id
   WHERE m2.household_id = h.id AND m2.from_date <= ? AND (m2.to_date IS NULL OR m2.to_date > ?)
     AND (p2.death_date IS NULL OR p2.death_date > ?))
FROM memberships m
JOIN persons p ON p.id = m.person_id
JOIN households h ON h.id = m.household_id
JOIN regions r ON r.code = h.village_code
WHERE m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?)
  AND (p.death_date IS NULL OR p.death_date > ?) AND h.village_code LIKE ?
  AND (p.health_status = 'serious_illness' OR p.disability_grade IS NOT NULL
       OR p.employment_status = 'no_work_capacity' OR p.birth_date <= ?)
)SQL";

constexpr std::string_view kLastVisits = R"SQL(
SELECT v.household_id, MAX(v.visited_on) FROM visits v
JOIN households h ON h.id = v.household_id
WHERE v.visited_on <= ? AND h.village_code LIKE ?
GROUP BY v.household_id
)SQL";

HouseholdFacts& facts_of(std::map<int64_t, HouseholdFacts>& facts, RowReader& row) {
  const int64_t id = row.integer();
  HouseholdFacts& household = facts[id];
  household.household_no = row.text();
  household.village_code = row.text();
  household.township_code = row.text();
  return household;
}

Result<void> read_categories(Database& db, Date as_of, const std::string& like,
                             std::map<int64_t, HouseholdFacts>& facts) {
  return for_each_bound(
      db, kCategories,
      [&](Statement& s) {
        ParamBinder(s)
            .date(as_of)
            .date(as_of)
            .text(like)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .text(like);
      },
      [&](const Statement& statement) -> Result<void> {
        RowReader row(statement);
        HouseholdFacts& household = facts_of(facts, row);
        const CategoryKind kind = row.enumeration<CategoryKind>();
        const Date start = row.date();
        FAXIAN_TRY(row.status());
        auto [it, inserted] = household.categories.emplace(kind, start);
        if (!inserted && start < it->second)
          it->second = start;
        return ok();
      });
}

Date eighty_year_cutoff(Date as_of) {
  const int year = as_of.year() - 80;
  const int day = std::min(as_of.day(), days_in_month(year, as_of.month()));
  return Date::from_ymd(year, as_of.month(), day).value();
}

Result<void> read_members(Database& db, Date as_of, const std::string& like,
                          std::map<int64_t, HouseholdFacts>& facts) {
  return for_each_bound(
      db, kMembers,
      [&](Statement& s) {
        ParamBinder(s)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .date(as_of)
            .text(like)
            .date(eighty_year_cutoff(as_of));
      },
      [&](const Statement& statement) -> Result<void> {
        RowReader row(statement);
        HouseholdFacts& household = facts_of(facts, row);
        MemberFacts member;
        member.birth_date = row.date();
        member.joined_on = row.date();
        member.serious_illness = row.boolean();
        member.disabled = row.boolean();
        member.no_work_capacity = row.boolean();
        household.living_members = row.integer();
        FAXIAN_TRY(row.status());
        household.members.push_back(member);
        return ok();
      });
}

Result<void> read_last_visits(Database& db, Date as_of, const std::string& like,
                              std::map<int64_t, HouseholdFacts>& facts) {
  return for_each_bound(
      db, kLastVisits, [&](Statement& s) { ParamBinder(s).date(as_of).text(like); },
      [&](const Statement& statement) -> Result<void> {
        RowReader row(statement);
        const int64_t id = row.integer();
        const Date last = row.date();
        FAXIAN_TRY(row.status());
        auto it = facts.find(id);
        if (it != facts.end())
          it->second.last_visit = last;
        return ok();
      });
}

}  // namespace

Result<std::map<int64_t, HouseholdFacts>> load_household_facts(Database& db, Date as_of,
                                                               std::string_view region_prefix) {
  const std::string like = like_prefix(region_prefix);
  std::map<int64_t, HouseholdFacts> facts;
  FAXIAN_TRY(read_categories(db, as_of, like, facts));
  FAXIAN_TRY(read_members(db, as_of, like, facts));
  FAXIAN_TRY(read_last_visits(db, as_of, like, facts));
  return facts;
}

}  // namespace faxian::workflow
