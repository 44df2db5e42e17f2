#include "screen/feature_store_loader.hpp"

#include <thread>
#include <unordered_map>
#include <utility>

#include "common/date.hpp"
#include "screen/feature_store_loading.hpp"

namespace faxian::screen {

namespace {

bool digits(std::string_view text, size_t from, size_t count, int& value) {
  value = 0;
  for (size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9')
      return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// The schema of this connection's temporary tables, as a prefix.
std::string_view temp_schema(Database& db) {
  return db.dialect().kind == DialectKind::kSqlite ? "temp." : "pg_temp.";
}

}  // namespace

bool fast_month(std::string_view text, int32_t& month) {
  int y = 0, m = 0;
  if (text.size() < 7 || text[4] != '-' || !digits(text, 0, 4, y) || !digits(text, 5, 2, m) ||
      m < 1 || m > 12)
    return false;
  month = y * 12 + m - 1;
  return true;
}

bool fast_day(std::string_view text, Day& day) {
  int32_t month = 0;
  int d = 0;
  if (text.size() < 10 || text[7] != '-' || !fast_month(text, month) || !digits(text, 8, 2, d) ||
      d < 1 || d > days_in_month(month / 12, month % 12 + 1))
    return false;
  auto date = Date::from_ymd(month / 12, month % 12 + 1, d);
  if (!date)
    return false;
  day = date->days_since_epoch();
  return true;
}

Result<Day> parse_day(std::string_view text) {
  Day day = 0;
  if (fast_day(text, day))
    return day;
  auto date = Date::parse_iso(text.substr(0, 10));
  if (!date)
    return fail(ErrorCode::kCorrupt, fmt::format("数据库中的日期“{}”无效", text),
                fmt::format("bad stored date '{}'", text));
  return date->days_since_epoch();
}

Result<int32_t> parse_month_index(std::string_view text) {
  int32_t index = 0;
  if (fast_month(text, index) && text.size() == 7)
    return index;
  auto month = Month::parse_iso(text);
  if (!month)
    return fail(ErrorCode::kCorrupt, fmt::format("数据库中的月份“{}”无效", text),
                fmt::format("bad stored month '{}'", text));
  return month->index();
}

std::string LoadContext::current_rows(std::string_view alias) const {
  if (options.known_at)
    return fmt::format(
        "{0}.imported_at <= {1} AND ({0}.superseded_at IS NULL OR {0}.superseded_at > {1})", alias,
        *options.known_at);
  // The unary plus keeps SQLite from walking the partial natural-key index (random reads)
  // instead of one sequential pass over the table.
  return fmt::format("+{}.superseded_at IS NULL", alias);
}

std::string LoadContext::feed_filter(std::string_view alias) const {
  std::string sql = current_rows(alias);
  if (options.households)
    sql += " AND " + person_scope(std::string(alias) + ".person_id");
  return sql;
}

size_t LoadContext::expected_rows(std::string_view table) const {
  if (options.households)
    return 64 * options.households->size();
  auto statement = db.prepare(fmt::format("SELECT COALESCE(MAX(id), 0) FROM {}", table));
  if (!statement || !(*statement)->step().value_or(false))
    return 0;
  return static_cast<size_t>((*statement)->column_int64(0));
}

std::string LoadContext::person_scope(std::string_view column) const {
  if (!options.households)
    return "1 = 1";
  return fmt::format("{} IN (SELECT person_id FROM {}screen_scope)", column, temp_schema(db));
}

std::string LoadContext::household_scope(std::string_view column) const {
  if (!options.households)
    return "1 = 1";
  return fmt::format("{} IN (SELECT household_id FROM {}screen_households)", column,
                     temp_schema(db));
}

namespace {

// Fills temp.screen_households with the households asked for and temp.screen_scope with
// every person who was ever a member of one of them.
Result<void> prepare_scope(LoadContext& context) {
  if (!context.options.households)
    return ok();
  Database& db = context.db;
  const std::string_view temp = temp_schema(db);
  FAXIAN_TRY(db.execute(fmt::format(
      "CREATE TEMP TABLE IF NOT EXISTS screen_households (household_id {int} PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS screen_scope (person_id {int} PRIMARY KEY);"
      "DELETE FROM {temp}screen_households; DELETE FROM {temp}screen_scope;",
      fmt::arg("int", db.dialect().render_ddl("{int}")), fmt::arg("temp", temp))));
  auto insert = db.prepare(
      fmt::format("INSERT INTO {}screen_households VALUES (?) ON CONFLICT DO NOTHING", temp));
  if (!insert)
    return tl::unexpected(insert.error());
  for (int64_t household : *context.options.households) {
    (*insert)->bind_int64(1, household);
    FAXIAN_TRY((*insert)->run());
    (*insert)->reset();
  }
  return db.execute(
      fmt::format("INSERT INTO {0}screen_scope SELECT DISTINCT person_id FROM memberships "
                  "WHERE household_id IN (SELECT household_id FROM {0}screen_households) "
                  "ON CONFLICT DO NOTHING",
                  temp));
}

// The number a row of id `id` is filed under: the id itself on a full load, the next number in
// a compact one (the rows come in id order).
uint32_t number_row(StoreNumbering& numbering, size_t loaded, int64_t id, bool compact) {
  if (!compact)
    return static_cast<uint32_t>(id);
  numbering.ids.push_back(id);
  return static_cast<uint32_t>(loaded);
}

Result<void> load_persons(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT id, birth_date, death_date, self_care, health_status FROM persons WHERE {} "
      "ORDER BY id",
      context.person_scope("id"));
  auto& persons = context.store.persons;
  const bool compact = context.options.households.has_value();
  return for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    uint32_t id =
        number_row(context.store.person_numbers, persons.size(), row.column_int64(0), compact);
    if (id >= persons.size())
      persons.resize(id + 1);
    PersonFacts& person = persons[id];
    person.exists = true;
    FAXIAN_TRY_ASSIGN(person.birth, parse_day(row.column_text(1)));
    if (!row.column_is_null(2))
      FAXIAN_TRY_ASSIGN(person.death, parse_day(row.column_text(2)));
    person.fully_disabled = row.column_text(3) == "fully_disabled";
    person.serious_status = row.column_text(4) == "serious_illness";
    return ok();
  });
}

Result<void> load_households(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT h.id, h.household_no, v.urban_rural_code, v.parent_code FROM households h "
      "JOIN regions v ON v.code = h.village_code WHERE {} ORDER BY h.id",
      context.household_scope("h.id"));
  FeatureStore& store = context.store;
  const bool compact = context.options.households.has_value();
  std::unordered_map<std::string, int32_t> townships;
  return for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    uint32_t id =
        number_row(store.household_numbers, store.households.size(), row.column_int64(0), compact);
    if (id >= store.households.size())
      store.households.resize(id + 1);
    HouseholdFacts& household = store.households[id];
    household.exists = true;
    household.household_no = std::string(row.column_text(1));
    household.urban = row.column_text(2).starts_with('1');
    std::string township(row.column_text(3));
    auto [it, inserted] = townships.emplace(township, static_cast<int32_t>(store.townships.size()));
    if (inserted)
      store.townships.push_back(township);
    household.township = it->second;
    return ok();
  });
}

// `--known-at`: memberships of persons whose 户籍 rows were known then (the memberships
// themselves are the current ones).
std::string registered_by(std::optional<int64_t> known_at) {
  if (!known_at)
    return "1 = 1";
  return fmt::format("person_id IN (SELECT person_id FROM feed_population WHERE imported_at <= {})",
                     *known_at);
}

Result<void> load_memberships(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT household_id, person_id, from_date, to_date FROM memberships WHERE {} "
      "AND {}",
      context.household_scope("household_id"), registered_by(context.options.known_at));
  OwnedRows<MembershipRow> rows;
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    MembershipRow membership;
    membership.person = person_at(context, row, 1);
    FAXIAN_TRY_ASSIGN(membership.from, parse_day(row.column_text(2)));
    if (!row.column_is_null(3))
      FAXIAN_TRY_ASSIGN(membership.to, parse_day(row.column_text(3)));
    rows.add(household_at(context, row, 0), membership);
    return ok();
  }));
  context.store.members =
      group_rows(std::move(rows), context.store.households.size(),
                 [](const MembershipRow& m) { return std::pair(m.from, m.person); });
  return ok();
}

Result<void> load_categories(LoadContext& context) {
  OwnedRows<CategoryRow> by_person;
  OwnedRows<CategoryRow> by_household;
  const std::string sql = fmt::format(
      "SELECT COALESCE(person_id, household_id), kind, start_date, end_date, id, "
      "CASE WHEN person_id IS NULL THEN 1 ELSE 0 END FROM categories WHERE (({}) OR ({})) AND "
      "{}",
      context.person_scope("person_id"), context.household_scope("household_id"),
      context.options.known_at ? fmt::format("created_at <= {}", *context.options.known_at)
                               : std::string("1 = 1"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    CategoryRow category;
    FAXIAN_TRY_ASSIGN(category.kind, parse_key<CategoryKind>(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(category.start, parse_day(row.column_text(2)));
    if (!row.column_is_null(3))
      FAXIAN_TRY_ASSIGN(category.end, parse_day(row.column_text(3)));
    category.category_id = row.column_int64(4);
    if (row.column_int64(5))
      by_household.add(household_at(context, row, 0), category);
    else
      by_person.add(person_at(context, row, 0), category);
    return ok();
  }));
  auto by_start = [](const CategoryRow& c) { return std::pair(c.start, c.category_id); };
  FeatureStore& store = context.store;
  store.categories = group_rows(std::move(by_person), store.persons.size(), by_start);
  store.household_categories =
      group_rows(std::move(by_household), store.households.size(), by_start);
  return ok();
}

Result<void> load_income(LoadContext& context) {
  std::string sql =
      fmt::format("SELECT f.person_id, f.month, f.amount, f.id FROM feed_income f WHERE {}",
                  context.feed_filter("f"));
  for (const std::string& type : context.options.excluded_income_types)
    sql += fmt::format(" AND f.income_type <> '{}'", type);  // enum keys: no quotes inside
  OwnedRows<IncomeRow> rows;
  rows.reserve(context.expected_rows("feed_income"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    IncomeRow income;
    FAXIAN_TRY_ASSIGN(income.month, parse_month_index(row.column_text(1)));
    income.fen = row.column_int64(2);
    income.record_id = row.column_int64(3);
    rows.add(person_at(context, row, 0), income);
    return ok();
  }));
  context.store.income =
      group_rows(std::move(rows), context.store.persons.size(),
                 [](const IncomeRow& r) { return std::pair(r.month, r.record_id); });
  return ok();
}

// `--known-at`: a death counts only if a death record known then says so (the earliest one).
void deaths_from_known_records(FeatureStore& store) {
  for (uint32_t id = 0; id < store.persons.size(); ++id) {
    auto records = store.death_records.of(id);
    store.persons[id].death = records.empty() ? kNoDay : records.front().date;
  }
}

}  // namespace

Result<FeatureStore> load_feature_store(Database& db, const LoadOptions& options) {
  FeatureStore store;
  LoadContext context{db, options, store};
  FAXIAN_TRY(prepare_scope(context));
  FAXIAN_TRY(load_persons(context));
  FAXIAN_TRY(load_households(context));
  // Income is the largest table: a full load on SQLite reads it on a second connection while
  // this one reads the rest (it only writes store.income; persons are loaded by then).
  std::unique_ptr<Database> second;
  if (!options.households && db.dialect().kind == DialectKind::kSqlite) {
    if (auto opened = open_database(db.location()))
      second = std::move(*opened);
  }
  Result<void> income = ok();
  std::jthread income_thread;  // joined before `second` closes, also on an early return
  if (second) {
    income_thread = std::jthread([&] {
      LoadContext income_context{*second, options, store};
      income = load_income(income_context);
    });
  } else {
    FAXIAN_TRY(load_income(context));
  }
  using Step = Result<void> (*)(LoadContext&);
  constexpr Step kSteps[] = {
      load_memberships, load_categories,   load_medical,       load_education,
      load_employment,  load_disability,   load_assets,        load_disaster,
      load_hotline,     load_applications, load_death_records,
  };
  for (Step step : kSteps)
    FAXIAN_TRY(step(context));
  if (income_thread.joinable())
    income_thread.join();
  FAXIAN_TRY(income);
  if (options.known_at)
    deaths_from_known_records(store);
  return store;
}

Result<std::vector<int64_t>> households_of_persons(Database& db, std::span<const int64_t> persons) {
  std::vector<int64_t> households;
  auto statement = db.prepare("SELECT DISTINCT household_id FROM memberships WHERE person_id = ?");
  if (!statement)
    return tl::unexpected(statement.error());
  for (int64_t person : persons) {
    (*statement)->bind_int64(1, person);
    while (true) {
      auto has_row = (*statement)->step();
      if (!has_row)
        return tl::unexpected(has_row.error());
      if (!*has_row)
        break;
      households.push_back((*statement)->column_int64(0));
    }
    (*statement)->reset();
  }
  std::sort(households.begin(), households.end());
  households.erase(std::unique(households.begin(), households.end()), households.end());
  return households;
}

}  // namespace faxian::screen
