#pragma once
// 乡镇临时救助备用金: each township's reserve fund for 先行救助. Top-ups credit it, payments
// debit it; every movement is a ledger entry with the balance after it. The balance row is
// debited with a guarded UPDATE (never below zero), so two payments racing for the last yuan
// cannot both succeed on any backend; the ledger alone gives the same balance (top-ups minus
// payments), which `ledger_balance` recomputes for checks.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "store/database.hpp"
#include "workflow/assistance/assistance_enums.hpp"
#include "workflow/leads/actor.hpp"

namespace faxian::workflow {

struct ReserveEntry {
  int64_t id = 0;
  std::string township_code{};
  ReserveEntryKind kind = ReserveEntryKind::kTopUp;
  Money amount;         // always positive
  Money balance_after;  // the fund's balance after this entry
  Date on_date{};
  std::optional<int64_t> application_id{};
  std::string note{};
  std::string actor{};
  int64_t at = 0;

  bool operator==(const ReserveEntry&) const = default;
};

class ReserveFund {
 public:
  ReserveFund(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Credits `amount` to the township's fund (opening it on its first top-up). kInvalidArgument
  // for an amount ≤ 0 or a code that is not a township (9 digits); kConstraint for an unknown
  // region. Runs inside the caller's transaction when there is one.
  Result<ReserveEntry> top_up(const Actor& actor, std::string_view township_code, Money amount,
                              Date on, std::string_view note);
  // Debits `amount` for an application's payment. kIllegalTransition (Chinese message with the
  // balance) when the balance is insufficient or the fund was never opened: nothing is written.
  Result<ReserveEntry> pay(const Actor& actor, std::string_view township_code, Money amount,
                           Date on, std::optional<int64_t> application_id, std::string_view note);
  // The current balance (0 for a fund never topped up).
  Result<Money> balance(std::string_view township_code);
  // Top-ups minus payments over the ledger.
  Result<Money> ledger_balance(std::string_view township_code);
  // Ledger entries, oldest first.
  Result<std::vector<ReserveEntry>> ledger(std::string_view township_code);

 private:
  Result<ReserveEntry> append(const Actor& actor, std::string_view township_code,
                              ReserveEntryKind kind, Money amount, Date on,
                              std::optional<int64_t> application_id, std::string_view note);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
