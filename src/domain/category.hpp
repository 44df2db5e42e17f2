#pragma once
// 救助类别: the categories a household or a person holds, each with a validity period and its
// source. The low-income population (低收入人口) is the union of the low-income categories.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "domain/enum_table.hpp"
#include "domain/feed_enums.hpp"

namespace faxian {

enum class CategoryKind {
  kDibao,                     // 低保
  kTekun,                     // 特困供养
  kDibaoEdge,                 // 低保边缘
  kExpenditureHardship,       // 刚性支出困难 (formerly 支出型困难)
  kPovertyMonitoring,         // 防返贫监测对象 (sub-type: MonitorType)
  kPovertyAlleviated,         // 脱贫人口
  kTempAssisted,              // 临时救助对象
  kRejectedApplicant,         // 曾申请未获批
  kOrphanOrUnsupportedChild,  // 孤儿/事实无人抚养儿童 (sub-type: orphan | unsupported_child)
};

// Where a category came from.
enum class CategorySource {
  kRegistry,           // 救助对象名册 feed
  kPovertyMonitoring,  // 防返贫监测 feed
  kApplications,       // 救助申请历史 feed (曾申请未获批)
  kWorkflow,           // an approved application in Faxian
  kManual,             // entered by an officer
};

FAXIAN_DECLARE_ENUM_TABLE(CategoryKind, "救助类别", std::nullopt);
FAXIAN_DECLARE_ENUM_TABLE(CategorySource, "类别来源", std::nullopt);

// Low-income categories (30-screening.md): all but 临时救助对象 and 曾申请未获批.
bool is_low_income(CategoryKind kind);

struct Category {
  int64_t id = 0;  // store id; 0 until stored
  CategoryKind kind = CategoryKind::kDibao;
  std::optional<int64_t> household_id{};  // held by a household, or
  std::optional<int64_t> person_id{};     // by a person (at least one is set)
  Date start{};                           // first day held
  std::optional<Date> end{};              // last day held (inclusive); none = open
  // kPovertyMonitoring: the MonitorType key ("unstable", "edge", "sudden_hardship");
  // kOrphanOrUnsupportedChild: "orphan" or "unsupported_child"; otherwise empty.
  std::string subtype{};
  CategorySource source = CategorySource::kManual;
  std::string source_ref{};  // e.g. the feed record id or the application number

  // Held on `date`: start ≤ date ≤ end (blank end = open).
  bool active_on(Date date) const { return start <= date && (!end || date <= *end); }

  bool operator==(const Category&) const = default;
};

// The category kind and sub-type a `registry` row gives (孤儿 and 事实无人抚养儿童 share a kind).
struct CategoryFromRegistry {
  CategoryKind kind{};
  std::string_view subtype{};
};
CategoryFromRegistry category_from_registry(RegistryCategory registry_category);

// The categories in `categories` held on `date`.
std::vector<Category> active_categories(std::span<const Category> categories, Date date);

}  // namespace faxian
