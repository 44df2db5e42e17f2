#pragma once
// Shared by the FeatureStore loader's files: the load in progress and small helpers to read
// the store's rows.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/error.hpp"
#include "domain/enum_table.hpp"
#include "screen/feature_store.hpp"
#include "screen/feature_store_grouping.hpp"
#include "screen/feature_store_loader.hpp"
#include "store/database.hpp"
#include "store/query.hpp"

namespace faxian::screen {

struct LoadContext {
  Database& db;
  const LoadOptions& options;
  FeatureStore& store;

  // The WHERE conditions of a feed query: current rows (or those known at a time) of persons
  // in scope, for the table alias `alias`.
  std::string feed_filter(std::string_view alias) const;
  // The same without the person scope.
  std::string current_rows(std::string_view alias) const;
  // "column IN (persons in scope)", or a true condition when loading everything.
  std::string person_scope(std::string_view column) const;
  std::string household_scope(std::string_view column) const;
  // How many rows a load of `table` may bring (its largest id on a full load; a small number
  // when loading a few households), for reserving memory up front.
  size_t expected_rows(std::string_view table) const;
};

// The store keeps dates as 'YYYY-MM-DD' text and months as 'YYYY-MM' (CHECKs guarantee the
// shape); a time stamp's first 10 characters are its date.
Result<Day> parse_day(std::string_view text);
Result<int32_t> parse_month_index(std::string_view text);

template <typename E>
Result<E> parse_key(std::string_view key) {
  if (auto value = enum_from_key<E>(key))
    return *value;
  return fail(ErrorCode::kCorrupt, fmt::format("数据库中的取值“{}”无效", key),
              fmt::format("unknown stored enum key '{}'", key));
}

// "YYYY-MM-DD…" → day number, "YYYY-MM" → Month::index(), without building errors on the hot
// path; false when the text is not a real date (the caller reports it).
bool fast_day(std::string_view text, Day& day);
bool fast_month(std::string_view text, int32_t& month);

// The store numbers (StoreNumbering) of the person or household id in `column`.
inline uint32_t person_at(const LoadContext& context, const Statement& row, int column) {
  return context.store.person_numbers.number_of(row.column_int64(column));
}
inline uint32_t household_at(const LoadContext& context, const Statement& row, int column) {
  return context.store.household_numbers.number_of(row.column_int64(column));
}

// The department feeds other than income (feature_store_feeds.cpp).
Result<void> load_medical(LoadContext& context);
Result<void> load_education(LoadContext& context);
Result<void> load_employment(LoadContext& context);
Result<void> load_disability(LoadContext& context);
Result<void> load_assets(LoadContext& context);
Result<void> load_disaster(LoadContext& context);
Result<void> load_hotline(LoadContext& context);
Result<void> load_applications(LoadContext& context);
Result<void> load_death_records(LoadContext& context);

}  // namespace faxian::screen
