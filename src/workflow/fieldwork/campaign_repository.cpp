// Campaigns in SQL.

#include "workflow/fieldwork/campaign_repository.hpp"

#include <functional>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/fieldwork/region_scope.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, name, event_type, description, starts_on, ends_on, status, created_by, "
    "created_on, closed_on FROM campaigns c ";

Result<Campaign> read_campaign(const Statement& statement) {
  RowReader row(statement);
  Campaign campaign;
  campaign.id = row.integer();
  campaign.name = row.text();
  campaign.event = row.enumeration<CampaignEvent>();
  campaign.description = row.text();
  campaign.starts_on = row.date();
  campaign.ends_on = row.date();
  campaign.status = row.enumeration<CampaignStatus>();
  campaign.created_by = row.text();
  campaign.created_on = row.date();
  campaign.closed_on = row.optional_date();
  FAXIAN_TRY(row.status());
  return campaign;
}

Result<ChecklistItem> read_item(const Statement& statement) {
  RowReader row(statement);
  ChecklistItem item;
  item.key = row.text();
  item.question = row.text();
  item.concern_answer = row.enumeration<ChecklistAnswer>();
  FAXIAN_TRY(row.status());
  return item;
}

Result<std::string> read_text(const Statement& statement) {
  RowReader row(statement);
  std::string text = row.text();
  FAXIAN_TRY(row.status());
  return text;
}

Result<CampaignTarget> read_target(const Statement& statement) {
  RowReader row(statement);
  CampaignTarget target;
  target.household_id = row.integer();
  target.household_no = row.text();
  target.village_code = row.text();
  target.township_code = row.text();
  target.task_id = row.optional_integer();
  target.reasons.low_income = row.boolean();
  target.reasons.open_warning = row.boolean();
  target.reasons.disaster = row.boolean();
  target.visited = row.boolean();
  FAXIAN_TRY(row.status());
  return target;
}

struct Filter {
  std::string where = "WHERE 1 = 1";
  std::function<void(ParamBinder&)> bind;
};

Filter filter_of(const CampaignQuery& query) {
  Filter filter;
  if (!query.region_prefix.empty())
    filter.where +=
        " AND EXISTS (SELECT 1 FROM campaign_villages cv WHERE cv.campaign_id = c.id AND "
        "cv.village_code LIKE ?)";
  if (query.status)
    filter.where += " AND status = ?";
  if (query.active_to)
    filter.where += " AND starts_on <= ?";
  if (query.active_from)
    filter.where += " AND ends_on >= ?";
  filter.bind = [query](ParamBinder& binder) {
    if (!query.region_prefix.empty())
      binder.text(like_prefix(query.region_prefix));
    if (query.status)
      binder.enumeration(*query.status);
    if (query.active_to)
      binder.date(*query.active_to);
    if (query.active_from)
      binder.date(*query.active_from);
  };
  return filter;
}

}  // namespace

Result<int64_t> CampaignRepository::insert(const CampaignRequest& request,
                                           std::string_view created_by, Date created_on) {
  const int64_t now = clock_.now_unix();
  std::optional<int64_t> id;
  FAXIAN_TRY_ASSIGN(
      id, returning_id(db_,
                       "INSERT INTO campaigns (name, event_type, description, starts_on, ends_on, "
                       "status, created_by, created_on, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id",
                       [&](Statement& s) {
                         ParamBinder(s)
                             .text(request.name)
                             .enumeration(request.event)
                             .text(request.description)
                             .date(request.starts_on)
                             .date(request.ends_on)
                             .text(created_by)
                             .date(created_on)
                             .integer(now)
                             .integer(now);
                       }));
  if (!id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "campaign insert returned no id");
  for (const std::string& village : request.village_codes) {
    FAXIAN_TRY(run_bound(db_,
                         "INSERT INTO campaign_villages (campaign_id, village_code) VALUES (?, ?)",
                         [&](Statement& s) { ParamBinder(s).integer(*id).text(village); }));
  }
  int64_t position = 0;
  for (const ChecklistItem& item : request.checklist) {
    FAXIAN_TRY(run_bound(db_,
                         "INSERT INTO campaign_checklist_items (campaign_id, position, item_key, "
                         "question, concern_answer) VALUES (?, ?, ?, ?, ?)",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .integer(*id)
                               .integer(position++)
                               .text(item.key)
                               .text(item.question)
                               .enumeration(item.concern_answer);
                         }));
  }
  return *id;
}

Result<void> CampaignRepository::insert_target(int64_t campaign_id, const CampaignTarget& target) {
  return run_bound(db_,
                   "INSERT INTO campaign_targets (campaign_id, household_id, village_code, "
                   "township_code, task_id, low_income, open_warning, disaster) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [&](Statement& s) {
                     ParamBinder(s)
                         .integer(campaign_id)
                         .integer(target.household_id)
                         .text(target.village_code)
                         .text(target.township_code)
                         .integer(target.task_id)
                         .boolean(target.reasons.low_income)
                         .boolean(target.reasons.open_warning)
                         .boolean(target.reasons.disaster);
                   });
}

Result<void> CampaignRepository::load_details(Campaign& campaign) {
  FAXIAN_TRY_ASSIGN(campaign.village_codes,
                    query_rows<std::string>(
                        db_,
                        "SELECT village_code FROM campaign_villages WHERE campaign_id = ? "
                        "ORDER BY village_code",
                        [&](Statement& s) { ParamBinder(s).integer(campaign.id); }, read_text));
  FAXIAN_TRY_ASSIGN(campaign.checklist,
                    query_rows<ChecklistItem>(
                        db_,
                        "SELECT item_key, question, concern_answer FROM campaign_checklist_items "
                        "WHERE campaign_id = ? ORDER BY position",
                        [&](Statement& s) { ParamBinder(s).integer(campaign.id); }, read_item));
  return ok();
}

Result<std::optional<Campaign>> CampaignRepository::find(int64_t id) {
  auto campaign = query_one<Campaign>(
      db_, std::string(kSelect) + "WHERE id = ?", [&](Statement& s) { ParamBinder(s).integer(id); },
      read_campaign);
  if (!campaign || !*campaign)
    return campaign;
  FAXIAN_TRY(load_details(**campaign));
  return campaign;
}

Result<std::vector<Campaign>> CampaignRepository::list(const CampaignQuery& query) {
  if (!query.region_prefix.empty())
    FAXIAN_TRY(check_region_prefix(query.region_prefix));
  const Filter filter = filter_of(query);
  auto campaigns = query_rows<Campaign>(
      db_, fmt::format("{}{} ORDER BY starts_on DESC, id DESC", kSelect, filter.where),
      [&](Statement& s) {
        ParamBinder binder(s);
        filter.bind(binder);
      },
      read_campaign);
  if (!campaigns)
    return campaigns;
  for (Campaign& campaign : *campaigns)
    FAXIAN_TRY(load_details(campaign));
  return campaigns;
}

Result<std::vector<CampaignTarget>> CampaignRepository::targets(int64_t campaign_id,
                                                                std::string_view region_prefix) {
  if (!region_prefix.empty())
    FAXIAN_TRY(check_region_prefix(region_prefix));
  return query_rows<CampaignTarget>(
      db_,
      "SELECT t.household_id, h.household_no, t.village_code, t.township_code, t.task_id, "
      "t.low_income, t.open_warning, t.disaster, "
      "CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.campaign_id = t.campaign_id "
      "AND v.household_id = t.household_id) THEN 1 ELSE 0 END "
      "FROM campaign_targets t JOIN households h ON h.id = t.household_id "
      "WHERE t.campaign_id = ? AND t.village_code LIKE ? ORDER BY t.village_code, h.household_no",
      [&](Statement& s) { ParamBinder(s).integer(campaign_id).text(like_prefix(region_prefix)); },
      read_target);
}

Result<bool> CampaignRepository::is_target(int64_t campaign_id, int64_t household_id) {
  int64_t found = 0;
  FAXIAN_TRY_ASSIGN(found, query_int(db_,
                                     "SELECT COUNT(*) FROM campaign_targets WHERE campaign_id = ? "
                                     "AND household_id = ?",
                                     [&](Statement& s) {
                                       ParamBinder(s).integer(campaign_id).integer(household_id);
                                     }));
  return found > 0;
}

Result<void> CampaignRepository::set_closed(int64_t id, Date on) {
  return run_bound(
      db_,
      "UPDATE campaigns SET status = 'closed', closed_on = ?, updated_at = ? "
      "WHERE id = ?",
      [&](Statement& s) { ParamBinder(s).date(on).integer(clock_.now_unix()).integer(id); });
}

}  // namespace faxian::workflow
