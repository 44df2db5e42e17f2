// The supervision report as JSON (stats_supervision_json.hpp).

#include "api/stats_supervision_json.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

template <typename T>
json optional_value(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json key_counts(const std::vector<workflow::KeyCount>& counts) {
  json list = json::array();
  for (const auto& count : counts)
    list.push_back({{"key", count.key}, {"label", count.label}, {"count", count.count}});
  return list;
}

json township_levels(const std::vector<workflow::TownshipLevels>& rows) {
  json list = json::array();
  for (const auto& row : rows) {
    list.push_back({{"township_code", row.township_code},
                    {"township_name", row.township_name},
                    {"red", row.red},
                    {"orange", row.orange},
                    {"yellow", row.yellow},
                    {"total", row.total}});
  }
  return list;
}

json volume_json(const workflow::VolumeBreakdown& volume) {
  return {{"warnings", volume.warnings},
          {"warnings_by_level", key_counts(volume.warnings_by_level)},
          {"warnings_by_township", township_levels(volume.warnings_by_township)},
          {"leads", volume.leads},
          {"leads_by_level", key_counts(volume.leads_by_level)},
          {"leads_by_source", key_counts(volume.leads_by_source)},
          {"leads_by_township", township_levels(volume.leads_by_township)}};
}

json on_time_row(const workflow::OnTimeRow& row) {
  return {{"township_code", row.township_code},
          {"township_name", row.township_name},
          {"first_contact_judged", row.first_contact_judged},
          {"first_contact_on_time", row.first_contact_on_time},
          {"verification_judged", row.verification_judged},
          {"verification_on_time", row.verification_on_time},
          {"first_contact_rate", optional_value(row.first_contact_rate)},
          {"verification_rate", optional_value(row.verification_rate)},
          {"rate", optional_value(row.rate)}};
}

json on_time_json(const workflow::OnTimeRates& rates) {
  json townships = json::array();
  for (const auto& row : rates.townships)
    townships.push_back(on_time_row(row));
  return {{"townships", townships}, {"total", on_time_row(rates.total)}};
}

json funnel_json(const workflow::DiscoveryFunnel& funnel) {
  return {{"warnings",
           {{"warnings", funnel.warnings.warnings},
            {"with_lead", funnel.warnings.with_lead},
            {"verified_need", funnel.warnings.verified_need},
            {"assistance_granted", funnel.warnings.assistance_granted}}},
          {"leads",
           {{"leads", funnel.leads.leads},
            {"verified_need", funnel.leads.verified_need},
            {"assistance_granted", funnel.leads.assistance_granted}}}};
}

json first_contact_row(const workflow::FirstContactRow& row) {
  return {{"township_code", row.township_code},
          {"township_name", row.township_name},
          {"contacted", row.contacted},
          {"median_calendar_days", optional_value(row.median_calendar_days)},
          {"working_days_known", row.working_days_known},
          {"median_working_days", optional_value(row.median_working_days)}};
}

json first_contact_json(const workflow::FirstContactTimes& times) {
  json townships = json::array();
  for (const auto& row : times.townships)
    townships.push_back(first_contact_row(row));
  return {{"townships", townships}, {"total", first_contact_row(times.total)}};
}

json campaigns_json(const std::vector<workflow::CampaignSummary>& campaigns) {
  json list = json::array();
  for (const auto& campaign : campaigns) {
    list.push_back({{"campaign_id", campaign.campaign_id},
                    {"name", campaign.name},
                    {"event", campaign.event},
                    {"status", campaign.status},
                    {"starts_on", campaign.starts_on.iso()},
                    {"ends_on", campaign.ends_on.iso()},
                    {"tasks", campaign.tasks},
                    {"visited", campaign.visited},
                    {"visited_percent", campaign.visited_percent},
                    {"leads_found", campaign.leads_found},
                    {"overdue_tasks", campaign.overdue_tasks}});
  }
  return list;
}

json overdue_json(const workflow::OverdueList& overdue) {
  json leads = json::array();
  for (const auto& lead : overdue.leads) {
    leads.push_back(
        {{"lead_no", lead.lead_no},
         {"township", lead.township_code},
         {"village", lead.village_code.empty() ? json(nullptr) : json(lead.village_code)},
         {"level", lead.level},
         {"status", lead.status},
         {"step", lead.step},
         {"due_on", lead.due_on.iso()},
         {"days_overdue", lead.days_overdue},
         {"working_days_overdue", optional_value(lead.working_days_overdue)}});
  }
  json tasks = json::array();
  for (const auto& task : overdue.tasks) {
    tasks.push_back(
        {{"task_id", task.task_id},
         {"kind", task.kind},
         {"title", task.title},
         {"township", task.township_code},
         {"village", task.village_code.empty() ? json(nullptr) : json(task.village_code)},
         {"campaign_id", optional_value(task.campaign_id)},
         {"due_on", task.due_on.iso()},
         {"days_overdue", task.days_overdue},
         {"working_days_overdue", optional_value(task.working_days_overdue)}});
  }
  json townships = json::array();
  for (const auto& township : overdue.townships) {
    townships.push_back({{"township_code", township.township_code},
                         {"township_name", township.township_name},
                         {"leads", township.leads},
                         {"tasks", township.tasks}});
  }
  return {{"leads", leads}, {"tasks", tasks}, {"townships", townships}};
}

json trend_json(const std::vector<workflow::MonthCounts>& trend) {
  json list = json::array();
  for (const auto& month : trend) {
    list.push_back({{"month", month.month.iso()},
                    {"warnings_raised", month.warnings_raised},
                    {"leads_created", month.leads_created},
                    {"leads_closed", month.leads_closed}});
  }
  return list;
}

}  // namespace

json supervision_report_json(const workflow::SupervisionReport& report) {
  return {{"region", report.query.region_prefix},
          {"from", report.query.from.iso()},
          {"to", report.query.to.iso()},
          {"as_of", report.query.as_of.iso()},
          {"volume", volume_json(report.volume)},
          {"on_time", on_time_json(report.on_time)},
          {"funnel", funnel_json(report.funnel)},
          {"first_contact", first_contact_json(report.first_contact)},
          {"campaigns", campaigns_json(report.campaigns)},
          {"overdue", overdue_json(report.overdue)},
          {"trend", trend_json(report.trend)}};
}

}  // namespace faxian::api
