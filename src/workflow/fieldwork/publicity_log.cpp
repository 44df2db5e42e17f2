// The publicity log in SQL.

#include "workflow/fieldwork/publicity_log.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "store/row_codec.hpp"
#include "workflow/fieldwork/region_scope.hpp"

namespace faxian::workflow {
namespace {

Result<PublicityActivity> read_activity(const Statement& statement) {
  RowReader row(statement);
  PublicityActivity activity;
  activity.id = row.integer();
  activity.held_on = row.date();
  activity.region_code = row.text();
  activity.region_name = row.text();
  activity.type = row.enumeration<PublicityType>();
  activity.topic = row.text();
  activity.audience_size = row.integer();
  activity.notes = row.text();
  activity.recorded_by = row.text();
  FAXIAN_TRY(row.status());
  return activity;
}

// The WHERE clause (prefix, then the optional dates) and its binder.
std::string where_of(const PublicityQuery& query) {
  std::string where = "WHERE a.region_code LIKE ?";
  if (query.from)
    where += " AND a.held_on >= ?";
  if (query.to)
    where += " AND a.held_on <= ?";
  return where;
}

void bind_query(ParamBinder& binder, const PublicityQuery& query) {
  binder.text(like_prefix(query.region_prefix));
  if (query.from)
    binder.date(*query.from);
  if (query.to)
    binder.date(*query.to);
}

Result<void> check_activity(Database& db, const Actor& actor, const PublicityActivity& activity,
                            Date today) {
  if (activity.audience_size < 0)
    return fail(ErrorCode::kInvalidArgument, "受众人数不能为负数", "negative audience size");
  if (activity.held_on > today)
    return fail(ErrorCode::kInvalidArgument, "活动日期不能晚于今天", "activity dated after today");
  std::optional<Region> region;
  FAXIAN_TRY_ASSIGN(region, RegionRepository(db).find(activity.region_code));
  if (!region || region->level == RegionLevel::kCounty)
    return fail(ErrorCode::kInvalidArgument, "请选择活动所在的乡镇或村（社区）",
                "publicity region is not a stored township or village");
  if (!actor.is_county() && !actor.region_code.empty() &&
      !activity.region_code.starts_with(actor.region_code))
    return fail(ErrorCode::kNotFound, "没有找到该区划",
                "publicity region outside the actor's area");
  return ok();
}

}  // namespace

Result<int64_t> PublicityLog::record(const Actor& actor, const PublicityActivity& activity) {
  FAXIAN_TRY(check_activity(db_, actor, activity, clock_.today()));
  auto id = returning_id(db_,
                         "INSERT INTO publicity_activities (held_on, region_code, activity_type, "
                         "topic, audience_size, notes, recorded_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         [&](Statement& s) {
                           ParamBinder(s)
                               .date(activity.held_on)
                               .text(activity.region_code)
                               .enumeration(activity.type)
                               .text(activity.topic)
                               .integer(activity.audience_size)
                               .text(activity.notes)
                               .text(actor.name)
                               .integer(clock_.now_unix());
                         });
  if (!id)
    return tl::unexpected(id.error());
  if (!*id)
    return fail(ErrorCode::kInternal, "数据库内部错误", "publicity insert returned no id");
  return **id;
}

Result<std::vector<PublicityActivity>> PublicityLog::list(const PublicityQuery& query) {
  FAXIAN_TRY(check_region_prefix(query.region_prefix));
  return query_rows<PublicityActivity>(
      db_,
      fmt::format("SELECT a.id, a.held_on, a.region_code, r.name, a.activity_type, a.topic, "
                  "a.audience_size, a.notes, a.recorded_by FROM publicity_activities a "
                  "JOIN regions r ON r.code = a.region_code {} "
                  "ORDER BY a.held_on DESC, a.id DESC LIMIT ? OFFSET ?",
                  where_of(query)),
      [&](Statement& s) {
        ParamBinder binder(s);
        bind_query(binder, query);
        binder.integer(query.limit).integer(query.offset);
      },
      read_activity);
}

Result<PublicitySummary> PublicityLog::summary(const PublicityQuery& query) {
  FAXIAN_TRY(check_region_prefix(query.region_prefix));
  auto rows = query_rows<PublicitySummary>(
      db_,
      fmt::format("SELECT COUNT(*), COALESCE(SUM(a.audience_size), 0) "
                  "FROM publicity_activities a {}",
                  where_of(query)),
      [&](Statement& s) {
        ParamBinder binder(s);
        bind_query(binder, query);
      },
      [](const Statement& statement) -> Result<PublicitySummary> {
        RowReader row(statement);
        PublicitySummary summary{row.integer(), row.integer()};
        FAXIAN_TRY(row.status());
        return summary;
      });
  if (!rows)
    return tl::unexpected(rows.error());
  return rows->empty() ? PublicitySummary{} : rows->front();
}

}  // namespace faxian::workflow
