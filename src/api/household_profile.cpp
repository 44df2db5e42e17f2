// The household profile (家庭档案, 60-ui.md): the household, its current members with masked IDs
// and phones (health, disability and income details only for the roles that handle cases),
// categories, leads and applications; and the region tree for the UI's filters.

#include <map>

#include <fmt/format.h>

#include "api/household_queries.hpp"
#include "common/text.hpp"
#include "domain/category.hpp"
#include "domain/person_enums.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::api {
namespace {

std::string text_at(const Statement& s, int column) {
  return s.column_is_null(column) ? std::string() : std::string(s.column_text(column));
}

nlohmann::json text_or_null(const Statement& s, int column) {
  if (s.column_is_null(column))
    return nullptr;
  return std::string(s.column_text(column));
}

// The Chinese label of a stored enum key (the key itself when unknown, null for NULL).
template <typename E>
nlohmann::json label_of(const Statement& s, int column) {
  if (s.column_is_null(column))
    return nullptr;
  const std::string key(s.column_text(column));
  if (auto value = enum_from_key<E>(key))
    return std::string(enum_label(*value));
  return key;
}

Result<std::vector<std::string>> active_person_categories(Database& db, int64_t person_id,
                                                          Date today) {
  return query_rows<std::string>(
      db,
      "SELECT DISTINCT kind FROM categories WHERE person_id = ? AND start_date <= ? AND "
      "(end_date IS NULL OR end_date >= ?) ORDER BY kind",
      [&](Statement& s) { ParamBinder(s).integer(person_id).date(today).date(today); },
      [](const Statement& s) -> Result<std::string> { return text_at(s, 0); });
}

// 收入: the person's income over the 12 calendar months ending with today's month, in fen.
Result<int64_t> income_12_months(Database& db, int64_t person_id, Date today) {
  const Month last = Month::of(today);
  return query_int(db,
                   "SELECT COALESCE(sum(amount), 0) FROM feed_income WHERE person_id = ? AND "
                   "superseded_at IS NULL AND month > ? AND month <= ?",
                   [&](Statement& s) {
                     ParamBinder(s).integer(person_id).month(last.add_months(-12)).month(last);
                   });
}

// 残疾证: the newest valid certificate of the 残联 feed issued by today fills the disability
// fields the person record leaves empty (the feed, not the workflow, knows most of them).
Result<void> add_disability_certificate(Database& db, int64_t person_id, Date today,
                                        nlohmann::json& member) {
  return query_rows<bool>(
             db,
             "SELECT category, grade, event_date FROM feed_disability WHERE person_id = ? AND "
             "superseded_at IS NULL AND status = 'valid' AND event_date <= ? ORDER BY event_date "
             "DESC, id DESC LIMIT 1",
             [&](Statement& s) { ParamBinder(s).integer(person_id).date(today); },
             [&](const Statement& s) -> Result<bool> {
               if (member["disability_grade"].is_null()) {
                 member["disability_category"] = text_or_null(s, 0);
                 member["disability_category_label"] = label_of<DisabilityCategory>(s, 0);
                 member["disability_grade"] = s.column_int64(1);
               }
               member["disability_certified_on"] = text_at(s, 2);
               return true;
             })
      .map([](const std::vector<bool>&) {});
}

struct MemberRow {
  int64_t person_id = 0;
  nlohmann::json json;
};

MemberRow read_member(const Statement& s, Date today, bool case_details) {
  const std::string birth = text_at(s, 4);
  nlohmann::json member = {{"person_id", s.column_int64(0)},
                           {"name", text_at(s, 1)},
                           {"relation", text_or_null(s, 2)},
                           {"relation_label", label_of<Relation>(s, 2)},
                           {"sex", text_at(s, 3)},
                           {"birth_date", birth},
                           {"age", nullptr},
                           {"resident_id", masked_resident_id(s.column_text(5))},
                           {"phone", mask_phone(s.column_text(6))},
                           {"death_date", text_or_null(s, 7)},
                           {"member_since", text_at(s, 13)}};
  if (auto born = Date::parse_iso(birth))
    member["age"] = today.years_since(*born);
  if (case_details) {
    member["health"] = text_or_null(s, 8);
    member["health_label"] = label_of<HealthStatus>(s, 8);
    member["disability_category"] = text_or_null(s, 9);
    member["disability_category_label"] = label_of<DisabilityCategory>(s, 9);
    member["disability_grade"] =
        s.column_is_null(10) ? nlohmann::json(nullptr) : nlohmann::json(s.column_int64(10));
    member["self_care"] = text_or_null(s, 11);
    member["employment"] = text_or_null(s, 12);
  }
  return {s.column_int64(0), std::move(member)};
}

Result<nlohmann::json> members(Database& db, int64_t household_id, Date today, bool case_details) {
  std::vector<MemberRow> rows;
  FAXIAN_TRY_ASSIGN(
      rows, query_rows<MemberRow>(
                db,
                "SELECT p.id, p.name, COALESCE(m.relation, p.relation), p.sex, p.birth_date, "
                "p.resident_id, p.phone, p.death_date, p.health_status, p.disability_category, "
                "p.disability_grade, p.self_care, p.employment_status, m.from_date FROM "
                "memberships m JOIN persons p ON p.id = m.person_id WHERE m.household_id = ? AND "
                "m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?) ORDER BY "
                "COALESCE(m.relation, p.relation) = 'head' DESC, p.birth_date, p.id",
                [&](Statement& s) { ParamBinder(s).integer(household_id).date(today).date(today); },
                [&](const Statement& s) -> Result<MemberRow> {
                  return read_member(s, today, case_details);
                }));
  nlohmann::json list = nlohmann::json::array();
  for (MemberRow& row : rows) {
    std::vector<std::string> categories;
    FAXIAN_TRY_ASSIGN(categories, active_person_categories(db, row.person_id, today));
    row.json["categories"] = categories;
    if (case_details) {
      int64_t income = 0;
      FAXIAN_TRY_ASSIGN(income, income_12_months(db, row.person_id, today));
      row.json["income_12m_fen"] = income;
      FAXIAN_TRY(add_disability_certificate(db, row.person_id, today, row.json));
    }
    list.push_back(std::move(row.json));
  }
  return list;
}

Result<std::vector<std::string>> household_categories(Database& db, int64_t household_id,
                                                      Date today) {
  return query_rows<std::string>(
      db,
      "SELECT DISTINCT c.kind FROM categories c WHERE c.start_date <= ? AND (c.end_date IS NULL "
      "OR c.end_date >= ?) AND (c.household_id = ? OR c.person_id IN (SELECT m.person_id FROM "
      "memberships m WHERE m.household_id = ? AND m.from_date <= ? AND (m.to_date IS NULL OR "
      "m.to_date > ?))) ORDER BY c.kind",
      [&](Statement& s) {
        ParamBinder(s)
            .date(today)
            .date(today)
            .integer(household_id)
            .integer(household_id)
            .date(today)
            .date(today);
      },
      [](const Statement& s) -> Result<std::string> { return text_at(s, 0); });
}

Result<nlohmann::json> region_named(Database& db, const std::string& code) {
  std::optional<std::string> name;
  FAXIAN_TRY_ASSIGN(name,
                    query_one<std::string>(
                        db, "SELECT name FROM regions WHERE code = ?",
                        [&](Statement& s) { s.bind_text(1, code); },
                        [](const Statement& s) -> Result<std::string> { return text_at(s, 0); }));
  return nlohmann::json{{"code", code}, {"name", name.value_or("")}};
}

}  // namespace

Result<nlohmann::json> household_profile(Database& db, const HouseholdRow& household, Date today,
                                         bool case_details) {
  nlohmann::json body = {{"household_no", household.household_no},
                         {"address", household.address},
                         {"case_details", case_details}};
  FAXIAN_TRY_ASSIGN(body["village"], region_named(db, household.village_code));
  FAXIAN_TRY_ASSIGN(body["township"], region_named(db, household.village_code.substr(0, 9)));
  FAXIAN_TRY_ASSIGN(body["members"], members(db, household.id, today, case_details));
  std::vector<std::string> categories;
  FAXIAN_TRY_ASSIGN(categories, household_categories(db, household.id, today));
  body["categories"] = categories;
  body["size"] = body["members"].size();
  FAXIAN_TRY_ASSIGN(body["leads"], household_leads(db, household.id));
  FAXIAN_TRY_ASSIGN(body["applications"], household_applications(db, household.id));
  return body;
}

Result<nlohmann::json> household_leads(Database& db, int64_t household_id) {
  std::vector<nlohmann::json> leads;
  FAXIAN_TRY_ASSIGN(
      leads, query_rows<nlohmann::json>(
                 db,
                 "SELECT lead_no, status, level, created_on, closed_on, first_contact_due, "
                 "verification_due FROM leads WHERE household_id = ? ORDER BY id DESC LIMIT 200",
                 [&](Statement& s) { s.bind_int64(1, household_id); },
                 [](const Statement& s) -> Result<nlohmann::json> {
                   return nlohmann::json{{"lead_no", text_at(s, 0)},
                                         {"status", text_at(s, 1)},
                                         {"level", text_at(s, 2)},
                                         {"created_on", text_at(s, 3)},
                                         {"closed_on", text_or_null(s, 4)},
                                         {"first_contact_due", text_or_null(s, 5)},
                                         {"verification_due", text_or_null(s, 6)}};
                 }));
  return nlohmann::json(std::move(leads));
}

Result<nlohmann::json> household_applications(Database& db, int64_t household_id) {
  std::vector<nlohmann::json> applications;
  FAXIAN_TRY_ASSIGN(
      applications,
      query_rows<nlohmann::json>(
          db,
          "SELECT application_no, kind, status, submitted_on, decision, decided_on, assisted "
          "FROM applications WHERE household_id = ? ORDER BY id DESC LIMIT 200",
          [&](Statement& s) { s.bind_int64(1, household_id); },
          [](const Statement& s) -> Result<nlohmann::json> {
            return nlohmann::json{{"application_no", text_at(s, 0)},
                                  {"kind", text_at(s, 1)},
                                  {"status", text_at(s, 2)},
                                  {"status_label", label_of<ApplicationStatus>(s, 2)},
                                  {"submitted_on", text_at(s, 3)},
                                  {"decision", text_or_null(s, 4)},
                                  {"decided_on", text_or_null(s, 5)},
                                  {"assisted", s.column_int64(6) != 0}};
          }));
  return nlohmann::json(std::move(applications));
}

Result<nlohmann::json> region_tree(Database& db, const AreaScope& scope) {
  struct RegionRow {
    std::string code;
    nlohmann::json json;
    std::string parent;
  };
  // The regions in the area and their ancestors (a prefix of the area is an ancestor).
  std::vector<RegionRow> rows;
  FAXIAN_TRY_ASSIGN(
      rows, query_rows<RegionRow>(
                db,
                "SELECT code, name, level, parent_code, urban_rural_code FROM regions WHERE (code "
                ">= ? AND code < ?) OR substr(?, 1, length(code)) = code ORDER BY code",
                [&](Statement& s) {
                  ParamBinder(s).text(scope.low()).text(scope.high()).text(scope.prefix);
                },
                [](const Statement& s) -> Result<RegionRow> {
                  return RegionRow{text_at(s, 0),
                                   {{"code", text_at(s, 0)},
                                    {"name", text_at(s, 1)},
                                    {"level", text_at(s, 2)},
                                    {"parent_code", text_or_null(s, 3)},
                                    {"urban_rural", text_at(s, 4)},
                                    {"children", nlohmann::json::array()}},
                                   text_at(s, 3)};
                }));
  // Codes ascend, so a parent comes before its children: attach from the deepest up.
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < rows.size(); ++i)
    index.emplace(rows[i].code, i);
  nlohmann::json roots = nlohmann::json::array();
  for (size_t i = rows.size(); i-- > 0;) {
    auto parent = index.find(rows[i].parent);
    if (parent != index.end() && parent->second != i)
      rows[parent->second].json["children"].insert(rows[parent->second].json["children"].begin(),
                                                   std::move(rows[i].json));
    else
      roots.insert(roots.begin(), std::move(rows[i].json));
  }
  return roots;
}

}  // namespace faxian::api
