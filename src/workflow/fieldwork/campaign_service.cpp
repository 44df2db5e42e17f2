// Opening and closing campaigns, and their checklist visits.

#include "workflow/fieldwork/campaign_service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "store/region_repository.hpp"
#include "workflow/fieldwork/campaign_targets.hpp"
#include "workflow/fieldwork/visit_recorder.hpp"
#include "workflow/leads/audit_log.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow {
namespace {

Result<void> require_county(const Actor& actor) {
  if (actor.is_county())
    return ok();
  return fail(ErrorCode::kIllegalTransition, "集中排查由县级民政部门发起和结束",
              "campaigns are opened and closed by the county");
}

Result<void> check_villages(Database& db, const std::vector<std::string>& codes) {
  if (codes.empty())
    return fail(ErrorCode::kInvalidArgument, "请至少选择一个村（社区）",
                "campaign without villages");
  RegionRepository regions(db);
  for (const std::string& code : codes) {
    std::optional<Region> region;
    FAXIAN_TRY_ASSIGN(region, regions.find(code));
    if (!region || region->level != RegionLevel::kVillage)
      return fail(ErrorCode::kInvalidArgument, fmt::format("「{}」不是村（社区）代码", code),
                  fmt::format("'{}' is not a stored village", code));
  }
  return ok();
}

// The request as it will be stored: villages sorted without duplicates, the default checklist
// when none was given.
Result<CampaignRequest> checked_request(Database& db, CampaignRequest request) {
  if (request.name.empty())
    return fail(ErrorCode::kInvalidArgument, "请填写排查名称", "campaign without name");
  if (request.ends_on < request.starts_on)
    return fail(ErrorCode::kInvalidArgument, "结束日期不能早于开始日期",
                "campaign ends before it starts");
  std::sort(request.village_codes.begin(), request.village_codes.end());
  request.village_codes.erase(
      std::unique(request.village_codes.begin(), request.village_codes.end()),
      request.village_codes.end());
  FAXIAN_TRY(check_villages(db, request.village_codes));
  if (request.checklist.empty()) {
    const auto defaults = default_campaign_checklist();
    request.checklist.assign(defaults.begin(), defaults.end());
  }
  FAXIAN_TRY(check_checklist(request.checklist));
  return request;
}

Task visit_task(const CampaignRequest& request, int64_t campaign_id, const CampaignTarget& target,
                const Actor& actor, Date today) {
  Task task;
  task.kind = TaskKind::kCampaignVisit;
  task.household_id = target.household_id;
  task.campaign_id = campaign_id;
  task.township_code = target.township_code;
  task.village_code = target.village_code;
  task.title = fmt::format("集中排查走访：{}（户号 {}）", request.name, target.household_no);
  task.due_on = request.ends_on;
  task.created_on = today;
  task.created_by = actor.name;
  return task;
}

Result<void> audit(LeadService& leads, const Actor& actor, std::string_view action,
                   int64_t campaign_id, std::string detail) {
  AuditEntry entry;
  entry.actor = actor.name;
  entry.source_address = actor.source_address;
  entry.actor_role = actor.is_system() ? "" : std::string(enum_key(actor.role));
  entry.action = std::string(action);
  entry.object_type = "campaign";
  entry.object_id = std::to_string(campaign_id);
  entry.detail = std::move(detail);
  auto appended = AuditLog(leads.database(), leads.clock()).append(entry);
  if (!appended)
    return tl::unexpected(appended.error());
  return ok();
}

}  // namespace

Result<CampaignOpened> CampaignService::open(const Actor& actor, const CampaignRequest& request) {
  FAXIAN_TRY(require_county(actor));
  Database& db = leads_.database();
  CampaignRequest checked;
  FAXIAN_TRY_ASSIGN(checked, checked_request(db, request));
  const Date today = leads_.clock().today();
  auto opened = in_transaction(db, [&]() -> Result<int64_t> {
    CampaignRepository campaigns(db, leads_.clock());
    int64_t campaign_id = 0;
    FAXIAN_TRY_ASSIGN(campaign_id, campaigns.insert(checked, actor.name, today));
    std::vector<CampaignTarget> targets;
    FAXIAN_TRY_ASSIGN(targets,
                      select_campaign_targets(db, campaign_id, checked.starts_on, checked.ends_on));
    TaskRepository tasks(db, leads_.clock());
    for (CampaignTarget& target : targets) {
      FAXIAN_TRY_ASSIGN(target.task_id,
                        tasks.create(visit_task(checked, campaign_id, target, actor, today)));
      FAXIAN_TRY(campaigns.insert_target(campaign_id, target));
    }
    FAXIAN_TRY(audit(leads_, actor, "campaign.open", campaign_id,
                     fmt::format(R"({{"villages":{},"tasks":{}}})", checked.village_codes.size(),
                                 targets.size())));
    return campaign_id;
  });
  if (!opened)
    return tl::unexpected(opened.error());
  CampaignOpened result;
  FAXIAN_TRY_ASSIGN(result.campaign, open_campaign(*opened));
  TaskQuery campaign_tasks;
  campaign_tasks.kind = TaskKind::kCampaignVisit;
  campaign_tasks.status = std::nullopt;
  campaign_tasks.campaign_id = *opened;
  FAXIAN_TRY_ASSIGN(result.tasks_created, TaskRepository(db, leads_.clock()).count(campaign_tasks));
  return result;
}

Result<Campaign> CampaignService::open_campaign(int64_t campaign_id) {
  std::optional<Campaign> campaign;
  FAXIAN_TRY_ASSIGN(campaign,
                    CampaignRepository(leads_.database(), leads_.clock()).find(campaign_id));
  if (!campaign)
    return fail(ErrorCode::kNotFound, "没有找到该集中排查",
                fmt::format("campaign {} not found", campaign_id));
  return *campaign;
}

Result<Campaign> CampaignService::close(const Actor& actor, int64_t campaign_id, Date on) {
  FAXIAN_TRY(require_county(actor));
  Campaign campaign;
  FAXIAN_TRY_ASSIGN(campaign, open_campaign(campaign_id));
  if (campaign.status == CampaignStatus::kClosed)
    return fail(ErrorCode::kIllegalTransition, "该集中排查已经结束",
                fmt::format("campaign {} already closed", campaign_id));
  Database& db = leads_.database();
  auto closed = in_transaction(db, [&]() -> Result<void> {
    TaskRepository tasks(db, leads_.clock());
    TaskQuery query;
    query.kind = TaskKind::kCampaignVisit;
    query.campaign_id = campaign_id;
    query.limit = 1'000'000;
    std::vector<Task> open_tasks;
    FAXIAN_TRY_ASSIGN(open_tasks, tasks.list(query));
    for (const Task& task : open_tasks)
      FAXIAN_TRY(tasks.cancel(task.id, "集中排查已结束，未走访"));
    FAXIAN_TRY(CampaignRepository(db, leads_.clock()).set_closed(campaign_id, on));
    return audit(leads_, actor, "campaign.close", campaign_id,
                 fmt::format(R"({{"cancelled_tasks":{}}})", open_tasks.size()));
  });
  if (!closed)
    return tl::unexpected(closed.error());
  return open_campaign(campaign_id);
}

Result<VisitResult> CampaignService::record_visit(const Actor& actor, int64_t campaign_id,
                                                  const VisitForm& form) {
  Campaign campaign;
  FAXIAN_TRY_ASSIGN(campaign, open_campaign(campaign_id));
  if (campaign.status == CampaignStatus::kClosed)
    return fail(ErrorCode::kIllegalTransition, "该集中排查已经结束，不能再登记走访",
                fmt::format("campaign {} is closed", campaign_id));
  bool target = false;
  FAXIAN_TRY_ASSIGN(target, CampaignRepository(leads_.database(), leads_.clock())
                                .is_target(campaign_id, form.household_id));
  if (!target)
    return fail(
        ErrorCode::kInvalidArgument, "该家庭不在本次集中排查范围内",
        fmt::format("household {} is not a target of campaign {}", form.household_id, campaign_id));
  if (form.visited_on < campaign.starts_on)
    return fail(ErrorCode::kInvalidArgument, "走访日期早于集中排查开始日期",
                "campaign visit dated before the campaign");
  const VisitContext context{
      .campaign_id = campaign_id, .checklist = campaign.checklist, .source = LeadSource::kCampaign};
  return workflow::record_visit(leads_, actor, form, context);
}

Result<std::optional<Campaign>> CampaignService::find(int64_t campaign_id) {
  return CampaignRepository(leads_.database(), leads_.clock()).find(campaign_id);
}

Result<std::vector<Campaign>> CampaignService::list(const CampaignQuery& query) {
  return CampaignRepository(leads_.database(), leads_.clock()).list(query);
}

Result<std::vector<CampaignTarget>> CampaignService::targets(int64_t campaign_id,
                                                             std::string_view region_prefix) {
  return CampaignRepository(leads_.database(), leads_.clock()).targets(campaign_id, region_prefix);
}

}  // namespace faxian::workflow
