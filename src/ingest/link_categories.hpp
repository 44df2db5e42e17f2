#pragma once
// Categories derived from feed rows (30-screening.md "Categories"), stored in the categories
// table with the record's natural key as source_ref so that a correction replaces them:
// * `registry` 救助对象名册: the row's category, held by the person from 开始日期 to 结束日期
//   (inclusive; blank = open).
// * `poverty_monitoring` 防返贫监测: 脱贫户 → 脱贫 (never ends); 脱贫不稳定户 → 脱贫 and
// 防返贫监测;
//   边缘易致贫户 / 突发严重困难户 → 防返贫监测, held from the identification date until the day
//   before the risk was cleared (风险是否消除 = 是 with a blank clearing date, or a clearing date
//   on or before identification: never held).
// Categories are held by the person the row names (a current member gives them to the
// household, as screening reads it).

#include <span>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/category.hpp"
#include "domain/feed_records.hpp"
#include "store/category_repository.hpp"

namespace faxian::ingest {

std::vector<Category> categories_from_registry(const RegistryRecord& record, int64_t person_id,
                                               std::string_view source_ref);
std::vector<Category> categories_from_monitoring(const PovertyMonitoringRecord& record,
                                                 int64_t person_id, std::string_view source_ref);

// Replaces the categories derived from the record `source_ref` of `source` with `categories`.
Result<void> replace_derived_categories(CategoryRepository& repository, CategorySource source,
                                        std::string_view source_ref,
                                        std::span<const Category> categories);

}  // namespace faxian::ingest
