// Routes: department feeds and their batch reports (50-api-security.md "feeds/batches").
//   POST /api/v1/feeds/{feed}/batches   upload a file (multipart `file`) or JSON rows → report
//   GET  /api/v1/batches                the batches the caller may read, newest first
//   GET  /api/v1/batches/{batch_id}     one batch report
// Who may upload or read which feed: feed_access.hpp. An upload runs exactly the steps of
// `faxian import` (feed_import.hpp) and is audited ("feed.upload") in the audit chain.
//
// Status of an upload: 201 with the report when the batch committed (rows with errors are
// rejected and listed; the accepted rows are in), 422 with the error body whose `details` is the
// report when nothing was committed (a strict batch with a rejected row, or a failed batch: a
// missing required column, an unreadable file).

#include <charconv>

#include <fmt/format.h>

#include "api/api_error.hpp"
#include "api/api_server.hpp"
#include "api/feed_access.hpp"
#include "api/feed_batch_query.hpp"
#include "api/feed_batch_report.hpp"
#include "api/feed_import.hpp"
#include "api/feed_upload.hpp"
#include "api/router.hpp"
#include "api/server_context.hpp"
#include "store/batch_repository.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::api {
namespace {

Error unknown_feed() {
  return Error(ErrorCode::kNotFound, "未知的数据类型", "unknown feed");
}

Error batch_not_found() {
  return Error(ErrorCode::kNotFound, "导入批次不存在", "batch not found or not readable");
}

Result<FeedKind> feed_of(const std::string& name) {
  auto feed = find_feed(name);
  if (!feed)
    return tl::unexpected(unknown_feed());
  return *feed;
}

Result<bool> strict_of(const Call& call) {
  auto strict = call.query("strict");
  if (!strict || *strict == "false" || *strict == "0")
    return false;
  if (*strict == "true" || *strict == "1")
    return true;
  return fail(ErrorCode::kInvalidArgument, "参数 strict 应为 true 或 false", "bad strict");
}

Result<void> audit_upload(const Call& call, const ingest::ImportOutcome& outcome) {
  workflow::AuditEntry entry =
      call.audit_entry("feed.upload", "batch", std::to_string(outcome.batch.id));
  entry.detail =
      nlohmann::json{
          {"feed", enum_key(outcome.batch.feed)}, {"file_name", outcome.batch.file_name},
          {"sha256", outcome.batch.sha256},       {"status", enum_key(outcome.batch.status)},
          {"rows", outcome.batch.rows},           {"imported", outcome.batch.imported},
          {"rejected", outcome.batch.rejected}}
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  FAXIAN_TRY(workflow::AuditLog(call.db, call.clock()).append(entry));
  return ok();
}

Reply upload_reply(const UploadOutcome& outcome) {
  nlohmann::json report = upload_report_json(outcome.import, outcome.follow_up);
  if (outcome.import.batch.status == BatchStatus::kCommitted)
    return Reply::json(std::move(report), 201);
  const bool strict_refusal = outcome.import.batch.status == BatchStatus::kRejected;
  Error refused(ErrorCode::kIllegalTransition,
                strict_refusal ? "有数据行未通过校验，整批未导入（strict）"
                               : "文件无法导入，整批未导入，请查看错误说明",
                "batch not committed");
  nlohmann::json body = error_body(refused, report);
  body["error"]["code"] = "batch_refused";
  return Reply::json(std::move(body), 422);
}

Result<Reply> upload_batch(Call& call) {
  FeedKind feed{};
  FAXIAN_TRY_ASSIGN(feed, feed_of(call.param(0)));
  if (!may_upload_feed(call.caller, feed)) {
    return fail(ErrorCode::kPermissionDenied, "无权上传此类数据（只能上传本部门的数据）",
                "feed not allowed for the caller");
  }
  bool strict = false;
  FAXIAN_TRY_ASSIGN(strict, strict_of(call));
  ReceivedUpload upload;
  FAXIAN_TRY_ASSIGN(upload, receive_upload(call, feed, call.server.config.json_body_limit));
  ingest::ImportRequest request;
  request.feed = feed;
  request.file_name = upload.file_name;
  request.department = call.actor().department;
  request.imported_by = call.actor().name;
  request.strict = strict;
  UploadOutcome outcome;
  FAXIAN_TRY_ASSIGN(outcome, import_upload(call.db, call.clock(), upload.file.path(), request));
  FAXIAN_TRY(audit_upload(call, outcome.import));
  return upload_reply(outcome);
}

bool readable(const Caller& caller, FeedKind feed) {
  auto feeds = readable_feeds(caller);
  return !feeds || std::find(feeds->begin(), feeds->end(), feed) != feeds->end();
}

Result<Reply> list_batch_reports(Call& call) {
  PageRequest page;
  FAXIAN_TRY_ASSIGN(page, call.page());
  BatchQuery query;
  query.feeds = readable_feeds(call.caller);
  if (auto name = call.query("feed")) {
    auto feed = find_feed(*name);
    if (!feed)
      return fail(ErrorCode::kInvalidArgument, "参数 feed 不是已知的数据类型", "bad feed");
    query.feeds =
        readable(call.caller, *feed) ? std::vector<FeedKind>{*feed} : std::vector<FeedKind>{};
  }
  query.limit = page.page_size;
  query.offset = page.offset();
  BatchPage found;
  FAXIAN_TRY_ASSIGN(found, list_batches(call.db, query));
  nlohmann::json items = nlohmann::json::array();
  for (const ImportBatch& batch : found.batches)
    items.push_back(batch_summary_json(batch));
  return Reply::json(page_body(std::move(items), page, found.total));
}

Result<Reply> get_batch_report(Call& call) {
  const std::string& text = call.param(0);
  int64_t batch_id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), batch_id);
  if (error != std::errc() || end != text.data() + text.size() || batch_id < 1)
    return tl::unexpected(batch_not_found());
  std::optional<ImportBatch> batch;
  FAXIAN_TRY_ASSIGN(batch, BatchRepository(call.db).find(batch_id));
  if (!batch || !readable(call.caller, batch->feed))
    return tl::unexpected(batch_not_found());
  // Row errors quote the department's cells (names, ID numbers): reading them is audited.
  call.audit_view("batch.view", "batch", text);
  return Reply::json(batch_report_json(*batch));
}

Access uploaders() {
  Access access = Access::only({Role::kCountyAdmin, Role::kDepartmentLiaison});
  access.department_tokens = true;
  access.streamed_body = true;
  return access;
}

Access batch_readers() {
  Access access = Access::only(
      {Role::kCountyAdmin, Role::kCountyOfficer, Role::kAuditor, Role::kDepartmentLiaison});
  access.department_tokens = true;
  return access;
}

}  // namespace

void register_feed_routes(Router& router) {
  router.add("POST", "/api/v1/feeds/{feed}/batches", uploaders(), upload_batch);
  router.add("GET", "/api/v1/batches", batch_readers(), list_batch_reports);
  router.add("GET", "/api/v1/batches/{batch_id}", batch_readers(), get_batch_report);
}

}  // namespace faxian::api
