// The masked household summary a department sees with a referral (household_summary.hpp).

#include "workflow/casework/household_summary.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "domain/person_enums.hpp"
#include "store/household_repository.hpp"
#include "store/membership_repository.hpp"
#include "store/person_repository.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

// Fills township and village codes and names from a village code (or a township code alone).
Result<void> locate(Database& db, std::string_view village_code, std::string_view township_code,
                    HouseholdSummary& summary) {
  RegionRepository regions(db);
  std::string township_of_place(township_code);  // owns the code: the village is scoped below
  if (!village_code.empty()) {
    std::optional<Region> village;
    FAXIAN_TRY_ASSIGN(village, regions.find(village_code));
    if (village) {
      summary.village_code = village->code;
      summary.village_name = village->name;
      township_of_place = village->parent_code;
    }
  }
  if (!township_of_place.empty()) {
    std::optional<Region> township;
    FAXIAN_TRY_ASSIGN(township, regions.find(township_of_place));
    summary.township_code = township_of_place;
    if (township)
      summary.township_name = township->name;
  }
  return ok();
}

SummaryMember member_of(const Person& person, const Membership& membership, Date on) {
  SummaryMember member;
  member.name = person.name;
  member.masked_id = person.resident_id.masked();
  member.sex = std::string(enum_label(person.sex));
  member.age = person.age_on(on);
  const auto relation = membership.relation ? membership.relation : person.relation;
  if (relation)
    member.relation = std::string(enum_label(*relation));
  if (!person.phone.empty())
    member.masked_phone = mask_phone(person.phone);
  return member;
}

}  // namespace

Result<HouseholdSummary> summarise_household(Database& db, int64_t household_id, Date on) {
  const SystemClock clock;  // the repositories only read here; no timestamp is written
  std::optional<Household> household;
  FAXIAN_TRY_ASSIGN(household, HouseholdRepository(db, clock).find(household_id));
  if (!household)
    return tl::unexpected(not_found("家庭", "household"));
  HouseholdSummary summary;
  summary.household_no = household->household_no;
  summary.address = household->address;
  summary.as_of = on;
  FAXIAN_TRY(locate(db, household->village_code, "", summary));
  std::vector<Membership> memberships;
  FAXIAN_TRY_ASSIGN(memberships, MembershipRepository(db).active_in_household(household_id, on));
  PersonRepository persons(db, clock);
  for (const Membership& membership : memberships) {
    std::optional<Person> person;
    FAXIAN_TRY_ASSIGN(person, persons.find(membership.person_id));
    if (!person || !person->alive_on(on))
      continue;
    const bool head = household->head_person_id == person->id;
    auto member = member_of(*person, membership, on);
    if (head)
      summary.members.insert(summary.members.begin(), std::move(member));
    else
      summary.members.push_back(std::move(member));
  }
  return summary;
}

Result<HouseholdSummary> summarise_subject(Database& db, const Lead& lead, Date on) {
  if (lead.household_id)
    return summarise_household(db, *lead.household_id, on);
  HouseholdSummary summary;
  summary.subject_name = lead.subject.name;
  if (!lead.subject.phone.empty())
    summary.subject_masked_phone = mask_phone(lead.subject.phone);
  summary.address = lead.subject.address;
  summary.as_of = on;
  FAXIAN_TRY(locate(db, lead.village_code, lead.township_code, summary));
  return summary;
}

std::string summary_to_json(const HouseholdSummary& summary) {
  json members = json::array();
  for (const SummaryMember& member : summary.members) {
    members.push_back({{"name", member.name},
                       {"masked_id", member.masked_id},
                       {"sex", member.sex},
                       {"age", member.age},
                       {"relation", member.relation},
                       {"masked_phone", member.masked_phone}});
  }
  const json document = {{"household_no", summary.household_no},
                         {"township_code", summary.township_code},
                         {"township_name", summary.township_name},
                         {"village_code", summary.village_code},
                         {"village_name", summary.village_name},
                         {"address", summary.address},
                         {"members", members},
                         {"subject_name", summary.subject_name},
                         {"subject_masked_phone", summary.subject_masked_phone},
                         {"as_of", summary.as_of.iso()}};
  return document.dump();
}

Result<HouseholdSummary> summary_from_json(std::string_view text) {
  const json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object())
    return fail(ErrorCode::kCorrupt, "转介家庭概况数据损坏", "referral summary is not JSON");
  try {
    HouseholdSummary summary;
    summary.household_no = document.at("household_no").get<std::string>();
    summary.township_code = document.at("township_code").get<std::string>();
    summary.township_name = document.at("township_name").get<std::string>();
    summary.village_code = document.at("village_code").get<std::string>();
    summary.village_name = document.at("village_name").get<std::string>();
    summary.address = document.at("address").get<std::string>();
    summary.subject_name = document.at("subject_name").get<std::string>();
    summary.subject_masked_phone = document.at("subject_masked_phone").get<std::string>();
    for (const json& item : document.at("members")) {
      summary.members.push_back(
          {item.at("name").get<std::string>(), item.at("masked_id").get<std::string>(),
           item.at("sex").get<std::string>(), item.at("age").get<int>(),
           item.at("relation").get<std::string>(), item.at("masked_phone").get<std::string>()});
    }
    FAXIAN_TRY_ASSIGN(summary.as_of, Date::parse_iso(document.at("as_of").get<std::string>()));
    return summary;
  } catch (const json::exception& error) {
    return fail(ErrorCode::kCorrupt, "转介家庭概况数据损坏", error.what());
  }
}

}  // namespace faxian::workflow
