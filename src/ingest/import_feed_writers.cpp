// The writers of the 13 feeds: most only link by resident ID; population, death, registry,
// poverty_monitoring and hotline also keep derived data in step (see import_feed_writer.hpp).

#include <unordered_set>

#include "ingest/import_issues.hpp"
#include "ingest/import_record_writer.hpp"
#include "ingest/link_categories.hpp"
#include "ingest/link_death.hpp"
#include "ingest/link_hotline.hpp"
#include "ingest/link_population.hpp"
#include "store/category_repository.hpp"
#include "store/region_repository.hpp"

namespace faxian::ingest {
namespace {

std::string_view column_name(MessageLanguage language, std::string_view zh, std::string_view en) {
  return language == MessageLanguage::kEnglish ? en : zh;
}

// 户籍: rows naming an unknown village are refused (households must be in a known village);
// the timelines of every touched person are rebuilt at the end of the batch.
class PopulationWriter final : public RecordWriter<PopulationRecord> {
  static PersonRegistration registration_of(const PopulationRecord& record) {
    return {.name = record.name,
            .relation = record.relation,
            .ethnicity = record.ethnicity,
            .hukou_type = record.hukou_type,
            .phone = record.phone};
  }

 public:
  // Bulk capable: its derived data comes at the end of the batch (after the indexes are back).
  PopulationWriter(WriterContext& context, std::unordered_set<std::string> villages)
      : RecordWriter(context, /*bulk_capable=*/true),
        villages_(std::move(villages)),
        linker_(context.db, context.clock) {}

  Result<void> finish() override {
    return linker_.apply(context_.persons.touched(), context_.persons.created_registered());
  }
  std::vector<int64_t> changed_households() const override {
    return {linker_.changed_households().begin(), linker_.changed_households().end()};
  }

 protected:
  // A person the store does not know yet is created registered, as the row describes them:
  // all of a chunk's new persons in one batch.
  Result<void> link_all(std::span<ParsedRow* const> rows) override {
    std::vector<PersonLinker::Registration> registrations;
    registrations.reserve(rows.size());
    for (const ParsedRow* row : rows) {
      const auto& record = std::get<PopulationRecord>(row->record);
      registrations.push_back({&record.id_number, registration_of(record)});
    }
    return context_.persons.register_all(registrations);
  }
  Result<std::optional<int64_t>> link(const PopulationRecord& record) override {
    auto person = context_.persons.link_registered(record.id_number, registration_of(record));
    if (!person)
      return tl::unexpected(person.error());
    return std::optional<int64_t>(*person);
  }
  std::optional<BatchRowIssue> check(int64_t line, const PopulationRecord& record) override {
    if (villages_.contains(record.village_code))
      return std::nullopt;
    return unknown_village_issue(line, column_name(context_.language, "村社区代码", "village_code"),
                                 record.village_code, context_.language);
  }

 private:
  std::unordered_set<std::string> villages_;
  PopulationLinker linker_;
};

// 死亡: the date of death is the earlier of this feed and a 死亡注销 row.
class DeathWriter final : public RecordWriter<DeathRecord> {
 public:
  explicit DeathWriter(WriterContext& context)
      : RecordWriter(context), deaths_(context.db, context.clock) {}

 protected:
  Result<void> stored(const NewRecord<DeathRecord>& row, const RecordWrite&) override {
    return deaths_.apply(*row.meta.person_id);
  }

 private:
  DeathLinker deaths_;
};

// 救助对象名册: each row is a category of the person (link_categories.hpp).
class RegistryWriter final : public RecordWriter<RegistryRecord> {
 public:
  explicit RegistryWriter(WriterContext& context)
      : RecordWriter(context), categories_(context.db, context.clock) {}

 protected:
  std::optional<BatchRowIssue> check(int64_t line, const RegistryRecord& record) override {
    if (!record.end_date || *record.end_date >= record.start_date)
      return std::nullopt;
    return end_before_start_issue(line, column_name(context_.language, "结束日期", "end_date"),
                                  context_.language);
  }
  Result<void> stored(const NewRecord<RegistryRecord>& row, const RecordWrite&) override {
    const auto derived =
        categories_from_registry(row.record, *row.meta.person_id, row.meta.natural_key);
    return replace_derived_categories(categories_, CategorySource::kRegistry, row.meta.natural_key,
                                      derived);
  }

 private:
  CategoryRepository categories_;
};

// 防返贫监测: 脱贫 and 防返贫监测 categories of the person (link_categories.hpp).
class MonitoringWriter final : public RecordWriter<PovertyMonitoringRecord> {
 public:
  explicit MonitoringWriter(WriterContext& context)
      : RecordWriter(context), categories_(context.db, context.clock) {}

 protected:
  Result<void> stored(const NewRecord<PovertyMonitoringRecord>& row, const RecordWrite&) override {
    const auto derived =
        categories_from_monitoring(row.record, *row.meta.person_id, row.meta.natural_key);
    return replace_derived_categories(categories_, CategorySource::kPovertyMonitoring,
                                      row.meta.natural_key, derived);
  }

 private:
  CategoryRepository categories_;
};

// 热线: a ticket with an ID links to the person; one without gets candidates, never a link.
class HotlineWriter final : public RecordWriter<HotlineRecord> {
 public:
  explicit HotlineWriter(WriterContext& context)
      : RecordWriter(context), linker_(context.db, context.clock) {}

  int64_t hotline_candidates() const override { return candidates_; }

 protected:
  Result<std::optional<int64_t>> link(const HotlineRecord& record) override {
    if (!record.id_number)
      return std::optional<int64_t>();
    auto person = context_.persons.link(*record.id_number, record.subject_name);
    if (!person)
      return tl::unexpected(person.error());
    return std::optional<int64_t>(*person);
  }
  Result<void> stored(const NewRecord<HotlineRecord>& row, const RecordWrite& write) override {
    if (row.meta.person_id)
      return ok();
    auto recorded = linker_.record_candidates(write.id, row.record);
    if (!recorded)
      return tl::unexpected(recorded.error());
    candidates_ += *recorded;
    return ok();
  }

 private:
  HotlineLinker linker_;
  int64_t candidates_ = 0;
};

Result<std::unordered_set<std::string>> village_codes(Database& db) {
  auto regions = RegionRepository(db).list();
  if (!regions)
    return tl::unexpected(regions.error());
  std::unordered_set<std::string> codes;
  for (const Region& region : *regions) {
    if (region.level == RegionLevel::kVillage)
      codes.insert(region.code);
  }
  return codes;
}

template <typename T>
std::unique_ptr<FeedWriter> plain(WriterContext& context) {
  return std::make_unique<RecordWriter<T>>(context, /*bulk_capable=*/true);
}

}  // namespace

Result<std::unique_ptr<FeedWriter>> make_feed_writer(FeedKind feed, WriterContext& context) {
  switch (feed) {
    case FeedKind::kPopulation: {
      auto villages = village_codes(context.db);
      if (!villages)
        return tl::unexpected(villages.error());
      return std::make_unique<PopulationWriter>(context, std::move(*villages));
    }
    case FeedKind::kMedical:
      return plain<MedicalRecord>(context);
    case FeedKind::kEmployment:
      return plain<EmploymentRecord>(context);
    case FeedKind::kIncome:
      return plain<IncomeRecord>(context);
    case FeedKind::kDisability:
      return plain<DisabilityRecord>(context);
    case FeedKind::kDeath:
      return std::make_unique<DeathWriter>(context);
    case FeedKind::kDisaster:
      return plain<DisasterRecord>(context);
    case FeedKind::kPovertyMonitoring:
      return std::make_unique<MonitoringWriter>(context);
    case FeedKind::kEducation:
      return plain<EducationRecord>(context);
    case FeedKind::kAssets:
      return plain<AssetRecord>(context);
    case FeedKind::kHotline:
      return std::make_unique<HotlineWriter>(context);
    case FeedKind::kApplications:
      return plain<ApplicationRecord>(context);
    case FeedKind::kRegistry:
      return std::make_unique<RegistryWriter>(context);
  }
  return fail(ErrorCode::kInternal, "内部错误", "unknown feed");
}

}  // namespace faxian::ingest
