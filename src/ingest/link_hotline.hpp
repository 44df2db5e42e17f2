#pragma once
// Hotline tickets without a resident ID (20-feeds.md "Linkage"): never linked silently. The
// persons named like the person in need (求助人姓名, else the caller) whose phone equals the
// caller's phone or who live in the ticket's village are recorded as candidates for an officer
// to confirm (hotline_candidates). A name alone is never enough: a common name matches dozens.

#include <cstdint>
#include <span>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/feed_records.hpp"
#include "store/database.hpp"
#include "store/hotline_candidate_repository.hpp"

namespace faxian::ingest {

struct CandidateMatch {
  int64_t person_id = 0;
  bool phone = false;    // the person's phone is the caller's phone
  bool village = false;  // the person lives in the ticket's village now

  bool operator==(const CandidateMatch&) const = default;
};

// The name a ticket is matched on: 求助人姓名 trimmed, else the caller's name; "" when neither.
std::string ticket_subject_name(const HotlineRecord& ticket);

// Which of `named` (persons with the ticket's subject name) are candidates, by person id.
std::vector<CandidateMatch> match_candidates(const HotlineRecord& ticket,
                                             std::span<const NamedPerson> named);

class HotlineLinker {
 public:
  HotlineLinker(Database& db, const Clock& clock) : candidates_(db, clock) {}

  // Records the candidates of the stored ticket `hotline_record_id`; returns how many.
  Result<int64_t> record_candidates(int64_t hotline_record_id, const HotlineRecord& ticket);

 private:
  HotlineCandidateRepository candidates_;
};

}  // namespace faxian::ingest
