#pragma once
// 热线工单候选人: the persons a hotline ticket without a resident ID may be about, found by name
// + phone + village (20-feeds.md: "never silently"). An officer confirms or rejects each; only
// a confirmed candidate links the ticket to a person.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"

namespace faxian {

enum class CandidateStatus { kPending, kConfirmed, kRejected };

// "pending" | "confirmed" | "rejected".
std::string_view candidate_status_key(CandidateStatus status);

struct HotlineCandidate {
  int64_t id = 0;  // store id; 0 until stored
  int64_t hotline_record_id = 0;
  int64_t person_id = 0;
  bool matched_name = false;
  bool matched_phone = false;
  bool matched_village = false;
  CandidateStatus status = CandidateStatus::kPending;
  std::string decided_by{};
  std::optional<int64_t> decided_at{};

  bool operator==(const HotlineCandidate&) const = default;
};

// A person found by name, with what a ticket can be compared with.
struct NamedPerson {
  int64_t person_id = 0;
  std::string phone{};
  std::string village_code{};  // of a household they belong to now (no end date); "" if none
};

class HotlineCandidateRepository {
 public:
  HotlineCandidateRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Persons whose name is exactly `name`, one entry per current household (or one with an empty
  // village when they belong to none), by person id.
  Result<std::vector<NamedPerson>> persons_named(std::string_view name);
  // Records a candidate (pending); returns its id, or nullopt when the ticket already has this
  // person as a candidate. kConstraint for an unknown ticket or person.
  Result<std::optional<int64_t>> add(const HotlineCandidate& candidate);
  // The candidates of a ticket, by id.
  Result<std::vector<HotlineCandidate>> for_ticket(int64_t hotline_record_id);
  // Confirms or rejects a candidate. kNotFound for an unknown id.
  Result<void> decide(int64_t candidate_id, CandidateStatus status, std::string_view decided_by);
  Result<int64_t> count();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian
