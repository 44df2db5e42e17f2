#include "store/hotline_candidate_repository.hpp"

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

Result<CandidateStatus> parse_status(std::string_view key) {
  for (CandidateStatus status :
       {CandidateStatus::kPending, CandidateStatus::kConfirmed, CandidateStatus::kRejected}) {
    if (candidate_status_key(status) == key)
      return status;
  }
  return fail(ErrorCode::kCorrupt, "数据库中的候选人状态无效",
              fmt::format("unknown candidate status '{}'", key));
}

Result<HotlineCandidate> read_candidate(const Statement& statement) {
  RowReader reader(statement);
  HotlineCandidate candidate{.id = reader.integer(),
                             .hotline_record_id = reader.integer(),
                             .person_id = reader.integer(),
                             .matched_name = reader.boolean(),
                             .matched_phone = reader.boolean(),
                             .matched_village = reader.boolean()};
  const std::string status = reader.text();
  candidate.decided_by = reader.text();
  candidate.decided_at = reader.optional_integer();
  FAXIAN_TRY(reader.status());
  auto parsed = parse_status(status);
  if (!parsed)
    return tl::unexpected(parsed.error());
  candidate.status = *parsed;
  return candidate;
}

Result<NamedPerson> read_named(const Statement& statement) {
  RowReader reader(statement);
  NamedPerson person{.person_id = reader.integer(), .phone = reader.text()};
  person.village_code = reader.text_or_empty();
  FAXIAN_TRY(reader.status());
  return person;
}

}  // namespace

std::string_view candidate_status_key(CandidateStatus status) {
  switch (status) {
    case CandidateStatus::kPending:
      return "pending";
    case CandidateStatus::kConfirmed:
      return "confirmed";
    case CandidateStatus::kRejected:
      return "rejected";
  }
  return "pending";
}

Result<std::vector<NamedPerson>> HotlineCandidateRepository::persons_named(std::string_view name) {
  return query_rows<NamedPerson>(
      db_,
      "SELECT p.id, p.phone, h.village_code FROM persons p "
      "LEFT JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL "
      "LEFT JOIN households h ON h.id = m.household_id "
      "WHERE p.name = ? ORDER BY p.id, h.village_code",
      [&](Statement& s) { s.bind_text(1, name); }, read_named);
}

Result<std::optional<int64_t>> HotlineCandidateRepository::add(const HotlineCandidate& candidate) {
  return returning_id(db_,
                      "INSERT INTO hotline_candidates (hotline_record_id, person_id, matched_name, "
                      "matched_phone, matched_village, status, decided_by, decided_at, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (hotline_record_id, person_id) DO NOTHING RETURNING id",
                      [&](Statement& s) {
                        ParamBinder(s)
                            .integer(candidate.hotline_record_id)
                            .integer(candidate.person_id)
                            .boolean(candidate.matched_name)
                            .boolean(candidate.matched_phone)
                            .boolean(candidate.matched_village)
                            .text(candidate_status_key(candidate.status))
                            .text(candidate.decided_by)
                            .integer(candidate.decided_at)
                            .integer(clock_.now_unix());
                      });
}

Result<std::vector<HotlineCandidate>> HotlineCandidateRepository::for_ticket(
    int64_t hotline_record_id) {
  return query_rows<HotlineCandidate>(
      db_,
      "SELECT id, hotline_record_id, person_id, matched_name, matched_phone, matched_village, "
      "status, decided_by, decided_at FROM hotline_candidates WHERE hotline_record_id = ? "
      "ORDER BY id",
      [&](Statement& s) { s.bind_int64(1, hotline_record_id); }, read_candidate);
}

Result<void> HotlineCandidateRepository::decide(int64_t candidate_id, CandidateStatus status,
                                                std::string_view decided_by) {
  auto updated = returning_id(db_,
                              "UPDATE hotline_candidates SET status = ?, decided_by = ?, "
                              "decided_at = ? WHERE id = ? RETURNING id",
                              [&](Statement& s) {
                                ParamBinder(s)
                                    .text(candidate_status_key(status))
                                    .text(decided_by)
                                    .integer(clock_.now_unix())
                                    .integer(candidate_id);
                              });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated)
    return tl::unexpected(not_found("热线候选人", fmt::format("candidate {}", candidate_id)));
  return ok();
}

Result<int64_t> HotlineCandidateRepository::count() {
  return query_int(db_, "SELECT COUNT(*) FROM hotline_candidates", [](Statement&) {});
}

}  // namespace faxian
