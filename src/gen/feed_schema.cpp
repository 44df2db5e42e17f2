#include "gen/feed_schema.hpp"

namespace faxian::gen {
namespace {

constexpr Column kPopulation[] = {
    {"户号", "household_no"},    {"身份证号", "id_number"},      {"姓名", "name"},
    {"与户主关系", "relation"},  {"村社区代码", "village_code"}, {"住址", "address"},
    {"民族", "ethnicity"},       {"户口性质", "hukou_type"},     {"联系电话", "phone"},
    {"变动类型", "change_type"}, {"变动日期", "change_date"}};
constexpr Column kMedical[] = {
    {"结算单号", "settlement_no"},  {"身份证号", "id_number"},   {"姓名", "name"},
    {"结算日期", "settle_date"},    {"结算类型", "settle_kind"}, {"就诊类型", "visit_type"},
    {"医疗总费用", "total_cost"},   {"统筹支付", "fund_paid"},   {"大病保险支付", "critical_paid"},
    {"医疗救助支付", "aid_paid"},   {"个人自付", "self_paid"},   {"诊断编码", "diagnosis_code"},
    {"诊断名称", "diagnosis_name"}, {"医疗机构", "hospital"}};
constexpr Column kEmployment[] = {{"身份证号", "id_number"}, {"姓名", "name"},
                                  {"事件类型", "event"},     {"事件日期", "event_date"},
                                  {"单位名称", "employer"},  {"缴费基数", "contribution_base"}};
constexpr Column kIncome[] = {{"身份证号", "id_number"}, {"姓名", "name"},
                              {"所属期", "month"},       {"收入类型", "income_type"},
                              {"金额", "amount"},        {"来源", "source_dept"}};
constexpr Column kDisability[] = {{"身份证号", "id_number"},  {"姓名", "name"},
                                  {"残疾类别", "category"},   {"残疾等级", "grade"},
                                  {"发证日期", "issue_date"}, {"状态", "status"}};
constexpr Column kDeath[] = {
    {"身份证号", "id_number"}, {"姓名", "name"}, {"死亡日期", "death_date"}};
constexpr Column kDisaster[] = {{"身份证号", "id_number"},      {"姓名", "name"},
                                {"村社区代码", "village_code"}, {"灾害类型", "disaster_type"},
                                {"受灾日期", "date"},           {"受灾程度", "damage"},
                                {"直接经济损失", "loss"}};
constexpr Column kMonitoring[] = {
    {"身份证号", "id_number"},        {"姓名", "name"},
    {"监测对象类别", "monitor_type"}, {"主要风险", "risk"},
    {"识别日期", "identified_date"},  {"风险是否消除", "risk_cleared"},
    {"消除日期", "cleared_date"}};
constexpr Column kEducation[] = {{"身份证号", "id_number"}, {"姓名", "name"},
                                 {"学段", "stage"},         {"学年", "school_year"},
                                 {"学费住宿费", "fees"},    {"已获资助", "aid"}};
constexpr Column kAssets[] = {
    {"身份证号", "id_number"}, {"姓名", "name"},  {"财产类型", "asset_type"}, {"登记日期", "date"},
    {"描述", "description"},   {"估值", "value"}, {"状态", "status"}};
constexpr Column kHotline[] = {{"工单号", "ticket_no"},        {"来电时间", "call_time"},
                               {"来电人", "caller_name"},      {"联系电话", "caller_phone"},
                               {"身份证号", "id_number"},      {"求助人姓名", "subject_name"},
                               {"村社区代码", "village_code"}, {"地址", "address"},
                               {"诉求类型", "category"},       {"诉求内容", "content"}};
constexpr Column kApplications[] = {
    {"申请编号", "application_no"}, {"身份证号", "id_number"},  {"姓名", "name"},
    {"申请类别", "type"},           {"申请日期", "apply_date"}, {"审批结果", "result"},
    {"结果日期", "result_date"},    {"原因", "reason"}};
constexpr Column kRegistry[] = {{"身份证号", "id_number"},     {"姓名", "name"},
                                {"户号", "household_no"},      {"类别", "category"},
                                {"开始日期", "start_date"},    {"结束日期", "end_date"},
                                {"保障金额", "monthly_amount"}};

}  // namespace

std::string_view feed_name(Feed feed) {
  static constexpr std::array<std::string_view, kFeedCount> kNames = {
      "population", "medical", "employment", "income",
      "disability", "death",   "disaster",   "poverty_monitoring",
      "education",  "assets",  "hotline",    "applications",
      "registry"};
  return kNames[static_cast<size_t>(feed)];
}

std::span<const Column> feed_columns(Feed feed) {
  switch (feed) {
    case Feed::kPopulation:
      return kPopulation;
    case Feed::kMedical:
      return kMedical;
    case Feed::kEmployment:
      return kEmployment;
    case Feed::kIncome:
      return kIncome;
    case Feed::kDisability:
      return kDisability;
    case Feed::kDeath:
      return kDeath;
    case Feed::kDisaster:
      return kDisaster;
    case Feed::kPovertyMonitoring:
      return kMonitoring;
    case Feed::kEducation:
      return kEducation;
    case Feed::kAssets:
      return kAssets;
    case Feed::kHotline:
      return kHotline;
    case Feed::kApplications:
      return kApplications;
    case Feed::kRegistry:
      return kRegistry;
  }
  return {};
}

}  // namespace faxian::gen
