#pragma once
// The 13 feed schemas of 20-feeds.md, one file each (schema_<feed>.cpp).

#include "domain/feed_records.hpp"
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

}  // namespace faxian::ingest
