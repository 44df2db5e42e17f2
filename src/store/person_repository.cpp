#include "store/person_repository.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_batch_write.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kColumns =
    "resident_id, name, sex, birth_date, relation, ethnicity, hukou_type, phone, "
    "health_status, disability_category, disability_grade, self_care, employment_status, "
    "death_date, unregistered";

constexpr std::string_view kInsertInto =
    "INSERT INTO persons (resident_id, name, sex, birth_date, relation, ethnicity, hukou_type, "
    "phone, health_status, disability_category, disability_grade, self_care, "
    "employment_status, death_date, unregistered, created_at, updated_at) VALUES ";
constexpr std::string_view kInsertValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
std::string insert_sql() {
  return std::string(kInsertInto) + std::string(kInsertValues);
}

constexpr std::string_view kUpsertTail =
    " ON CONFLICT (resident_id) DO UPDATE SET name = excluded.name, sex = excluded.sex, "
    "birth_date = excluded.birth_date, relation = excluded.relation, "
    "ethnicity = excluded.ethnicity, hukou_type = excluded.hukou_type, phone = excluded.phone, "
    "health_status = excluded.health_status, "
    "disability_category = excluded.disability_category, "
    "disability_grade = excluded.disability_grade, self_care = excluded.self_care, "
    "employment_status = excluded.employment_status, death_date = excluded.death_date, "
    "unregistered = excluded.unregistered, updated_at = excluded.updated_at RETURNING id";

std::string upsert_sql() {
  return insert_sql() + std::string(kUpsertTail);
}

void bind_person(ParamBinder& binder, const Person& person, int64_t now) {
  binder.resident_id(person.resident_id)
      .text(person.name)
      .enumeration(person.sex)
      .date(person.birth_date)
      .enumeration(person.relation)
      .enumeration(person.ethnicity)
      .enumeration(person.hukou_type)
      .text(person.phone)
      .enumeration(person.health)
      .enumeration(person.disability_category);
  if (person.disability_grade) {
    binder.integer(disability_grade_number(*person.disability_grade));
  } else {
    binder.null();
  }
  binder.enumeration(person.self_care)
      .enumeration(person.employment)
      .date(person.death_date)
      .boolean(person.unregistered)
      .integer(now)
      .integer(now);
}

Result<Person> read_person(const Statement& statement) {
  RowReader reader(statement);
  const int64_t id = reader.integer();
  ResidentId resident_id = reader.resident_id();  // columns are read in order
  std::string name = reader.text();
  Person person = Person::from_id(std::move(resident_id), std::move(name));
  person.id = id;
  person.sex = reader.enumeration<Sex>();
  person.birth_date = reader.date();
  person.relation = reader.optional_enumeration<Relation>();
  person.ethnicity = reader.optional_enumeration<Ethnicity>();
  person.hukou_type = reader.optional_enumeration<HukouType>();
  person.phone = reader.text();
  person.health = reader.optional_enumeration<HealthStatus>();
  person.disability_category = reader.optional_enumeration<DisabilityCategory>();
  if (auto grade = reader.optional_integer(); grade && *grade >= 1 && *grade <= 4) {
    person.disability_grade = static_cast<DisabilityGrade>(*grade);
  }
  person.self_care = reader.optional_enumeration<SelfCareAbility>();
  person.employment = reader.optional_enumeration<EmploymentStatus>();
  person.death_date = reader.optional_date();
  person.unregistered = reader.boolean();
  FAXIAN_TRY(reader.status());
  return person;
}

std::string select_sql(std::string_view where) {
  return fmt::format("SELECT id, {} FROM persons {}", kColumns, where);
}

}  // namespace

Result<int64_t> PersonRepository::write(Statement& statement, const Person& person, int64_t now) {
  statement.reset();
  ParamBinder binder(statement);
  bind_person(binder, person, now);
  auto has_row = statement.step();
  if (!has_row)
    return tl::unexpected(has_row.error());
  if (!*has_row)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no id returned");
  const int64_t id = statement.column_int64(0);
  statement.reset();
  return id;
}

Result<int64_t> PersonRepository::insert(const Person& person) {
  auto statement = db_.prepare(insert_sql() + " RETURNING id");
  if (!statement)
    return tl::unexpected(statement.error());
  return write(**statement, person, clock_.now_unix());
}

Result<std::vector<int64_t>> PersonRepository::insert_batch(std::span<const Person> persons) {
  return in_transaction(db_, [&]() -> Result<std::vector<int64_t>> {
    const int64_t now = clock_.now_unix();
    std::unordered_map<std::string, int64_t> ids;  // resident ID → id
    ids.reserve(persons.size());
    const RowBatchSql sql{std::string(kInsertInto), std::string(kInsertValues),
                          " RETURNING id, resident_id"};
    FAXIAN_TRY(write_rows(
        db_, sql, persons.size(),
        [&](ParamBinder& binder, std::size_t index) { bind_person(binder, persons[index], now); },
        [&](const Statement& row) { ids.emplace(row.column_text(1), row.column_int64(0)); }));
    std::vector<int64_t> in_order;
    in_order.reserve(persons.size());
    for (const Person& person : persons) {
      auto id = ids.find(person.resident_id.str());
      if (id == ids.end())
        return fail(ErrorCode::kInternal, "数据库内部错误", "INSERT returned no id for a person");
      in_order.push_back(id->second);
    }
    return in_order;
  });
}

Result<int64_t> PersonRepository::upsert(const Person& person) {
  auto statement = db_.prepare(upsert_sql());
  if (!statement)
    return tl::unexpected(statement.error());
  return write(**statement, person, clock_.now_unix());
}

Result<std::vector<int64_t>> PersonRepository::upsert_batch(std::span<const Person> persons) {
  return in_transaction(db_, [&]() -> Result<std::vector<int64_t>> {
    auto statement = db_.prepare(upsert_sql());
    if (!statement)
      return tl::unexpected(statement.error());
    const int64_t now = clock_.now_unix();
    std::vector<int64_t> ids;
    ids.reserve(persons.size());
    for (const Person& person : persons) {
      auto id = write(**statement, person, now);
      if (!id)
        return tl::unexpected(id.error());
      ids.push_back(*id);
    }
    return ids;
  });
}

Result<int64_t> PersonRepository::ensure(const ResidentId& resident_id, std::string_view name) {
  Person person = Person::from_id(resident_id, std::string(name));
  person.unregistered = true;
  const int64_t now = clock_.now_unix();
  auto inserted = returning_id(
      db_, insert_sql() + " ON CONFLICT (resident_id) DO NOTHING RETURNING id", [&](Statement& s) {
        ParamBinder binder(s);
        bind_person(binder, person, now);
      });
  if (!inserted)
    return tl::unexpected(inserted.error());
  if (*inserted)
    return **inserted;
  auto existing = query_int(db_, "SELECT id FROM persons WHERE resident_id = ?",
                            [&](Statement& s) { s.bind_text(1, resident_id.str()); });
  return existing;
}

Result<std::optional<Person>> PersonRepository::find(int64_t id) {
  return query_one<Person>(
      db_, select_sql("WHERE id = ?"), [&](Statement& s) { s.bind_int64(1, id); }, read_person);
}

Result<std::optional<Person>> PersonRepository::find_by_resident_id(const ResidentId& resident_id) {
  return query_one<Person>(
      db_, select_sql("WHERE resident_id = ?"),
      [&](Statement& s) { s.bind_text(1, resident_id.str()); }, read_person);
}

Result<std::optional<int64_t>> PersonRepository::id_of(const ResidentId& resident_id) {
  return query_one<int64_t>(
      db_, "SELECT id FROM persons WHERE resident_id = ?",
      [&](Statement& s) { s.bind_text(1, resident_id.str()); },
      [](const Statement& s) -> Result<int64_t> { return s.column_int64(0); });
}

Result<void> PersonRepository::set_death_date(int64_t id, std::optional<Date> death_date) {
  auto updated = returning_id(
      db_, "UPDATE persons SET death_date = ?, updated_at = ? WHERE id = ? RETURNING id",
      [&](Statement& s) {
        ParamBinder(s).date(death_date).integer(clock_.now_unix()).integer(id);
      });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated)
    return tl::unexpected(not_found("人员", fmt::format("person {}", id)));
  return ok();
}

Result<void> PersonRepository::set_registration(int64_t id,
                                                const PersonRegistration& registration) {
  auto updated = returning_id(db_,
                              "UPDATE persons SET name = ?, relation = ?, ethnicity = ?, "
                              "hukou_type = ?, phone = ?, unregistered = 0, updated_at = ? "
                              "WHERE id = ? RETURNING id",
                              [&](Statement& s) {
                                ParamBinder(s)
                                    .text(registration.name)
                                    .enumeration(registration.relation)
                                    .enumeration(registration.ethnicity)
                                    .enumeration(registration.hukou_type)
                                    .text(registration.phone)
                                    .integer(clock_.now_unix())
                                    .integer(id);
                              });
  if (!updated)
    return tl::unexpected(updated.error());
  if (!*updated)
    return tl::unexpected(not_found("人员", fmt::format("person {}", id)));
  return ok();
}

Result<void> PersonRepository::for_each_id(
    const std::function<void(std::string_view, int64_t)>& visit) {
  return for_each_row(db_, "SELECT resident_id, id FROM persons",
                      [&](const Statement& row) -> Result<void> {
                        visit(row.column_text(0), row.column_int64(1));
                        return ok();
                      });
}

Result<std::unordered_map<std::string, int64_t>> PersonRepository::id_index() {
  auto statement = db_.prepare("SELECT resident_id, id FROM persons");
  if (!statement)
    return tl::unexpected(statement.error());
  std::unordered_map<std::string, int64_t> index;
  while (true) {
    auto has_row = (*statement)->step();
    if (!has_row)
      return tl::unexpected(has_row.error());
    if (!*has_row)
      return index;
    index.emplace(std::string((*statement)->column_text(0)), (*statement)->column_int64(1));
  }
}

Result<int64_t> PersonRepository::count() {
  return query_int(db_, "SELECT COUNT(*) FROM persons", [](Statement&) {});
}

}  // namespace faxian
