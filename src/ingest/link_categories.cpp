#include "ingest/link_categories.hpp"

namespace faxian::ingest {
namespace {

Category person_category(CategoryKind kind, int64_t person_id, Date start, CategorySource source,
                         std::string_view source_ref) {
  Category category;
  category.kind = kind;
  category.person_id = person_id;
  category.start = start;
  category.source = source;
  category.source_ref = std::string(source_ref);
  return category;
}

}  // namespace

std::vector<Category> categories_from_registry(const RegistryRecord& record, int64_t person_id,
                                               std::string_view source_ref) {
  const CategoryFromRegistry kind = category_from_registry(record.category);
  Category category = person_category(kind.kind, person_id, record.start_date,
                                      CategorySource::kRegistry, source_ref);
  category.subtype = std::string(kind.subtype);
  category.end = record.end_date;
  return {category};
}

std::vector<Category> categories_from_monitoring(const PovertyMonitoringRecord& record,
                                                 int64_t person_id, std::string_view source_ref) {
  std::vector<Category> categories;
  const Date identified = record.identified_date;
  const auto source = CategorySource::kPovertyMonitoring;
  if (record.monitor_type == MonitorType::kAlleviated ||
      record.monitor_type == MonitorType::kUnstable) {
    categories.push_back(person_category(CategoryKind::kPovertyAlleviated, person_id, identified,
                                         source, source_ref));
  }
  if (record.monitor_type == MonitorType::kAlleviated)
    return categories;
  std::optional<Date> last_day;
  if (record.risk_cleared) {
    if (!record.cleared_date || *record.cleared_date <= identified)
      return categories;  // cleared from the identification date: never held
    last_day = record.cleared_date->add_days(-1);
  }
  Category monitoring =
      person_category(CategoryKind::kPovertyMonitoring, person_id, identified, source, source_ref);
  monitoring.subtype = std::string(enum_key(record.monitor_type));
  monitoring.end = last_day;
  categories.push_back(std::move(monitoring));
  return categories;
}

Result<void> replace_derived_categories(CategoryRepository& repository, CategorySource source,
                                        std::string_view source_ref,
                                        std::span<const Category> categories) {
  auto removed = repository.remove_by_source(source, source_ref);
  if (!removed)
    return tl::unexpected(removed.error());
  for (const Category& category : categories) {
    auto added = repository.add(category);
    if (!added)
      return tl::unexpected(added.error());
  }
  return ok();
}

}  // namespace faxian::ingest
