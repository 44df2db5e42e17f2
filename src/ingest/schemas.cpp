#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

template <typename R>
std::vector<ColumnName> names_of(const FeedSchema<R>& schema) {
  std::vector<ColumnName> names;
  for (const Column<R>& column : schema.columns)
    names.push_back({column.zh, column.alias, column.required()});
  return names;
}

}  // namespace

std::vector<ColumnName> feed_columns(FeedKind feed) {
  switch (feed) {
    case FeedKind::kPopulation:
      return names_of(population_schema());
    case FeedKind::kMedical:
      return names_of(medical_schema());
    case FeedKind::kEmployment:
      return names_of(employment_schema());
    case FeedKind::kIncome:
      return names_of(income_schema());
    case FeedKind::kDisability:
      return names_of(disability_schema());
    case FeedKind::kDeath:
      return names_of(death_schema());
    case FeedKind::kDisaster:
      return names_of(disaster_schema());
    case FeedKind::kPovertyMonitoring:
      return names_of(poverty_monitoring_schema());
    case FeedKind::kEducation:
      return names_of(education_schema());
    case FeedKind::kAssets:
      return names_of(assets_schema());
    case FeedKind::kHotline:
      return names_of(hotline_schema());
    case FeedKind::kApplications:
      return names_of(applications_schema());
    case FeedKind::kRegistry:
      return names_of(registry_schema());
  }
  return {};
}

}  // namespace faxian::ingest
