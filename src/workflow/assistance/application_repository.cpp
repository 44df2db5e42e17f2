#include "workflow/assistance/application_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, application_no, kind, household_id, applicant_person_id, township_code, village_code, "
    "lead_id, assisted, fast_track, status, description, submitted_on, special_reason, "
    "process_due, notice_from, notice_until, decision, decision_reason, recommendation, "
    "against_recommendation, eligibility_check_id, decided_on, decided_by, start_on, amount_fen, "
    "refusal_notice_due, ended_on, end_reason, version, created_by, created_at, updated_at";

Result<Application> read_application(const Statement& statement) {
  RowReader row(statement);
  Application a;
  a.id = row.integer();
  a.application_no = row.text();
  a.kind = row.enumeration<ApplicationKind>();
  a.household_id = row.integer();
  a.applicant_person_id = row.optional_integer();
  a.township_code = row.text();
  a.village_code = row.text_or_empty();
  a.lead_id = row.optional_integer();
  a.assisted = row.boolean();
  a.fast_track = row.boolean();
  a.status = row.enumeration<ApplicationStatus>();
  a.description = row.text();
  a.submitted_on = row.date();
  a.special_reason = row.text();
  a.process_due = row.optional_date();
  a.notice_from = row.optional_date();
  a.notice_until = row.optional_date();
  a.decision = row.optional_enumeration<ApplicationDecision>();
  a.decision_reason = row.text();
  a.recommendation = row.optional_enumeration<Recommendation>();
  a.against_recommendation = row.boolean();
  a.eligibility_check_id = row.optional_integer();
  a.decided_on = row.optional_date();
  a.decided_by = row.optional_integer();
  a.start_on = row.optional_date();
  a.amount = row.optional_money();
  a.refusal_notice_due = row.optional_date();
  a.ended_on = row.optional_date();
  a.end_reason = row.text();
  a.version = row.integer();
  a.created_by = row.text();
  a.created_at = row.integer();
  a.updated_at = row.integer();
  FAXIAN_TRY(row.status());
  return a;
}

// Binds the fields `update` writes, in the order of kUpdateSet.
void bind_mutable(ParamBinder& bind, const Application& a) {
  bind.integer(a.lead_id)
      .boolean(a.assisted)
      .boolean(a.fast_track)
      .enumeration(a.status)
      .text(a.description)
      .text(a.special_reason)
      .date(a.process_due)
      .date(a.notice_from)
      .date(a.notice_until)
      .enumeration(a.decision)
      .text(a.decision_reason)
      .enumeration(a.recommendation)
      .boolean(a.against_recommendation)
      .integer(a.eligibility_check_id)
      .date(a.decided_on)
      .integer(a.decided_by)
      .date(a.start_on)
      .money(a.amount)
      .date(a.refusal_notice_due)
      .date(a.ended_on)
      .text(a.end_reason);
}

constexpr std::string_view kUpdateSet =
    "lead_id = ?, assisted = ?, fast_track = ?, status = ?, description = ?, special_reason = ?, "
    "process_due = ?, notice_from = ?, notice_until = ?, decision = ?, decision_reason = ?, "
    "recommendation = ?, against_recommendation = ?, eligibility_check_id = ?, decided_on = ?, "
    "decided_by = ?, start_on = ?, amount_fen = ?, refusal_notice_due = ?, ended_on = ?, "
    "end_reason = ?";

Result<ApplicationEvent> read_event(const Statement& statement) {
  RowReader row(statement);
  ApplicationEvent e;
  e.id = row.integer();
  e.action = row.text();
  e.from_status = row.optional_enumeration<ApplicationStatus>();
  e.to_status = row.optional_enumeration<ApplicationStatus>();
  e.actor = row.text();
  e.actor_role = row.text();
  e.reason = row.text();
  e.detail = row.text();
  e.on_date = row.date();
  e.at = row.integer();
  FAXIAN_TRY(row.status());
  return e;
}

}  // namespace

Result<std::string> ApplicationRepository::next_number(Date on) {
  const std::string iso = on.iso();
  const std::string day = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  auto last = returning_id(
      db_,
      "INSERT INTO application_counters (day, last) VALUES (?, 1) "
      "ON CONFLICT (day) DO UPDATE SET last = application_counters.last + 1 RETURNING last",
      [&](Statement& s) { ParamBinder(s).text(day); });
  if (!last)
    return tl::unexpected(last.error());
  return fmt::format("SQ{}-{:04d}", day, last->value_or(0));
}

Result<Application> ApplicationRepository::insert(const Application& application) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      fmt::format("INSERT INTO applications (application_no, kind, household_id, "
                  "applicant_person_id, township_code, village_code, submitted_on, created_by, "
                  "created_at, updated_at, version, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, "
                  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  "lead_id, assisted, fast_track, status, description, special_reason, "
                  "process_due, notice_from, notice_until, decision, decision_reason, "
                  "recommendation, against_recommendation, eligibility_check_id, decided_on, "
                  "decided_by, start_on, amount_fen, refusal_notice_due, ended_on, end_reason"),
      [&](Statement& s) {
        ParamBinder bind(s);
        bind.text(application.application_no)
            .enumeration(application.kind)
            .integer(application.household_id)
            .integer(application.applicant_person_id)
            .text(application.township_code);
        if (application.village_code.empty())
          bind.null();
        else
          bind.text(application.village_code);
        bind.date(application.submitted_on).text(application.created_by).integer(now).integer(now);
        bind_mutable(bind, application);
      });
  if (!id)
    return tl::unexpected(id.error());
  auto stored = find_by_id(id->value_or(0));
  if (!stored)
    return tl::unexpected(stored.error());
  if (!*stored)
    return fail(ErrorCode::kInternal, "申请保存失败", "inserted application not found");
  return std::move(**stored);
}

Result<Application> ApplicationRepository::update(const Application& application) {
  FAXIAN_TRY(run_bound(
      db_,
      fmt::format("UPDATE applications SET {}, version = version + 1, "
                  "updated_at = ? WHERE id = ? AND version = ?",
                  kUpdateSet),
      [&](Statement& s) {
        ParamBinder bind(s);
        bind_mutable(bind, application);
        bind.integer(clock_.now_unix()).integer(application.id).integer(application.version);
      }));
  if (db_.changes() == 0) {
    auto current = find_by_id(application.id);
    if (!current)
      return tl::unexpected(current.error());
    if (!*current)
      return tl::unexpected(not_found("救助申请", fmt::format("application {}", application.id)));
    return fail(ErrorCode::kConflict,
                fmt::format("申请 {} 已被他人修改（当前版本 {}），请刷新后重试",
                            (*current)->application_no, (*current)->version),
                fmt::format("stale application version {} (current {})", application.version,
                            (*current)->version));
  }
  auto stored = find_by_id(application.id);
  if (!stored)
    return tl::unexpected(stored.error());
  return std::move(**stored);
}

Result<std::optional<Application>> ApplicationRepository::find(std::string_view application_no) {
  return query_one<Application>(
      db_, fmt::format("SELECT {} FROM applications WHERE application_no = ?", kColumns),
      [&](Statement& s) { ParamBinder(s).text(application_no); }, read_application);
}

Result<std::optional<Application>> ApplicationRepository::find_by_id(int64_t id) {
  return query_one<Application>(
      db_, fmt::format("SELECT {} FROM applications WHERE id = ?", kColumns),
      [&](Statement& s) { ParamBinder(s).integer(id); }, read_application);
}

Result<std::vector<Application>> ApplicationRepository::list(const ApplicationQuery& query) {
  // Only the filters given become SQL (no `? IS NULL OR …`: PostgreSQL cannot type such a
  // parameter).
  std::string where = "1 = 1";
  if (query.household_id)
    where += " AND household_id = ?";
  if (query.lead_id)
    where += " AND lead_id = ?";
  if (query.status)
    where += " AND status = ?";
  if (query.kind)
    where += " AND kind = ?";
  if (!query.township_code.empty())
    where += " AND township_code = ?";
  if (query.open_only)
    where += " AND status <> 'ended'";
  if (query.overdue_on)
    where += " AND decision IS NULL AND status <> 'ended' AND process_due < ?";
  return query_rows<Application>(
      db_,
      fmt::format("SELECT {} FROM applications WHERE {} ORDER BY id DESC LIMIT ?", kColumns, where),
      [&](Statement& s) {
        ParamBinder bind(s);
        if (query.household_id)
          bind.integer(*query.household_id);
        if (query.lead_id)
          bind.integer(*query.lead_id);
        if (query.status)
          bind.enumeration(*query.status);
        if (query.kind)
          bind.enumeration(*query.kind);
        if (!query.township_code.empty())
          bind.text(query.township_code);
        if (query.overdue_on)
          bind.date(*query.overdue_on);
        bind.integer(query.limit);
      },
      read_application);
}

Result<int64_t> ApplicationRepository::add_event(int64_t application_id,
                                                 const ApplicationEvent& event) {
  auto id = returning_id(
      db_,
      "INSERT INTO application_events (application_id, action, from_status, to_status, actor, "
      "actor_role, reason, detail, on_date, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(application_id)
            .text(event.action)
            .enumeration(event.from_status)
            .enumeration(event.to_status)
            .text(event.actor)
            .text(event.actor_role)
            .text(event.reason)
            .text(event.detail)
            .date(event.on_date)
            .integer(clock_.now_unix());
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<std::vector<ApplicationEvent>> ApplicationRepository::history(int64_t application_id) {
  return query_rows<ApplicationEvent>(
      db_,
      "SELECT id, action, from_status, to_status, actor, actor_role, reason, detail, on_date, at "
      "FROM application_events WHERE application_id = ? ORDER BY id",
      [&](Statement& s) { ParamBinder(s).integer(application_id); }, read_event);
}

}  // namespace faxian::workflow
