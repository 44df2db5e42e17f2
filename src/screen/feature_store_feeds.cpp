// Loading the department feeds other than income into a FeatureStore. Every query selects the
// owning person first and the record id last; `read` fills a row from the columns between.

#include <unordered_map>
#include <utility>

#include "screen/feature_store_loading.hpp"

namespace faxian::screen {
namespace {

// Interns strings as dense indices (diagnosis codes, ticket numbers).
class Interner {
 public:
  explicit Interner(std::vector<std::string>* names = nullptr) : names_(names) {}
  int32_t id(std::string_view text) {
    auto [it, inserted] = ids_.emplace(std::string(text), static_cast<int32_t>(ids_.size()));
    if (inserted && names_ != nullptr)
      names_->push_back(it->first);
    return it->second;
  }

 private:
  std::unordered_map<std::string, int32_t> ids_;
  std::vector<std::string>* names_;
};

// Runs `sql` (columns: person, …, record id), reads each row with `read(row, Row&)` and groups
// the rows by person, ordered by `key` (by default date, then record id).
template <typename Row, typename Read, typename Key>
Result<Grouped<Row>> load_rows(LoadContext& context, std::string_view table, const std::string& sql,
                               Read&& read, Key&& key) {
  OwnedRows<Row> rows;
  rows.reserve(context.expected_rows(table));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& statement) -> Result<void> {
    Row row;
    FAXIAN_TRY(read(statement, row));
    row.record_id = statement.column_int64(statement.column_count() - 1);
    rows.add(person_at(context, statement, 0), row);
    return ok();
  }));
  return group_rows(std::move(rows), context.store.persons.size(), key);
}

template <typename Row, typename Read>
Result<Grouped<Row>> load_rows(LoadContext& context, std::string_view table, const std::string& sql,
                               Read&& read) {
  return load_rows<Row>(context, table, sql, std::forward<Read>(read),
                        [](const Row& r) { return std::pair(r.date, r.record_id); });
}

// "SELECT f.person_id, <columns>, f.id FROM <table> f WHERE <current rows in scope>"
std::string feed_query(const LoadContext& context, std::string_view table,
                       std::string_view columns) {
  return fmt::format("SELECT f.person_id, {}, f.id FROM {} f WHERE {}", columns, table,
                     context.feed_filter("f"));
}

}  // namespace

Result<void> load_medical(LoadContext& context) {
  Interner codes(&context.store.diagnosis_codes);
  auto read = [&](const Statement& row, MedicalRow& medical) -> Result<void> {
    FAXIAN_TRY_ASSIGN(medical.date, parse_day(row.column_text(1)));
    int64_t self_paid = row.column_int64(3);
    // A 冲销 row always subtracts the absolute value of its amount.
    bool reversal = row.column_text(2) == "reversal";
    medical.self_paid_fen = reversal ? -(self_paid < 0 ? -self_paid : self_paid) : self_paid;
    medical.code = codes.id(row.column_text(4));
    return ok();
  };
  const std::string sql = feed_query(context, "feed_medical",
                                     "f.event_date, f.settle_kind, f.self_paid, f.diagnosis_code");
  FAXIAN_TRY_ASSIGN(context.store.medical,
                    load_rows<MedicalRow>(context, "feed_medical", sql, read));
  return ok();
}

Result<void> load_education(LoadContext& context) {
  auto read = [](const Statement& row, EducationRow& education) -> Result<void> {
    FAXIAN_TRY_ASSIGN(education.start, parse_day(row.column_text(1)));
    education.net_fen = row.column_int64(2) - (row.column_is_null(3) ? 0 : row.column_int64(3));
    FAXIAN_TRY_ASSIGN(education.stage, parse_key<EducationStage>(row.column_text(4)));
    return ok();
  };
  const std::string sql =
      feed_query(context, "feed_education", "f.event_date, f.fees, f.aid, f.stage");
  FAXIAN_TRY_ASSIGN(
      context.store.education,
      load_rows<EducationRow>(context, "feed_education", sql, read, [](const EducationRow& r) {
        return std::pair(r.start, r.record_id);
      }));
  return ok();
}

Result<void> load_employment(LoadContext& context) {
  auto read = [](const Statement& row, EmploymentRow& employment) -> Result<void> {
    FAXIAN_TRY_ASSIGN(employment.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(employment.event, parse_key<EmploymentEvent>(row.column_text(2)));
    return ok();
  };
  const std::string sql = feed_query(context, "feed_employment", "f.event_date, f.event");
  FAXIAN_TRY_ASSIGN(context.store.employment,
                    load_rows<EmploymentRow>(context, "feed_employment", sql, read));
  return ok();
}

Result<void> load_disability(LoadContext& context) {
  auto read = [](const Statement& row, DisabilityRow& disability) -> Result<void> {
    FAXIAN_TRY_ASSIGN(disability.date, parse_day(row.column_text(1)));
    disability.grade = static_cast<int8_t>(row.column_int64(2));
    disability.revoked = row.column_text(3) == "revoked";
    return ok();
  };
  const std::string sql = feed_query(context, "feed_disability", "f.event_date, f.grade, f.status");
  FAXIAN_TRY_ASSIGN(context.store.disability,
                    load_rows<DisabilityRow>(context, "feed_disability", sql, read));
  return ok();
}

Result<void> load_assets(LoadContext& context) {
  auto read = [](const Statement& row, AssetRow& asset) -> Result<void> {
    FAXIAN_TRY_ASSIGN(asset.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(asset.type, parse_key<AssetType>(row.column_text(2)));
    asset.revoked = row.column_text(3) == "revoked";
    asset.value_fen = row.column_is_null(4) ? 0 : row.column_int64(4);
    return ok();
  };
  const std::string sql =
      feed_query(context, "feed_assets", "f.event_date, f.asset_type, f.status, f.value");
  FAXIAN_TRY_ASSIGN(context.store.assets, load_rows<AssetRow>(context, "feed_assets", sql, read));
  return ok();
}

Result<void> load_disaster(LoadContext& context) {
  auto read = [](const Statement& row, DisasterRow& disaster) -> Result<void> {
    FAXIAN_TRY_ASSIGN(disaster.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(disaster.damage, parse_key<DisasterDamage>(row.column_text(2)));
    return ok();
  };
  const std::string sql = feed_query(context, "feed_disaster", "f.event_date, f.damage");
  FAXIAN_TRY_ASSIGN(context.store.disaster,
                    load_rows<DisasterRow>(context, "feed_disaster", sql, read));
  return ok();
}

// A ticket counts for a person linked by the store, by the ID written on the ticket, or by an
// officer's confirmed match. The scope applies to that person, not to f.person_id.
Result<void> load_hotline(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.call_time, f.ticket_no, f.id FROM feed_hotline f "
      "WHERE {0} AND f.person_id IS NOT NULL AND {1} "
      "UNION ALL SELECT p.id, f.call_time, f.ticket_no, f.id FROM feed_hotline f "
      "JOIN persons p ON p.resident_id = f.id_number WHERE {0} AND f.person_id IS NULL AND {2} "
      "UNION ALL SELECT c.person_id, f.call_time, f.ticket_no, f.id FROM feed_hotline f "
      "JOIN hotline_candidates c ON c.hotline_record_id = f.id AND c.status = 'confirmed' "
      "WHERE {0} AND {3}",
      context.current_rows("f"), context.person_scope("f.person_id"), context.person_scope("p.id"),
      context.person_scope("c.person_id"));
  Interner tickets;
  auto read = [&](const Statement& row, HotlineRow& hotline) -> Result<void> {
    FAXIAN_TRY_ASSIGN(hotline.date, parse_day(row.column_text(1)));
    hotline.ticket = tickets.id(row.column_text(2));
    return ok();
  };
  FAXIAN_TRY_ASSIGN(context.store.hotline,
                    load_rows<HotlineRow>(context, "feed_hotline", sql, read));
  return ok();
}

Result<void> load_applications(LoadContext& context) {
  auto read = [](const Statement& row, ApplicationRow& application) -> Result<void> {
    FAXIAN_TRY_ASSIGN(application.decided, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(application.result, parse_key<ApplicationResult>(row.column_text(2)));
    FAXIAN_TRY_ASSIGN(application.type, parse_key<ApplicationType>(row.column_text(3)));
    return ok();
  };
  const std::string sql = feed_query(context, "feed_applications",
                                     "COALESCE(f.result_date, f.event_date), f.result, f.type");
  FAXIAN_TRY_ASSIGN(context.store.applications,
                    load_rows<ApplicationRow>(
                        context, "feed_applications", sql, read,
                        [](const ApplicationRow& r) { return std::pair(r.decided, r.record_id); }));
  return ok();
}

// Deaths: the death feed, and population 死亡注销 rows.
Result<void> load_death_records(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, 1, f.id FROM feed_death f WHERE {0} "
      "UNION ALL SELECT f.person_id, f.event_date, 0, f.id FROM feed_population f "
      "WHERE f.change_type = 'death' AND {0}",
      context.feed_filter("f"));
  auto read = [](const Statement& row, DeathRecordRow& death) -> Result<void> {
    FAXIAN_TRY_ASSIGN(death.date, parse_day(row.column_text(1)));
    death.feed = row.column_int64(2) ? FeedKind::kDeath : FeedKind::kPopulation;
    return ok();
  };
  FAXIAN_TRY_ASSIGN(context.store.death_records,
                    load_rows<DeathRecordRow>(context, "feed_death", sql, read));
  return ok();
}

}  // namespace faxian::screen
