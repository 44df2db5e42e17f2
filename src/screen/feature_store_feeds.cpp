// Loading the department feeds other than income into a FeatureStore.

#include <unordered_map>
#include <utility>

#include "screen/feature_store_loading.hpp"

namespace faxian::screen {
namespace {

template <typename Row>
auto by_date = [](const Row& r) { return std::pair(r.date, r.record_id); };

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

}  // namespace

Result<void> load_medical(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, f.settle_kind, f.self_paid, f.diagnosis_code, f.id "
      "FROM feed_medical f WHERE {}",
      context.feed_filter("f"));
  Interner codes(&context.store.diagnosis_codes);
  OwnedRows<MedicalRow> rows;
  rows.reserve(context.expected_rows("feed_medical"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    MedicalRow medical;
    FAXIAN_TRY_ASSIGN(medical.date, parse_day(row.column_text(1)));
    int64_t self_paid = row.column_int64(3);
    // A 冲销 row always subtracts the absolute value of its amount.
    bool reversal = row.column_text(2) == "reversal";
    medical.self_paid_fen = reversal ? -(self_paid < 0 ? -self_paid : self_paid) : self_paid;
    medical.code = codes.id(row.column_text(4));
    medical.record_id = row.column_int64(5);
    rows.add(owner_of(row, 0), medical);
    return ok();
  }));
  context.store.medical =
      group_rows(std::move(rows), context.store.persons.size(), by_date<MedicalRow>);
  return ok();
}

Result<void> load_education(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, f.fees, f.aid, f.stage, f.id FROM feed_education f "
      "WHERE {}",
      context.feed_filter("f"));
  OwnedRows<EducationRow> rows;
  rows.reserve(context.expected_rows("feed_education"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    EducationRow education;
    FAXIAN_TRY_ASSIGN(education.start, parse_day(row.column_text(1)));
    education.net_fen = row.column_int64(2) - (row.column_is_null(3) ? 0 : row.column_int64(3));
    FAXIAN_TRY_ASSIGN(education.stage, parse_key<EducationStage>(row.column_text(4)));
    education.record_id = row.column_int64(5);
    rows.add(owner_of(row, 0), education);
    return ok();
  }));
  context.store.education =
      group_rows(std::move(rows), context.store.persons.size(),
                 [](const EducationRow& r) { return std::pair(r.start, r.record_id); });
  return ok();
}

Result<void> load_employment(LoadContext& context) {
  const std::string sql =
      fmt::format("SELECT f.person_id, f.event_date, f.event, f.id FROM feed_employment f WHERE {}",
                  context.feed_filter("f"));
  OwnedRows<EmploymentRow> rows;
  rows.reserve(context.expected_rows("feed_employment"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    EmploymentRow employment;
    FAXIAN_TRY_ASSIGN(employment.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(employment.event, parse_key<EmploymentEvent>(row.column_text(2)));
    employment.record_id = row.column_int64(3);
    rows.add(owner_of(row, 0), employment);
    return ok();
  }));
  context.store.employment =
      group_rows(std::move(rows), context.store.persons.size(), by_date<EmploymentRow>);
  return ok();
}

Result<void> load_disability(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, f.grade, f.status, f.id FROM feed_disability f "
      "WHERE {}",
      context.feed_filter("f"));
  OwnedRows<DisabilityRow> rows;
  rows.reserve(context.expected_rows("feed_disability"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    DisabilityRow disability;
    FAXIAN_TRY_ASSIGN(disability.date, parse_day(row.column_text(1)));
    disability.grade = static_cast<int8_t>(row.column_int64(2));
    disability.revoked = row.column_text(3) == "revoked";
    disability.record_id = row.column_int64(4);
    rows.add(owner_of(row, 0), disability);
    return ok();
  }));
  context.store.disability =
      group_rows(std::move(rows), context.store.persons.size(), by_date<DisabilityRow>);
  return ok();
}

Result<void> load_assets(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, f.asset_type, f.status, f.value, f.id "
      "FROM feed_assets f WHERE {}",
      context.feed_filter("f"));
  OwnedRows<AssetRow> rows;
  rows.reserve(context.expected_rows("feed_assets"));
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    AssetRow asset;
    FAXIAN_TRY_ASSIGN(asset.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(asset.type, parse_key<AssetType>(row.column_text(2)));
    asset.revoked = row.column_text(3) == "revoked";
    asset.value_fen = row.column_is_null(4) ? 0 : row.column_int64(4);
    asset.record_id = row.column_int64(5);
    rows.add(owner_of(row, 0), asset);
    return ok();
  }));
  context.store.assets =
      group_rows(std::move(rows), context.store.persons.size(), by_date<AssetRow>);
  return ok();
}

Result<void> load_disaster(LoadContext& context) {
  const std::string sql =
      fmt::format("SELECT f.person_id, f.event_date, f.damage, f.id FROM feed_disaster f WHERE {}",
                  context.feed_filter("f"));
  OwnedRows<DisasterRow> rows;
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    DisasterRow disaster;
    FAXIAN_TRY_ASSIGN(disaster.date, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(disaster.damage, parse_key<DisasterDamage>(row.column_text(2)));
    disaster.record_id = row.column_int64(3);
    rows.add(owner_of(row, 0), disaster);
    return ok();
  }));
  context.store.disaster =
      group_rows(std::move(rows), context.store.persons.size(), by_date<DisasterRow>);
  return ok();
}

// A ticket counts for a person linked by the store, by the ID written on the ticket, or by an
// officer's confirmed match.
Result<void> load_hotline(LoadContext& context) {
  // The scope applies to the person the ticket counts for, not to f.person_id.
  const std::string base = context.current_rows("f");
  const std::string linked = context.person_scope("p.id");
  const std::string confirmed = context.person_scope("c.person_id");
  const std::string sql = fmt::format(
      "SELECT p.id, f.call_time, f.ticket_no, f.id FROM feed_hotline f "
      "JOIN persons p ON p.id = f.person_id OR (f.person_id IS NULL AND p.resident_id = "
      "f.id_number) WHERE {0} AND {1} "
      "UNION ALL SELECT c.person_id, f.call_time, f.ticket_no, f.id FROM feed_hotline f "
      "JOIN hotline_candidates c ON c.hotline_record_id = f.id AND c.status = 'confirmed' "
      "WHERE {0} AND {2}",
      base, linked, confirmed);
  Interner tickets;
  OwnedRows<HotlineRow> rows;
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    HotlineRow hotline;
    FAXIAN_TRY_ASSIGN(hotline.date, parse_day(row.column_text(1)));
    hotline.ticket = tickets.id(row.column_text(2));
    hotline.record_id = row.column_int64(3);
    rows.add(owner_of(row, 0), hotline);
    return ok();
  }));
  context.store.hotline =
      group_rows(std::move(rows), context.store.persons.size(), by_date<HotlineRow>);
  return ok();
}

Result<void> load_applications(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, COALESCE(f.result_date, f.event_date), f.result, f.type, f.id "
      "FROM feed_applications f WHERE {}",
      context.feed_filter("f"));
  OwnedRows<ApplicationRow> rows;
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    ApplicationRow application;
    FAXIAN_TRY_ASSIGN(application.decided, parse_day(row.column_text(1)));
    FAXIAN_TRY_ASSIGN(application.result, parse_key<ApplicationResult>(row.column_text(2)));
    FAXIAN_TRY_ASSIGN(application.type, parse_key<ApplicationType>(row.column_text(3)));
    application.record_id = row.column_int64(4);
    rows.add(owner_of(row, 0), application);
    return ok();
  }));
  context.store.applications =
      group_rows(std::move(rows), context.store.persons.size(),
                 [](const ApplicationRow& r) { return std::pair(r.decided, r.record_id); });
  return ok();
}

Result<void> load_death_records(LoadContext& context) {
  const std::string sql = fmt::format(
      "SELECT f.person_id, f.event_date, 1, f.id FROM feed_death f WHERE {} "
      "UNION ALL SELECT f.person_id, f.event_date, 0, f.id FROM feed_population f "
      "WHERE f.change_type = 'death' AND {}",
      context.feed_filter("f"), context.feed_filter("f"));
  OwnedRows<DeathRecordRow> rows;
  FAXIAN_TRY(for_each_row(context.db, sql, [&](const Statement& row) -> Result<void> {
    DeathRecordRow death;
    FAXIAN_TRY_ASSIGN(death.date, parse_day(row.column_text(1)));
    death.feed = row.column_int64(2) ? FeedKind::kDeath : FeedKind::kPopulation;
    death.record_id = row.column_int64(3);
    rows.add(owner_of(row, 0), death);
    return ok();
  }));
  context.store.death_records =
      group_rows(std::move(rows), context.store.persons.size(), by_date<DeathRecordRow>);
  return ok();
}

}  // namespace faxian::screen
