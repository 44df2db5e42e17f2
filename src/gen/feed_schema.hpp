#pragma once
// The 13 feeds of 20-feeds.md: fixed names and columns (Chinese header and English alias) in
// the order the spec lists them.

#include <array>
#include <span>
#include <string_view>

namespace faxian::gen {

enum class Feed : uint8_t {
  kPopulation,
  kMedical,
  kEmployment,
  kIncome,
  kDisability,
  kDeath,
  kDisaster,
  kPovertyMonitoring,
  kEducation,
  kAssets,
  kHotline,
  kApplications,
  kRegistry
};
inline constexpr size_t kFeedCount = 13;
inline constexpr size_t kMaxColumns = 14;

struct Column {
  std::string_view zh;
  std::string_view en;
};

// "population", "medical", … "registry".
std::string_view feed_name(Feed feed);
std::span<const Column> feed_columns(Feed feed);
inline Feed feed_at(size_t index) {
  return static_cast<Feed>(index);
}

}  // namespace faxian::gen
