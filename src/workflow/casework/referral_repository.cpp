// Rows of the referrals table ↔ Referral (referral_repository.hpp).

#include "workflow/casework/referral_repository.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

using S = ReferralStatus;
constexpr EnumEntry<ReferralStatus> kReferralStatuses[] = {
    {S::kPending, "pending", "待答复", "", ""},
    {S::kAccepted, "accepted", "已受理", "", ""},
    {S::kNotApplicable, "not_applicable", "不适用", "", ""},
};

}  // namespace

std::span<const EnumEntry<ReferralStatus>> EnumTable<ReferralStatus>::entries() {
  return kReferralStatuses;
}

}  // namespace faxian

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, referral_no, department, household_id, lead_id, warning_id, township_code, "
    "village_code, reason, summary, status, sent_on, due_on, escalated_on, answered_on, result, "
    "amount, answered_by, answered_by_id, created_by, created_by_id, version, created_at, "
    "updated_at";

Result<Referral> read_referral(const Statement& statement) {
  RowReader row(statement);
  Referral referral;
  referral.id = row.integer();
  referral.referral_no = row.text();
  referral.department = row.enumeration<Department>();
  referral.household_id = row.optional_integer();
  referral.lead_id = row.optional_integer();
  referral.warning_id = row.optional_integer();
  referral.township_code = row.text();
  referral.village_code = row.text_or_empty();
  referral.reason = row.text();
  const std::string summary = row.text();
  referral.status = row.enumeration<ReferralStatus>();
  referral.sent_on = row.date();
  referral.due_on = row.optional_date();
  referral.escalated_on = row.optional_date();
  referral.answered_on = row.optional_date();
  referral.result = row.text();
  referral.amount = row.optional_money();
  referral.answered_by = row.text();
  referral.answered_by_id = row.optional_integer();
  referral.created_by = row.text();
  referral.created_by_id = row.optional_integer();
  referral.version = row.integer();
  referral.created_at = row.integer();
  referral.updated_at = row.integer();
  FAXIAN_TRY(row.status());
  FAXIAN_TRY_ASSIGN(referral.summary, summary_from_json(summary));
  return referral;
}

// NULL for an empty code (the column references regions).
ParamBinder& code_or_null(ParamBinder& binder, const std::string& code) {
  return code.empty() ? binder.null() : binder.text(code);
}

}  // namespace

Result<int64_t> ReferralRepository::insert(const Referral& referral) {
  const int64_t now = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO referrals (referral_no, department, household_id, lead_id, warning_id, "
      "township_code, village_code, reason, summary, status, sent_on, due_on, created_by, "
      "created_by_id, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.text(referral.referral_no)
            .enumeration(referral.department)
            .integer(referral.household_id)
            .integer(referral.lead_id)
            .integer(referral.warning_id)
            .text(referral.township_code);
        code_or_null(binder, referral.village_code)
            .text(referral.reason)
            .text(summary_to_json(referral.summary))
            .date(referral.sent_on)
            .date(referral.due_on)
            .text(referral.created_by)
            .integer(referral.created_by_id)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<std::vector<Referral>> ReferralRepository::select(
    std::string_view where, const std::function<void(Statement&)>& bind) {
  const std::string sql = fmt::format(
      "SELECT {} FROM referrals WHERE {} ORDER BY due_on IS NULL, due_on, id", kColumns, where);
  return query_rows<Referral>(db_, sql, bind, read_referral);
}

Result<std::optional<Referral>> ReferralRepository::find(std::string_view referral_no) {
  auto rows =
      select("referral_no = ?", [&](Statement& statement) { statement.bind_text(1, referral_no); });
  if (!rows)
    return tl::unexpected(rows.error());
  if (rows->empty())
    return std::optional<Referral>();
  return std::optional<Referral>(std::move(rows->front()));
}

Result<std::optional<Referral>> ReferralRepository::find_by_id(int64_t id) {
  auto rows = select("id = ?", [&](Statement& statement) { statement.bind_int64(1, id); });
  if (!rows)
    return tl::unexpected(rows.error());
  if (rows->empty())
    return std::optional<Referral>();
  return std::optional<Referral>(std::move(rows->front()));
}

Result<std::optional<Referral>> ReferralRepository::find_for_warning(int64_t warning_id,
                                                                     Department department) {
  auto rows = select("warning_id = ? AND department = ?", [&](Statement& statement) {
    ParamBinder(statement).integer(warning_id).enumeration(department);
  });
  if (!rows)
    return tl::unexpected(rows.error());
  if (rows->empty())
    return std::optional<Referral>();
  return std::optional<Referral>(std::move(rows->front()));
}

Result<std::vector<Referral>> ReferralRepository::list(const ReferralQuery& query) {
  // Only the filters in use appear in the SQL (no "? IS NULL" tricks, which PostgreSQL cannot
  // type).
  std::vector<std::string> clauses{"1 = 1"};
  std::vector<std::function<void(ParamBinder&)>> binds;
  if (query.department) {
    clauses.emplace_back("department = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.enumeration(*query.department); });
  }
  if (query.status) {
    clauses.emplace_back("status = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.enumeration(*query.status); });
  }
  if (!query.township_code.empty()) {
    clauses.emplace_back("township_code = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.text(query.township_code); });
  }
  if (query.lead_id) {
    clauses.emplace_back("lead_id = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.integer(*query.lead_id); });
  }
  if (query.household_id) {
    clauses.emplace_back("household_id = ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.integer(*query.household_id); });
  }
  if (query.overdue_on) {
    clauses.emplace_back("status = 'pending' AND due_on IS NOT NULL AND due_on < ?");
    binds.emplace_back([&](ParamBinder& binder) { binder.date(*query.overdue_on); });
  }
  const std::string sql = fmt::format(
      "SELECT {} FROM referrals WHERE {} ORDER BY due_on IS NULL, due_on, id LIMIT ? OFFSET ?",
      kColumns, fmt::join(clauses, " AND "));
  return query_rows<Referral>(
      db_, sql,
      [&](Statement& statement) {
        ParamBinder binder(statement);
        for (const auto& bind : binds)
          bind(binder);
        binder.integer(query.limit).integer(query.offset);
      },
      read_referral);
}

Result<bool> ReferralRepository::write_answer(const Referral& referral, int64_t version) {
  FAXIAN_TRY(run_bound(db_,
                       "UPDATE referrals SET status = ?, answered_on = ?, result = ?, amount = ?, "
                       "answered_by = ?, answered_by_id = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ? AND version = ?",
                       [&](Statement& statement) {
                         ParamBinder(statement)
                             .enumeration(referral.status)
                             .date(referral.answered_on)
                             .text(referral.result)
                             .money(referral.amount)
                             .text(referral.answered_by)
                             .integer(referral.answered_by_id)
                             .integer(clock_.now_unix())
                             .integer(referral.id)
                             .integer(version);
                       }));
  return db_.changes() == 1;
}

Result<void> ReferralRepository::mark_escalated(int64_t id, Date on) {
  return run_bound(db_,
                   "UPDATE referrals SET escalated_on = ? WHERE id = ? AND escalated_on IS NULL",
                   [&](Statement& statement) { ParamBinder(statement).date(on).integer(id); });
}

}  // namespace faxian::workflow
