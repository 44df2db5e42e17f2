#pragma once
// 救助金发放: what was paid for an application (amount in fen, date, method, the period it
// covers, where the money came from), and the store of those records.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/money.hpp"
#include "store/database.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::workflow {

struct PaymentRequest {
  Money amount{};
  Date paid_on{};
  PaymentMethod method = PaymentMethod::kBankTransfer;
  PaymentSource source = PaymentSource::kRegular;
  std::optional<Month> period_from{};  // default: the month of paid_on
  std::optional<Month> period_to{};    // default: period_from
  std::string note{};
};

struct PaymentRecord {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t household_id = 0;
  Money amount{};
  Date paid_on{};
  PaymentMethod method = PaymentMethod::kBankTransfer;
  PaymentSource source = PaymentSource::kRegular;
  Month period_from{};
  Month period_to{};
  std::optional<int64_t> reserve_entry_id{};
  std::string note{};
  std::string recorded_by;
  int64_t at = 0;

  bool operator==(const PaymentRecord&) const = default;
};

class PaymentRepository {
 public:
  PaymentRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts `payment` (id and `at` are set here); returns it as stored. kInvalidArgument for an
  // amount ≤ 0 or a period ending before it starts.
  Result<PaymentRecord> insert(const PaymentRecord& payment);
  // Payments of an application, oldest first.
  Result<std::vector<PaymentRecord>> for_application(int64_t application_id);
  // Sum paid for an application.
  Result<Money> total_for_application(int64_t application_id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
