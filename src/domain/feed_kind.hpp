#pragma once
// The 13 department data feeds of 20-feeds.md (数据交换). The key is the feed's fixed name
// (`faxian import --feed NAME`, `/api/v1/feeds/{feed}`), the label its Chinese name.

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "domain/enum_table.hpp"

namespace faxian {

enum class FeedKind {
  kPopulation,         // 户籍人口 (公安)
  kMedical,            // 医保结算 (医保局)
  kEmployment,         // 就业与社保变动 (人社局)
  kIncome,             // 收入 (人社/税务/公积金)
  kDisability,         // 残疾人 (残联)
  kDeath,              // 死亡 (公安/殡葬)
  kDisaster,           // 受灾 (应急管理局)
  kPovertyMonitoring,  // 防返贫监测 (乡村振兴/农业农村)
  kEducation,          // 教育 (教育局)
  kAssets,             // 财产 (车管/不动产/市场监管/金融)
  kHotline,            // 热线工单 (12345/12349)
  kApplications,       // 救助申请历史 (existing assistance system)
  kRegistry,           // 救助对象名册 (existing assistance system)
};

inline constexpr std::array<FeedKind, 13> kAllFeeds = {
    FeedKind::kPopulation, FeedKind::kMedical, FeedKind::kEmployment, FeedKind::kIncome,
    FeedKind::kDisability, FeedKind::kDeath,   FeedKind::kDisaster,   FeedKind::kPovertyMonitoring,
    FeedKind::kEducation,  FeedKind::kAssets,  FeedKind::kHotline,    FeedKind::kApplications,
    FeedKind::kRegistry,
};

FAXIAN_DECLARE_ENUM_TABLE(FeedKind, "数据类型", std::nullopt);

// The feed's fixed English name, e.g. "poverty_monitoring" (same as enum_key).
std::string_view feed_name(FeedKind feed);
// The departments that send the feed, e.g. "医保局".
std::string_view feed_department(FeedKind feed);
// A feed by its fixed English name (case-insensitive) or Chinese name.
std::optional<FeedKind> find_feed(std::string_view name);

}  // namespace faxian
