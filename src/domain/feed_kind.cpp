#include "domain/feed_kind.hpp"

namespace faxian {
namespace {

using F = FeedKind;
constexpr EnumEntry<FeedKind> kFeeds[] = {
    {F::kPopulation, "population", "户籍人口", "population", ""},
    {F::kMedical, "medical", "医保结算", "medical", ""},
    {F::kEmployment, "employment", "就业与社保变动", "employment", ""},
    {F::kIncome, "income", "收入", "income", ""},
    {F::kDisability, "disability", "残疾人", "disability", ""},
    {F::kDeath, "death", "死亡", "death", ""},
    {F::kDisaster, "disaster", "受灾", "disaster", ""},
    {F::kPovertyMonitoring, "poverty_monitoring", "防返贫监测", "poverty_monitoring", ""},
    {F::kEducation, "education", "教育", "education", ""},
    {F::kAssets, "assets", "财产", "assets", ""},
    {F::kHotline, "hotline", "热线工单", "hotline", ""},
    {F::kApplications, "applications", "救助申请历史", "applications", ""},
    {F::kRegistry, "registry", "救助对象名册", "registry", ""},
};

struct FeedDepartment {
  FeedKind feed;
  std::string_view department;
};

constexpr FeedDepartment kDepartments[] = {
    {F::kPopulation, "公安"},
    {F::kMedical, "医保局"},
    {F::kEmployment, "人社局"},
    {F::kIncome, "人社/税务/公积金"},
    {F::kDisability, "残联"},
    {F::kDeath, "公安/殡葬"},
    {F::kDisaster, "应急管理局"},
    {F::kPovertyMonitoring, "乡村振兴/农业农村"},
    {F::kEducation, "教育局"},
    {F::kAssets, "车管/不动产/市场监管/金融"},
    {F::kHotline, "12345/12349"},
    {F::kApplications, "民政（救助申请历史）"},
    {F::kRegistry, "民政（救助对象名册）"},
};

}  // namespace

std::span<const EnumEntry<FeedKind>> EnumTable<FeedKind>::entries() {
  return kFeeds;
}

std::string_view feed_name(FeedKind feed) {
  return enum_key(feed);
}

std::string_view feed_department(FeedKind feed) {
  for (const FeedDepartment& row : kDepartments) {
    if (row.feed == feed)
      return row.department;
  }
  return {};
}

std::optional<FeedKind> find_feed(std::string_view name) {
  if (auto by_alias = enum_from_alias<FeedKind>(name))
    return by_alias;
  return enum_from_label<FeedKind>(name);
}

}  // namespace faxian
