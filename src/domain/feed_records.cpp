#include "domain/feed_records.hpp"

namespace faxian {

Money MedicalRecord::counted_self_paid() const {
  const Money magnitude = self_paid < Money() ? -self_paid : self_paid;
  return settle_kind == SettleKind::kReversal ? -magnitude : self_paid;
}

Money MedicalRecord::derive_self_paid(Money total, std::optional<Money> fund,
                                      std::optional<Money> critical, std::optional<Money> aid) {
  return total - fund.value_or(Money()) - critical.value_or(Money()) - aid.value_or(Money());
}

}  // namespace faxian
