#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/assistance/payment.hpp"

namespace faxian::workflow {
namespace {

constexpr std::string_view kColumns =
    "id, application_id, household_id, amount_fen, paid_on, method, source, period_from, "
    "period_to, reserve_entry_id, note, recorded_by, at";

Result<PaymentRecord> read_payment(const Statement& statement) {
  RowReader row(statement);
  PaymentRecord p;
  p.id = row.integer();
  p.application_id = row.integer();
  p.household_id = row.integer();
  p.amount = row.money();
  p.paid_on = row.date();
  p.method = row.enumeration<PaymentMethod>();
  p.source = row.enumeration<PaymentSource>();
  p.period_from = row.month();
  p.period_to = row.month();
  p.reserve_entry_id = row.optional_integer();
  p.note = row.text();
  p.recorded_by = row.text();
  p.at = row.integer();
  FAXIAN_TRY(row.status());
  return p;
}

}  // namespace

Result<PaymentRecord> PaymentRepository::insert(const PaymentRecord& payment) {
  if (payment.amount.fen() <= 0)
    return fail(ErrorCode::kInvalidArgument, "发放金额必须大于 0",
                fmt::format("payment amount {} fen", payment.amount.fen()));
  if (payment.period_to < payment.period_from)
    return fail(ErrorCode::kInvalidArgument, "发放期间的结束月份早于开始月份",
                "payment period ends before it starts");
  PaymentRecord stored = payment;
  stored.at = clock_.now_unix();
  auto id = returning_id(
      db_,
      "INSERT INTO payments (application_id, household_id, amount_fen, paid_on, method, source, "
      "period_from, period_to, reserve_entry_id, note, recorded_by, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .integer(stored.application_id)
            .integer(stored.household_id)
            .money(stored.amount)
            .date(stored.paid_on)
            .enumeration(stored.method)
            .enumeration(stored.source)
            .month(stored.period_from)
            .month(stored.period_to)
            .integer(stored.reserve_entry_id)
            .text(stored.note)
            .text(stored.recorded_by)
            .integer(stored.at);
      });
  if (!id)
    return tl::unexpected(id.error());
  stored.id = id->value_or(0);
  return stored;
}

Result<std::vector<PaymentRecord>> PaymentRepository::for_application(int64_t application_id) {
  return query_rows<PaymentRecord>(
      db_, fmt::format("SELECT {} FROM payments WHERE application_id = ? ORDER BY id", kColumns),
      [&](Statement& s) { ParamBinder(s).integer(application_id); }, read_payment);
}

Result<Money> PaymentRepository::total_for_application(int64_t application_id) {
  auto total =
      query_int(db_, "SELECT COALESCE(SUM(amount_fen), 0) FROM payments WHERE application_id = ?",
                [&](Statement& s) { ParamBinder(s).integer(application_id); });
  if (!total)
    return tl::unexpected(total.error());
  return Money::from_fen(*total);
}

}  // namespace faxian::workflow
