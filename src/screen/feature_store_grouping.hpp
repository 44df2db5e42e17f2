#pragma once
// Building the grouped (offsets + rows) arrays of a FeatureStore: rows are collected with their
// owner's index in any order, then placed by a counting sort on the owner and ordered within
// each owner by a key (date first, then the record id, so equal dates keep store order).

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "screen/feature_store.hpp"

namespace faxian::screen {

template <typename Row>
struct OwnedRows {
  std::vector<uint32_t> owners;
  std::vector<Row> rows;

  void reserve(size_t count) {
    owners.reserve(count);
    rows.reserve(count);
  }
  void add(uint32_t owner, const Row& row) {
    owners.push_back(owner);
    rows.push_back(row);
  }
};

// REQUIRES: every owner < owner_count (owners beyond it are dropped).
template <typename Row, typename Key>
Grouped<Row> group_rows(OwnedRows<Row>&& input, size_t owner_count, Key&& key) {
  Grouped<Row> grouped;
  grouped.offsets.assign(owner_count + 1, 0);
  for (uint32_t owner : input.owners)
    if (owner < owner_count)
      ++grouped.offsets[owner + 1];
  for (size_t i = 1; i <= owner_count; ++i)
    grouped.offsets[i] += grouped.offsets[i - 1];
  grouped.rows.resize(grouped.offsets[owner_count]);
  std::vector<uint32_t> next(grouped.offsets.begin(), grouped.offsets.end() - 1);
  for (size_t i = 0; i < input.rows.size(); ++i) {
    uint32_t owner = input.owners[i];
    if (owner < owner_count)
      grouped.rows[next[owner]++] = input.rows[i];
  }
  input = {};
  for (size_t owner = 0; owner < owner_count; ++owner) {
    auto first = grouped.rows.begin() + grouped.offsets[owner];
    auto last = grouped.rows.begin() + grouped.offsets[owner + 1];
    if (last - first > 1)
      std::sort(first, last, [&](const Row& a, const Row& b) { return key(a) < key(b); });
  }
  return grouped;
}

}  // namespace faxian::screen
