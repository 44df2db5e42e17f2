#pragma once
// The 13 feed schemas of 20-feeds.md, one file each (schema_<feed>.cpp).

#include <vector>

#include "domain/feed_kind.hpp"
#include "domain/feed_records.hpp"
#include "ingest/header_match.hpp"
#include "ingest/schema.hpp"

namespace faxian::ingest {

const FeedSchema<PopulationRecord>& population_schema();
const FeedSchema<MedicalRecord>& medical_schema();
const FeedSchema<EmploymentRecord>& employment_schema();
const FeedSchema<IncomeRecord>& income_schema();
const FeedSchema<DisabilityRecord>& disability_schema();
const FeedSchema<DeathRecord>& death_schema();
const FeedSchema<DisasterRecord>& disaster_schema();
const FeedSchema<PovertyMonitoringRecord>& poverty_monitoring_schema();
const FeedSchema<EducationRecord>& education_schema();
const FeedSchema<AssetRecord>& assets_schema();
const FeedSchema<HotlineRecord>& hotline_schema();
const FeedSchema<ApplicationRecord>& applications_schema();
const FeedSchema<RegistryRecord>& registry_schema();

// The columns of a feed in the order of 20-feeds.md (Chinese name, English alias, required),
// e.g. for templates, help texts and tests.
std::vector<ColumnName> feed_columns(FeedKind feed);

}  // namespace faxian::ingest
