#pragma once
// The batch report of the API (POST /api/v1/feeds/{feed}/batches, GET /api/v1/batches/…): the
// stored import batch (20-feeds.md "Import semantics") as JSON, with its row errors capped so a
// file of a million bad rows does not become a response of a million objects, and — right after
// an upload — what the follow-up screening and lead intake did.

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "domain/import_batch.hpp"
#include "ingest/import_request.hpp"
#include "screen/screening_job.hpp"
#include "workflow/warning_leads.hpp"

namespace faxian::api {

// Row errors and warnings listed in a report; the rest are counted (errors_total).
inline constexpr size_t kReportIssues = 1000;

// What ran after the batch committed (each part absent when it did not run or failed).
struct BatchFollowUp {
  std::optional<RunCounts> screening{};
  std::optional<workflow::WarningLeadsOutcome> leads{};
  int64_t hotline_tickets = 0;
};

// {batch_id, feed, feed_label, file_name, sha256, department, imported_by, started_at,
// finished_at, status, rows, imported, duplicates, rejected, errors: [{row, column, code,
// message}] (first kReportIssues), errors_total, warnings: [...], warnings_total}.
nlohmann::json batch_report_json(const ImportBatch& batch);

// A list item: the report without its errors and warnings lists.
nlohmann::json batch_summary_json(const ImportBatch& batch);

// The upload's report: batch_report_json plus persons_created and
// {screening: {households, warnings_opened, warnings_escalated, warnings_cleared},
//  leads: {opened, attached, raised, referrals}, hotline_tickets}.
nlohmann::json upload_report_json(const ingest::ImportOutcome& outcome,
                                  const BatchFollowUp& follow_up);

}  // namespace faxian::api
