#pragma once
// The referrals table (migration 9): rows ↔ Referral. The service (referral_service.hpp) owns
// the rules; this file only reads and writes, inside the caller's transaction.

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/casework/referral.hpp"

namespace faxian::workflow {

struct ReferralQuery {
  std::optional<Department> department{};
  std::optional<ReferralStatus> status{};
  std::string township_code;  // "" for every township
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> household_id{};
  std::optional<Date> overdue_on{};  // pending with due_on < this date
  int64_t limit = 500;
  int64_t offset = 0;
};

class ReferralRepository {
 public:
  ReferralRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts a new referral (id, version, timestamps ignored); returns its id.
  Result<int64_t> insert(const Referral& referral);
  Result<std::optional<Referral>> find(std::string_view referral_no);
  Result<std::optional<Referral>> find_by_id(int64_t id);
  // The referral a warning already made to a department, if any.
  Result<std::optional<Referral>> find_for_warning(int64_t warning_id, Department department);
  // Oldest deadline first (unknown last), then id.
  Result<std::vector<Referral>> list(const ReferralQuery& query);
  // Stores the answer fields of `referral` when its stored version is `version`, raising the
  // version; false when the version was stale (nothing written).
  Result<bool> write_answer(const Referral& referral, int64_t version);
  // Records the first day the referral was found overdue (no version change: bookkeeping of
  // the system that must not make a department's answer conflict).
  Result<void> mark_escalated(int64_t id, Date on);

 private:
  Result<std::vector<Referral>> select(std::string_view where,
                                       const std::function<void(Statement&)>& bind);

  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
