#include "ingest/link_hotline.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace faxian::ingest {
namespace {

// Digits only, so "138-0000-1234" and "13800001234" compare equal.
std::string phone_digits(std::string_view phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9')
      digits += c;
  }
  return digits;
}

}  // namespace

std::string ticket_subject_name(const HotlineRecord& ticket) {
  std::string_view name = trim(ticket.subject_name);
  if (name.empty())
    name = trim(ticket.caller_name);
  return std::string(name);
}

std::vector<CandidateMatch> match_candidates(const HotlineRecord& ticket,
                                             std::span<const NamedPerson> named) {
  const std::string caller_phone = phone_digits(ticket.caller_phone);
  std::vector<CandidateMatch> matches;
  for (const NamedPerson& person : named) {
    const bool phone = !caller_phone.empty() && phone_digits(person.phone) == caller_phone;
    const bool village = !ticket.village_code.empty() && person.village_code == ticket.village_code;
    if (!phone && !village)
      continue;
    auto same = std::find_if(matches.begin(), matches.end(), [&](const CandidateMatch& match) {
      return match.person_id == person.person_id;
    });
    if (same == matches.end()) {
      matches.push_back({person.person_id, phone, village});
    } else {
      same->phone = same->phone || phone;
      same->village = same->village || village;
    }
  }
  std::sort(matches.begin(), matches.end(), [](const CandidateMatch& a, const CandidateMatch& b) {
    return a.person_id < b.person_id;
  });
  return matches;
}

Result<int64_t> HotlineLinker::record_candidates(int64_t hotline_record_id,
                                                 const HotlineRecord& ticket) {
  const std::string name = ticket_subject_name(ticket);
  if (name.empty())
    return 0;
  auto named = candidates_.persons_named(name);
  if (!named)
    return tl::unexpected(named.error());
  int64_t recorded = 0;
  for (const CandidateMatch& match : match_candidates(ticket, *named)) {
    HotlineCandidate candidate{.hotline_record_id = hotline_record_id,
                               .person_id = match.person_id,
                               .matched_name = true,
                               .matched_phone = match.phone,
                               .matched_village = match.village};
    auto added = candidates_.add(candidate);
    if (!added)
      return tl::unexpected(added.error());
    if (*added)
      ++recorded;
  }
  return recorded;
}

}  // namespace faxian::ingest
