// The reads behind the household routes (see household_queries.hpp); the caller's area is a
// code range in every WHERE clause, every value a bound parameter.

#include "api/household_queries.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "common/resident_id.hpp"
#include "common/text.hpp"
#include "domain/person_enums.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

// A membership active on a date (to_date is the first day outside it); binds the date twice.
constexpr std::string_view kMemberActive =
    "m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?)";

std::string text_at(const Statement& s, int column) {
  return s.column_is_null(column) ? std::string() : std::string(s.column_text(column));
}

nlohmann::json text_or_null(const Statement& s, int column) {
  if (s.column_is_null(column))
    return nullptr;
  return std::string(s.column_text(column));
}

// Escapes LIKE wildcards for `LIKE ? ESCAPE '\'`.
std::string like_prefix(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_')
      out += '\\';
    out += c;
  }
  return out + "%";
}

// Digits, the last one possibly X: what a user types of a resident ID.
bool id_digits(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool last_x = i + 1 == text.size() && (c == 'X' || c == 'x');
    if (!(c >= '0' && c <= '9') && !last_x)
      return false;
  }
  return !text.empty();
}

// The `q` clause: a 户号 prefix, a current member's name prefix, or — for 4 to 18 digits — the
// end of a current member's resident ID (all 18: the whole number).
struct QueryClause {
  std::string sql;
  std::vector<std::string> values;
};

QueryClause query_clause(const std::string& q) {
  const std::string member_exists = fmt::format(
      " EXISTS (SELECT 1 FROM memberships m JOIN persons p ON p.id = m.person_id "
      "WHERE m.household_id = h.id AND {} AND {{}})",
      kMemberActive);
  QueryClause clause;
  if (id_digits(q) && q.size() >= 4) {
    std::string id = q;
    if (id.back() == 'x')
      id.back() = 'X';
    clause.sql = " AND (h.household_no LIKE ? ESCAPE '\\' OR" +
                 fmt::format(fmt::runtime(member_exists),
                             q.size() == 18 ? "p.resident_id = ?" : "p.resident_id LIKE ?") +
                 ")";
    clause.values = {like_prefix(q), q.size() == 18 ? id : "%" + id};
    return clause;
  }
  clause.sql = " AND (h.household_no LIKE ? ESCAPE '\\' OR" +
               fmt::format(fmt::runtime(member_exists), "p.name LIKE ? ESCAPE '\\'") + ")";
  clause.values = {like_prefix(q), like_prefix(q)};
  return clause;
}

// Categories held on `today` by the household or one of its current members.
constexpr std::string_view kActiveCategories =
    "c.start_date <= ? AND (c.end_date IS NULL OR c.end_date >= ?) AND (c.household_id = h.id "
    "OR c.person_id IN (SELECT m.person_id FROM memberships m WHERE m.household_id = h.id AND "
    "m.from_date <= ? AND (m.to_date IS NULL OR m.to_date > ?)))";

struct SearchSql {
  std::string where;
  std::function<void(ParamBinder&)> bind;
};

SearchSql search_sql(const HouseholdSearch& search) {
  SearchSql sql;
  sql.where = " WHERE h.village_code >= ? AND h.village_code < ?";
  std::optional<QueryClause> q;
  if (search.q) {
    q = query_clause(*search.q);
    sql.where += q->sql;
  }
  if (search.category) {
    sql.where += fmt::format(" AND EXISTS (SELECT 1 FROM categories c WHERE c.kind = ? AND {})",
                             kActiveCategories);
  }
  sql.bind = [&search, q](ParamBinder& binder) {
    binder.text(search.area.low).text(search.area.high);
    if (q) {
      binder.text(q->values[0]).date(search.today).date(search.today).text(q->values[1]);
    }
    if (search.category) {
      binder.text(*search.category);
      for (int i = 0; i < 4; ++i)
        binder.date(search.today);
    }
  };
  return sql;
}

// Size, categories, open warnings and open lead of a household (the list's summary columns).
Result<void> add_summary(Database& db, int64_t household_id, Date today, nlohmann::json& item) {
  int64_t size = 0;
  FAXIAN_TRY_ASSIGN(
      size,
      query_int(db,
                fmt::format("SELECT count(*) FROM memberships m JOIN persons p ON p.id = "
                            "m.person_id WHERE m.household_id = ? AND {} AND (p.death_date IS "
                            "NULL OR p.death_date > ?)",
                            kMemberActive),
                [&](Statement& s) {
                  ParamBinder(s).integer(household_id).date(today).date(today).date(today);
                }));
  item["size"] = size;
  std::vector<std::string> categories;
  FAXIAN_TRY_ASSIGN(
      categories,
      query_rows<std::string>(
          db,
          fmt::format("SELECT DISTINCT c.kind FROM categories c, households h WHERE h.id = ? AND "
                      "{} ORDER BY c.kind",
                      kActiveCategories),
          [&](Statement& s) {
            ParamBinder(s).integer(household_id).date(today).date(today).date(today).date(today);
          },
          [](const Statement& s) -> Result<std::string> { return text_at(s, 0); }));
  item["categories"] = categories;
  item["warning_level"] = nullptr;
  item["review_warning"] = false;
  FAXIAN_TRY(query_rows<bool>(
      db, "SELECT kind, level FROM warnings WHERE household_id = ? AND status = 'open'",
      [&](Statement& s) { s.bind_int64(1, household_id); },
      [&](const Statement& s) -> Result<bool> {
        if (text_at(s, 0) == "need")
          item["warning_level"] = text_or_null(s, 1);
        else
          item["review_warning"] = true;
        return true;
      }));
  std::optional<std::string> lead;
  FAXIAN_TRY_ASSIGN(lead,
                    query_one<std::string>(
                        db,
                        "SELECT lead_no FROM leads WHERE household_id = ? AND status <> "
                        "'closed'",
                        [&](Statement& s) { s.bind_int64(1, household_id); },
                        [](const Statement& s) -> Result<std::string> { return text_at(s, 0); }));
  item["lead_no"] = lead ? nlohmann::json(*lead) : nlohmann::json(nullptr);
  return ok();
}

}  // namespace

std::string masked_resident_id(std::string_view stored) {
  if (auto id = ResidentId::parse(stored); id)
    return id->masked();
  return std::string(stored.size() == 18 ? 18 : 0, '*');
}

Result<HouseholdPage> search_households(Database& db, const HouseholdSearch& search) {
  const SearchSql sql = search_sql(search);
  HouseholdPage page;
  FAXIAN_TRY_ASSIGN(
      page.total, query_int(db, "SELECT count(*) FROM households h" + sql.where, [&](Statement& s) {
        ParamBinder binder(s);
        sql.bind(binder);
      }));
  struct Row {
    int64_t id;
    nlohmann::json item;
  };
  std::vector<Row> rows;
  FAXIAN_TRY_ASSIGN(
      rows, query_rows<Row>(
                db,
                "SELECT h.id, h.household_no, h.village_code, h.address, hp.name FROM households "
                "h LEFT JOIN persons hp ON hp.id = h.head_person_id" +
                    sql.where + " ORDER BY h.household_no LIMIT ? OFFSET ?",
                [&](Statement& s) {
                  ParamBinder binder(s);
                  sql.bind(binder);
                  binder.integer(search.page.page_size).integer(search.page.offset());
                },
                [](const Statement& s) -> Result<Row> {
                  const std::string village = text_at(s, 2);
                  return Row{s.column_int64(0),
                             {{"household_no", text_at(s, 1)},
                              {"village", village},
                              {"township", village.substr(0, 9)},
                              {"address", text_at(s, 3)},
                              {"head_name", text_or_null(s, 4)}}};
                }));
  for (Row& row : rows) {
    FAXIAN_TRY(add_summary(db, row.id, search.today, row.item));
    page.items.push_back(std::move(row.item));
  }
  return page;
}

Result<std::optional<HouseholdRow>> find_household(Database& db, const AreaScope& scope,
                                                   std::string_view household_no) {
  return query_one<HouseholdRow>(
      db,
      "SELECT id, household_no, village_code, address FROM households WHERE household_no = ? "
      "AND village_code >= ? AND village_code < ?",
      [&](Statement& s) { ParamBinder(s).text(household_no).text(scope.low()).text(scope.high()); },
      [](const Statement& s) -> Result<HouseholdRow> {
        return HouseholdRow{s.column_int64(0), text_at(s, 1), text_at(s, 2), text_at(s, 3)};
      });
}

Result<std::optional<PersonSecret>> find_person_secret(Database& db, const AreaScope& scope,
                                                       int64_t person_id) {
  // The person's latest membership says where they live; a person without one belongs to no
  // area below the county.
  struct Found {
    PersonSecret secret;
    std::string village;
  };
  std::optional<Found> found;
  FAXIAN_TRY_ASSIGN(
      found, query_one<Found>(
                 db,
                 "SELECT p.id, p.resident_id, p.phone, h.household_no, h.village_code FROM persons "
                 "p LEFT JOIN memberships m ON m.person_id = p.id LEFT JOIN households h ON h.id "
                 "= m.household_id WHERE p.id = ? ORDER BY m.to_date IS NULL DESC, m.from_date "
                 "DESC LIMIT 1",
                 [&](Statement& s) { s.bind_int64(1, person_id); },
                 [](const Statement& s) -> Result<Found> {
                   return Found{{s.column_int64(0), text_at(s, 1), text_at(s, 2), text_at(s, 3)},
                                text_at(s, 4)};
                 }));
  if (!found)
    return std::optional<PersonSecret>();
  const bool inside = found->village.empty() ? scope.prefix.empty() : scope.covers(found->village);
  if (!inside)
    return std::optional<PersonSecret>();
  return std::optional<PersonSecret>(std::move(found->secret));
}

}  // namespace faxian::api
