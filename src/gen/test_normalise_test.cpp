// Normalisation helpers for the generator tests (see test_normalise.hpp); no tests here.

#include <map>
#include <vector>

#include <fmt/format.h>

#include "common/date.hpp"
#include "common/money.hpp"
#include "common/resident_id.hpp"
#include "common/text.hpp"
#include "gen/test_normalise.hpp"

namespace faxian::gen::testing {
namespace {

struct EnumValue {
  std::string_view zh;
  std::string_view alias;
  std::string_view code = {};
};

// The enums of 20-feeds.md by column, typed again from the spec for the tests.
const std::map<std::string_view, std::vector<EnumValue>>& enums() {
  static const std::map<std::string_view, std::vector<EnumValue>> table = {
      {"与户主关系",
       {{"户主", "head"},
        {"配偶", "spouse"},
        {"子", "son"},
        {"女", "daughter"},
        {"孙子女", "grandchild"},
        {"父母", "parent"},
        {"祖父母", "grandparent"},
        {"兄弟姐妹", "sibling"},
        {"其他", "other"}}},
      {"民族",
       {{"汉族", "han", "01"},
        {"土家族", "tujia", "15"},
        {"苗族", "miao", "06"},
        {"侗族", "dong", "12"},
        {"布依族", "buyei", "09"},
        {"仡佬族", "gelao", "37"}}},
      {"户口性质",
       {{"农业", "agricultural"}, {"非农业", "non_agricultural"}, {"居民", "resident"}}},
      {"变动类型",
       {{"新增", "add"}, {"迁出", "move_out"}, {"死亡注销", "death"}, {"变更", "update"}}},
      {"结算类型", {{"正常", "normal"}, {"冲销", "reversal"}}},
      {"就诊类型", {{"门诊", "outpatient"}, {"住院", "inpatient"}, {"门诊慢特病", "chronic"}}},
      {"事件类型",
       {{"失业登记", "unemployed"},
        {"就业登记", "employed"},
        {"社保断缴", "contribution_stopped"},
        {"领取失业保险金", "unemployment_benefit"},
        {"灵活就业登记", "flexible"},
        {"退休", "retired"}}},
      {"收入类型",
       {{"工资薪金", "wage"},
        {"养老金", "pension"},
        {"失业保险金", "unemployment_benefit"},
        {"经营所得", "business"},
        {"其他", "other"}}},
      {"残疾类别",
       {{"视力", "visual"},
        {"听力", "hearing"},
        {"言语", "speech"},
        {"肢体", "physical"},
        {"智力", "intellectual"},
        {"精神", "mental"},
        {"多重", "multiple"}}},
      {"残疾等级", {{"一级", "1"}, {"二级", "2"}, {"三级", "3"}, {"四级", "4"}}},
      {"状态", {{"有效", "valid"}, {"注销", "revoked"}}},
      {"灾害类型",
       {{"洪涝", "flood"},
        {"地质灾害", "geological"},
        {"风雹", "hail"},
        {"干旱", "drought"},
        {"火灾", "fire"},
        {"地震", "earthquake"},
        {"疫情", "epidemic"},
        {"其他", "other"}}},
      {"受灾程度",
       {{"房屋倒塌", "house_collapsed"},
        {"房屋严重损坏", "house_severe"},
        {"房屋一般损坏", "house_minor"},
        {"农作物绝收", "crop_total_loss"},
        {"农作物受损", "crop_damage"},
        {"人员伤亡", "casualty"},
        {"其他", "other"}}},
      {"监测对象类别",
       {{"脱贫户", "alleviated"},
        {"脱贫不稳定户", "unstable"},
        {"边缘易致贫户", "edge"},
        {"突发严重困难户", "sudden_hardship"}}},
      {"主要风险",
       {{"因病", "illness"},
        {"因残", "disability"},
        {"因学", "education"},
        {"因灾", "disaster"},
        {"因意外事故", "accident"},
        {"因务工就业不稳", "employment"},
        {"因产业项目失败", "business"},
        {"其他", "other"}}},
      {"风险是否消除", {{"是", ""}, {"否", ""}}},
      {"学段",
       {{"学前", ""},
        {"小学", ""},
        {"初中", ""},
        {"高中", ""},
        {"中职", ""},
        {"高职", ""},
        {"本科", ""},
        {"研究生", ""}}},
      {"财产类型",
       {{"机动车", "vehicle"},
        {"不动产", "real_estate"},
        {"工商登记", "business"},
        {"存款", "deposit"},
        {"其他", "other"}}},
      {"诉求类型",
       {{"生活困难", "living"},
        {"医疗", "medical"},
        {"住房", "housing"},
        {"就学", "education"},
        {"就业", "employment"},
        {"残疾", "disability"},
        {"养老", "elderly"},
        {"其他", "other"}}},
      {"申请类别",
       {{"低保", "dibao"},
        {"特困", "tekun"},
        {"临时救助", "temporary"},
        {"医疗救助", "medical"},
        {"教育救助", "education"},
        {"住房救助", "housing"},
        {"其他", "other"}}},
      {"审批结果",
       {{"批准", "approved"},
        {"不予批准", "rejected"},
        {"撤回", "withdrawn"},
        {"审核中", "pending"}}},
      {"类别",
       {{"低保", "dibao"},
        {"特困", "tekun"},
        {"低保边缘", "dibao_edge"},
        {"刚性支出困难", "expenditure_hardship"},
        {"支出型困难", "expenditure_hardship"},
        {"临时救助", "temp_assisted"},
        {"孤儿", "orphan"},
        {"事实无人抚养儿童", "unsupported_child"}}},
  };
  return table;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// 2023-01-05, 2023/1/5, 2023.1.5, 20230105, 2023年1月5日.
std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  if (text.size() == 8 && all_digits(text)) {
    auto date = Date::from_ymd(std::stoi(std::string(text.substr(0, 4))),
                               std::stoi(std::string(text.substr(4, 2))),
                               std::stoi(std::string(text.substr(6, 2))));
    return date ? std::optional(*date) : std::nullopt;
  }
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      parts.back() += static_cast<char>(c);
      ++i;
    } else {
      const size_t width = c < 0x80 ? 1 : 3;  // '-', '/', '.', or 年 月 日
      if (!parts.back().empty())
        parts.emplace_back();
      i += width;
    }
  }
  if (parts.back().empty())
    parts.pop_back();
  if (parts.size() != 3 || parts[0].size() != 4)
    return std::nullopt;
  for (const auto& part : parts) {
    if (!all_digits(part) || part.size() > 4)
      return std::nullopt;
  }
  auto date = Date::from_ymd(std::stoi(parts[0]), std::stoi(parts[1]), std::stoi(parts[2]));
  return date ? std::optional(*date) : std::nullopt;
}

std::optional<std::string> parse_month(std::string_view text) {
  text = trim(text);
  int year = 0, month = 0;
  if (text.size() == 6 && all_digits(text)) {
    year = std::stoi(std::string(text.substr(0, 4)));
    month = std::stoi(std::string(text.substr(4, 2)));
  } else if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) &&
             all_digits(text.substr(5))) {
    year = std::stoi(std::string(text.substr(0, 4)));
    month = std::stoi(std::string(text.substr(5)));
  } else if (text.size() > 7 && text.substr(4, 3) == "年" && text.ends_with("月")) {
    year = std::stoi(std::string(text.substr(0, 4)));
    const std::string_view number = text.substr(7, text.size() - 10);
    if (!all_digits(number))
      return std::nullopt;
    month = std::stoi(std::string(number));
  } else {
    return std::nullopt;
  }
  auto parsed = Month::from_ym(year, month);
  return parsed ? std::optional(parsed->iso()) : std::nullopt;
}

std::optional<std::string> parse_datetime(std::string_view text) {
  text = trim(text);
  const size_t space = text.rfind(' ');
  if (space == std::string_view::npos)
    return std::nullopt;
  const auto date = parse_date(text.substr(0, space));
  std::string time(text.substr(space + 1));
  if (time.size() == 5)
    time += ":00";
  if (!date || time.size() != 8 || time[2] != ':' || time[5] != ':')
    return std::nullopt;
  return date->iso() + " " + time;
}

}  // namespace

ColumnKind column_kind(std::string_view column) {
  static const std::map<std::string_view, ColumnKind> kinds = {
      {"身份证号", ColumnKind::kId},        {"来电时间", ColumnKind::kDateTime},
      {"所属期", ColumnKind::kMonth},       {"变动日期", ColumnKind::kDate},
      {"结算日期", ColumnKind::kDate},      {"事件日期", ColumnKind::kDate},
      {"发证日期", ColumnKind::kDate},      {"死亡日期", ColumnKind::kDate},
      {"受灾日期", ColumnKind::kDate},      {"识别日期", ColumnKind::kDate},
      {"消除日期", ColumnKind::kDate},      {"登记日期", ColumnKind::kDate},
      {"申请日期", ColumnKind::kDate},      {"结果日期", ColumnKind::kDate},
      {"开始日期", ColumnKind::kDate},      {"结束日期", ColumnKind::kDate},
      {"医疗总费用", ColumnKind::kMoney},   {"统筹支付", ColumnKind::kMoney},
      {"大病保险支付", ColumnKind::kMoney}, {"医疗救助支付", ColumnKind::kMoney},
      {"个人自付", ColumnKind::kMoney},     {"缴费基数", ColumnKind::kMoney},
      {"金额", ColumnKind::kMoney},         {"直接经济损失", ColumnKind::kMoney},
      {"学费住宿费", ColumnKind::kMoney},   {"已获资助", ColumnKind::kMoney},
      {"估值", ColumnKind::kMoney},         {"保障金额", ColumnKind::kMoney}};
  if (auto it = kinds.find(column); it != kinds.end())
    return it->second;
  if (enums().count(column))
    return ColumnKind::kEnum;
  return ColumnKind::kText;
}

std::optional<std::string> normalise(std::string_view column, std::string_view value) {
  const std::string_view trimmed = trim(value);
  if (trimmed.empty())
    return std::string();
  switch (column_kind(column)) {
    case ColumnKind::kText:
      return std::string(value);
    case ColumnKind::kId: {
      auto id = ResidentId::parse(value);
      return id ? std::optional(id->str()) : std::nullopt;
    }
    case ColumnKind::kDate: {
      auto date = parse_date(trimmed);
      return date ? std::optional(date->iso()) : std::nullopt;
    }
    case ColumnKind::kDateTime:
      return parse_datetime(trimmed);
    case ColumnKind::kMonth:
      return parse_month(trimmed);
    case ColumnKind::kMoney: {
      auto money = Money::parse_yuan(trimmed);
      return money ? std::optional(fmt::format("{}", money->fen())) : std::nullopt;
    }
    case ColumnKind::kEnum: {
      const std::string key = lower(trimmed);
      for (const EnumValue& option : enums().at(column)) {
        if (trimmed == option.zh || (!option.alias.empty() && key == option.alias) ||
            (!option.code.empty() && trimmed == option.code)) {
          return std::string(option.zh == "支出型困难" ? "刚性支出困难" : option.zh);
        }
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string chinese_header(std::string_view feed, std::string_view name) {
  static const std::map<std::string_view,
                        std::vector<std::pair<std::string_view, std::string_view>>>
      headers = {
          {"population",
           {{"户号", "household_no"},
            {"身份证号", "id_number"},
            {"姓名", "name"},
            {"与户主关系", "relation"},
            {"村社区代码", "village_code"},
            {"住址", "address"},
            {"民族", "ethnicity"},
            {"户口性质", "hukou_type"},
            {"联系电话", "phone"},
            {"变动类型", "change_type"},
            {"变动日期", "change_date"}}},
          {"medical",
           {{"结算单号", "settlement_no"},
            {"身份证号", "id_number"},
            {"姓名", "name"},
            {"结算日期", "settle_date"},
            {"结算类型", "settle_kind"},
            {"就诊类型", "visit_type"},
            {"医疗总费用", "total_cost"},
            {"统筹支付", "fund_paid"},
            {"大病保险支付", "critical_paid"},
            {"医疗救助支付", "aid_paid"},
            {"个人自付", "self_paid"},
            {"诊断编码", "diagnosis_code"},
            {"诊断名称", "diagnosis_name"},
            {"医疗机构", "hospital"}}},
          {"employment",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"事件类型", "event"},
            {"事件日期", "event_date"},
            {"单位名称", "employer"},
            {"缴费基数", "contribution_base"}}},
          {"income",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"所属期", "month"},
            {"收入类型", "income_type"},
            {"金额", "amount"},
            {"来源", "source_dept"}}},
          {"disability",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"残疾类别", "category"},
            {"残疾等级", "grade"},
            {"发证日期", "issue_date"},
            {"状态", "status"}}},
          {"death", {{"身份证号", "id_number"}, {"姓名", "name"}, {"死亡日期", "death_date"}}},
          {"disaster",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"村社区代码", "village_code"},
            {"灾害类型", "disaster_type"},
            {"受灾日期", "date"},
            {"受灾程度", "damage"},
            {"直接经济损失", "loss"}}},
          {"poverty_monitoring",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"监测对象类别", "monitor_type"},
            {"主要风险", "risk"},
            {"识别日期", "identified_date"},
            {"风险是否消除", "risk_cleared"},
            {"消除日期", "cleared_date"}}},
          {"education",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"学段", "stage"},
            {"学年", "school_year"},
            {"学费住宿费", "fees"},
            {"已获资助", "aid"}}},
          {"assets",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"财产类型", "asset_type"},
            {"登记日期", "date"},
            {"描述", "description"},
            {"估值", "value"},
            {"状态", "status"}}},
          {"hotline",
           {{"工单号", "ticket_no"},
            {"来电时间", "call_time"},
            {"来电人", "caller_name"},
            {"联系电话", "caller_phone"},
            {"身份证号", "id_number"},
            {"求助人姓名", "subject_name"},
            {"村社区代码", "village_code"},
            {"地址", "address"},
            {"诉求类型", "category"},
            {"诉求内容", "content"}}},
          {"applications",
           {{"申请编号", "application_no"},
            {"身份证号", "id_number"},
            {"姓名", "name"},
            {"申请类别", "type"},
            {"申请日期", "apply_date"},
            {"审批结果", "result"},
            {"结果日期", "result_date"},
            {"原因", "reason"}}},
          {"registry",
           {{"身份证号", "id_number"},
            {"姓名", "name"},
            {"户号", "household_no"},
            {"类别", "category"},
            {"开始日期", "start_date"},
            {"结束日期", "end_date"},
            {"保障金额", "monthly_amount"}}},
      };
  auto feed_headers = headers.find(feed);
  if (feed_headers == headers.end())
    return {};
  for (const auto& [zh, en] : feed_headers->second) {
    if (name == zh || name == en)
      return std::string(zh);
  }
  return {};
}

}  // namespace faxian::gen::testing
