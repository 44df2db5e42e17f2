#include "workflow/assistance/reserve_fund.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::workflow {
namespace {

Result<ReserveEntry> read_entry(const Statement& statement) {
  RowReader row(statement);
  ReserveEntry e;
  e.id = row.integer();
  e.township_code = row.text();
  e.kind = row.enumeration<ReserveEntryKind>();
  e.amount = row.money();
  e.balance_after = row.money();
  e.on_date = row.date();
  e.application_id = row.optional_integer();
  e.note = row.text();
  e.actor = row.text();
  e.at = row.integer();
  FAXIAN_TRY(row.status());
  return e;
}

Result<void> check_amount(Money amount) {
  if (amount.fen() > 0)
    return ok();
  return fail(ErrorCode::kInvalidArgument, "金额必须大于 0",
              fmt::format("reserve fund amount {} fen", amount.fen()));
}

}  // namespace

Result<ReserveEntry> ReserveFund::top_up(const Actor& actor, std::string_view township_code,
                                         Money amount, Date on, std::string_view note) {
  FAXIAN_TRY(check_amount(amount));
  if (township_code.size() != 9)
    return fail(ErrorCode::kInvalidArgument, "备用金只能拨付给乡镇（街道）",
                fmt::format("'{}' is not a township code", township_code));
  return in_transaction(db_, [&]() -> Result<ReserveEntry> {
    FAXIAN_TRY(
        run_bound(db_,
                  "INSERT INTO reserve_funds (township_code, balance_fen, updated_at) "
                  "VALUES (?, ?, ?) ON CONFLICT (township_code) DO UPDATE SET "
                  "balance_fen = reserve_funds.balance_fen + excluded.balance_fen, "
                  "updated_at = excluded.updated_at",
                  [&](Statement& s) {
                    ParamBinder(s).text(township_code).money(amount).integer(clock_.now_unix());
                  }));
    return append(actor, township_code, ReserveEntryKind::kTopUp, amount, on, std::nullopt, note);
  });
}

Result<ReserveEntry> ReserveFund::pay(const Actor& actor, std::string_view township_code,
                                      Money amount, Date on, std::optional<int64_t> application_id,
                                      std::string_view note) {
  FAXIAN_TRY(check_amount(amount));
  return in_transaction(db_, [&]() -> Result<ReserveEntry> {
    FAXIAN_TRY(run_bound(
        db_,
        "UPDATE reserve_funds SET balance_fen = balance_fen - ?, updated_at = ? "
        "WHERE township_code = ? AND balance_fen >= ?",
        [&](Statement& s) {
          ParamBinder(s).money(amount).integer(clock_.now_unix()).text(township_code).money(amount);
        }));
    if (db_.changes() == 0) {
      Money current;
      FAXIAN_TRY_ASSIGN(current, balance(township_code));
      return fail(ErrorCode::kIllegalTransition,
                  fmt::format("乡镇备用金余额不足：余额 {} 元，需支付 {} 元",
                              current.yuan_display(), amount.yuan_display()),
                  fmt::format("reserve fund of {} holds {} fen, {} fen needed", township_code,
                              current.fen(), amount.fen()));
    }
    return append(actor, township_code, ReserveEntryKind::kPayment, amount, on, application_id,
                  note);
  });
}

Result<ReserveEntry> ReserveFund::append(const Actor& actor, std::string_view township_code,
                                         ReserveEntryKind kind, Money amount, Date on,
                                         std::optional<int64_t> application_id,
                                         std::string_view note) {
  Money after;
  FAXIAN_TRY_ASSIGN(after, balance(township_code));
  ReserveEntry entry{0,
                     std::string(township_code),
                     kind,
                     amount,
                     after,
                     on,
                     application_id,
                     std::string(note),
                     actor.name,
                     clock_.now_unix()};
  auto id = returning_id(
      db_,
      "INSERT INTO reserve_fund_entries (township_code, kind, amount_fen, balance_after_fen, "
      "on_date, application_id, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& s) {
        ParamBinder(s)
            .text(entry.township_code)
            .enumeration(entry.kind)
            .money(entry.amount)
            .money(entry.balance_after)
            .date(entry.on_date)
            .integer(entry.application_id)
            .text(entry.note)
            .text(entry.actor)
            .integer(entry.at);
      });
  if (!id)
    return tl::unexpected(id.error());
  entry.id = id->value_or(0);
  // Every movement of money is in the audit log too (50-api-security.md).
  auto audited = AuditLog(db_, clock_)
                     .append(AuditEntry{
                         .actor = actor.name,
                         .actor_role = actor.is_system() ? "" : std::string(enum_key(actor.role)),
                         .source_address = actor.source_address,
                         .action = fmt::format("reserve_fund.{}", enum_key(kind)),
                         .object_type = "reserve_fund",
                         .object_id = std::string(township_code),
                         .reason = std::string(note),
                         .detail = nlohmann::json{{"amount_fen", amount.fen()},
                                                  {"balance_after_fen", after.fen()},
                                                  {"on", on.iso()},
                                                  {"entry_id", entry.id}}
                                       .dump()});
  if (!audited)
    return tl::unexpected(audited.error());
  return entry;
}

Result<Money> ReserveFund::balance(std::string_view township_code) {
  auto fen = query_int(db_, "SELECT balance_fen FROM reserve_funds WHERE township_code = ?",
                       [&](Statement& s) { ParamBinder(s).text(township_code); });
  if (!fen)
    return tl::unexpected(fen.error());
  return Money::from_fen(*fen);
}

Result<Money> ReserveFund::ledger_balance(std::string_view township_code) {
  auto fen = query_int(db_,
                       "SELECT COALESCE(SUM(CASE kind WHEN 'top_up' THEN amount_fen "
                       "ELSE -amount_fen END), 0) FROM reserve_fund_entries "
                       "WHERE township_code = ?",
                       [&](Statement& s) { ParamBinder(s).text(township_code); });
  if (!fen)
    return tl::unexpected(fen.error());
  return Money::from_fen(*fen);
}

Result<std::vector<ReserveEntry>> ReserveFund::ledger(std::string_view township_code) {
  return query_rows<ReserveEntry>(
      db_,
      "SELECT id, township_code, kind, amount_fen, balance_after_fen, on_date, application_id, "
      "note, actor, at FROM reserve_fund_entries WHERE township_code = ? ORDER BY id",
      [&](Statement& s) { ParamBinder(s).text(township_code); }, read_entry);
}

}  // namespace faxian::workflow
