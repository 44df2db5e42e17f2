#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/assistance/aid_request.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, application_id, household_id, township_code, lead_id, track, amount_fen, standard_fen, "
    "reasons, status, requested_on, decision_due, decided_on, decided_by, decided_by_name, "
    "decision_reason, payment_id, version, created_by";

Result<AidRequest> read_request(const Statement& statement) {
  RowReader row(statement);
  AidRequest r;
  r.id = row.integer();
  r.application_id = row.integer();
  r.household_id = row.integer();
  r.township_code = row.text();
  r.lead_id = row.optional_integer();
  r.track = row.enumeration<AidTrack>();
  r.amount = row.money();
  r.standard = row.money();
  r.reasons = row.text();
  r.status = row.enumeration<AidRequestStatus>();
  r.requested_on = row.date();
  r.decision_due = row.optional_date();
  r.decided_on = row.optional_date();
  r.decided_by = row.optional_integer();
  r.decided_by_name = row.text();
  r.decision_reason = row.text();
  r.payment_id = row.optional_integer();
  r.version = row.integer();
  r.created_by = row.text();
  FAXIAN_TRY(row.status());
  return r;
}

}  // namespace

Result<AidRequest> AidRequestRepository::insert(const AidRequest& request) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO temporary_aid_requests (application_id, household_id, township_code, lead_id, "
      "track, amount_fen, standard_fen, reasons, status, requested_on, decision_due, decided_on, "
      "decided_by, decided_by_name, decision_reason, payment_id, version, created_by, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, "
      "?) RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(request.application_id)
            .integer(request.household_id)
            .text(request.township_code)
            .integer(request.lead_id)
            .enumeration(request.track)
            .money(request.amount)
            .money(request.standard)
            .text(request.reasons)
            .enumeration(request.status)
            .date(request.requested_on)
            .date(request.decision_due)
            .date(request.decided_on)
            .integer(request.decided_by)
            .text(request.decided_by_name)
            .text(request.decision_reason)
            .integer(request.payment_id)
            .text(request.created_by)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  AidRequest stored = request;
  stored.id = id->value_or(0);
  stored.version = 1;
  return stored;
}

Result<AidRequest> AidRequestRepository::update(const AidRequest& request) {
  FAXIAN_TRY(
      run_bound(db_,
                "UPDATE temporary_aid_requests SET status = ?, amount_fen = ?, decided_on = ?, "
                "decided_by = ?, decided_by_name = ?, decision_reason = ?, payment_id = ?, "
                "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                [&](Statement& s) {
                  ParamBinder(s)
                      .enumeration(request.status)
                      .money(request.amount)
                      .date(request.decided_on)
                      .integer(request.decided_by)
                      .text(request.decided_by_name)
                      .text(request.decision_reason)
                      .integer(request.payment_id)
                      .integer(clock_.now_unix())
                      .integer(request.id)
                      .integer(request.version);
                }));
  if (db_.changes() == 0)
    return fail(ErrorCode::kConflict, "该请示已被他人处理，请刷新后重试",
                fmt::format("stale aid request {} version {}", request.id, request.version));
  AidRequest stored = request;
  stored.version = request.version + 1;
  return stored;
}

Result<std::optional<AidRequest>> AidRequestRepository::find(int64_t id) {
  return query_one<AidRequest>(
      db_, fmt::format("SELECT {} FROM temporary_aid_requests WHERE id = ?", kColumns),
      [&](Statement& s) { ParamBinder(s).integer(id); }, read_request);
}

Result<std::vector<AidRequest>> AidRequestRepository::for_application(int64_t application_id) {
  return query_rows<AidRequest>(
      db_,
      fmt::format("SELECT {} FROM temporary_aid_requests WHERE application_id = ? ORDER BY id",
                  kColumns),
      [&](Statement& s) { ParamBinder(s).integer(application_id); }, read_request);
}

Result<std::vector<AidRequest>> AidRequestRepository::list(AidTrack track,
                                                           AidRequestStatus status) {
  return query_rows<AidRequest>(
      db_,
      fmt::format("SELECT {} FROM temporary_aid_requests WHERE track = ? AND status = ? "
                  "ORDER BY requested_on, id",
                  kColumns),
      [&](Statement& s) { ParamBinder(s).enumeration(track).enumeration(status); }, read_request);
}

Result<std::vector<AidRequest>> AidRequestRepository::overdue(Date on) {
  return query_rows<AidRequest>(
      db_,
      fmt::format("SELECT {} FROM temporary_aid_requests WHERE status = 'requested' AND "
                  "decision_due IS NOT NULL AND decision_due < ? ORDER BY decision_due, id",
                  kColumns),
      [&](Statement& s) { ParamBinder(s).date(on); }, read_request);
}

}  // namespace faxian::workflow
