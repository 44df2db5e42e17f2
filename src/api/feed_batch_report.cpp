// Batch reports as JSON (feed_batch_report.hpp).

#include "api/feed_batch_report.hpp"

#include <algorithm>

namespace faxian::api {
namespace {

nlohmann::json issues_json(const std::vector<BatchRowIssue>& issues) {
  nlohmann::json list = nlohmann::json::array();
  const size_t shown = std::min(issues.size(), kReportIssues);
  for (size_t index = 0; index < shown; ++index) {
    const BatchRowIssue& issue = issues[index];
    list.push_back({{"row", issue.row},
                    {"column", issue.column},
                    {"code", issue.code},
                    {"message", issue.message}});
  }
  return list;
}

nlohmann::json optional_time(const std::optional<int64_t>& at) {
  return at ? nlohmann::json(*at) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json batch_summary_json(const ImportBatch& batch) {
  return {{"batch_id", batch.id},
          {"feed", enum_key(batch.feed)},
          {"feed_label", enum_label(batch.feed)},
          {"file_name", batch.file_name},
          {"sha256", batch.sha256},
          {"department", batch.department},
          {"imported_by", batch.imported_by},
          {"started_at", batch.started_at},
          {"finished_at", optional_time(batch.finished_at)},
          {"status", enum_key(batch.status)},
          {"rows", batch.rows},
          {"imported", batch.imported},
          {"duplicates", batch.duplicates},
          {"rejected", batch.rejected}};
}

nlohmann::json batch_report_json(const ImportBatch& batch) {
  nlohmann::json report = batch_summary_json(batch);
  report["errors"] = issues_json(batch.errors);
  report["errors_total"] =
      std::max<int64_t>(static_cast<int64_t>(batch.errors.size()), batch.rejected);
  report["warnings"] = issues_json(batch.warnings);
  report["warnings_total"] = static_cast<int64_t>(batch.warnings.size());
  return report;
}

nlohmann::json upload_report_json(const ingest::ImportOutcome& outcome,
                                  const BatchFollowUp& follow_up) {
  nlohmann::json report = batch_report_json(outcome.batch);
  report["persons_created"] = outcome.persons_created;
  report["screening"] = nullptr;
  if (follow_up.screening) {
    report["screening"] = {{"households", follow_up.screening->households_screened},
                           {"warnings_opened", follow_up.screening->opened},
                           {"warnings_escalated", follow_up.screening->escalated},
                           {"warnings_cleared", follow_up.screening->cleared}};
  }
  report["leads"] = nullptr;
  if (follow_up.leads) {
    report["leads"] = {{"opened", follow_up.leads->opened},
                       {"attached", follow_up.leads->attached},
                       {"raised", follow_up.leads->raised},
                       {"referrals", follow_up.leads->referrals}};
  }
  report["hotline_tickets"] = follow_up.hotline_tickets;
  return report;
}

}  // namespace faxian::api
