// The campaign target selection as one SQL statement over households, categories,
// memberships, warnings and feed_disaster.

#include "workflow/fieldwork/campaign_targets.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// Plain `?` placeholders (portable), bound in order: end, start (memberships); end, start
// (categories); start, end (disaster); the campaign id. EXISTS is wrapped in CASE so the flags
// are integers in every dialect.
constexpr std::string_view kSelectTargets = R"SQL(
SELECT id, household_no, village_code, township_code, low_income, open_warning, disaster
FROM (
  SELECT h.id, h.household_no, h.village_code, r.parent_code AS township_code,
    CASE WHEN EXISTS (
      SELECT 1 FROM categories c
      WHERE (c.household_id = h.id OR c.person_id IN (
               SELECT m.person_id FROM memberships m
               WHERE m.household_id = h.id AND m.from_date <= ?
                 AND (m.to_date IS NULL OR m.to_date > ?)))
        AND c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?)
    ) THEN 1 ELSE 0 END AS low_income,
    CASE WHEN EXISTS (
      SELECT 1 FROM warnings w
      WHERE w.household_id = h.id AND w.kind = 'need' AND w.status = 'open'
    ) THEN 1 ELSE 0 END AS open_warning,
    CASE WHEN EXISTS (
      SELECT 1 FROM feed_disaster d
      JOIN memberships m ON m.person_id = d.person_id AND m.household_id = h.id
        AND m.from_date <= d.event_date AND (m.to_date IS NULL OR m.to_date > d.event_date)
      WHERE d.superseded_at IS NULL AND d.event_date >= ? AND d.event_date <= ?
    ) THEN 1 ELSE 0 END AS disaster
  FROM households h
  JOIN campaign_villages cv ON cv.village_code = h.village_code AND cv.campaign_id = ?
  JOIN regions r ON r.code = h.village_code
) candidates
WHERE low_income = 1 OR open_warning = 1 OR disaster = 1
ORDER BY village_code, household_no
)SQL";

Result<CampaignTarget> read_target(const Statement& statement) {
  RowReader row(statement);
  CampaignTarget target;
  target.household_id = row.integer();
  target.household_no = row.text();
  target.village_code = row.text();
  target.township_code = row.text();
  target.reasons.low_income = row.boolean();
  target.reasons.open_warning = row.boolean();
  target.reasons.disaster = row.boolean();
  FAXIAN_TRY(row.status());
  return target;
}

}  // namespace

Result<std::vector<CampaignTarget>> select_campaign_targets(Database& db, int64_t campaign_id,
                                                            Date starts_on, Date ends_on) {
  return query_rows<CampaignTarget>(
      db, kSelectTargets,
      [&](Statement& s) {
        ParamBinder(s)
            .date(ends_on)
            .date(starts_on)
            .date(ends_on)
            .date(starts_on)
            .date(starts_on)
            .date(ends_on)
            .integer(campaign_id);
      },
      read_target);
}

}  // namespace faxian::workflow
