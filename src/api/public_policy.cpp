// The public policy page and its self-check calculator (see public_policy.hpp).

#include "api/public_policy.hpp"

#include <cmath>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/standards_repository.hpp"

namespace faxian::api {
namespace {

constexpr const char* kNotice =
    "本结果仅供参考，不是审批决定。是否符合条件，以乡镇（街道）民政办入户核实和县民政局审批为准；"
    "本页面不会记录您填写的任何信息。";

// Yuan as a JSON number: a whole number when there are no fen.
nlohmann::json yuan(Money money) {
  if (money.fen() % 100 == 0)
    return money.fen() / 100;
  return static_cast<double>(money.fen()) / 100.0;
}

Result<std::string> hotline_number(Database& db) {
  auto value = query_one<std::string>(
      db, "SELECT value FROM workflow_settings WHERE key = 'public.hotline'", [](Statement&) {},
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
  if (!value)
    return tl::unexpected(value.error());
  return value->value_or("");
}

std::string where_to_ask(const std::string& hotline) {
  std::string text = "向户籍所在地乡镇（街道）民政办或村（社区）社会救助协理员咨询、申请";
  if (!hotline.empty())
    text += fmt::format("，或拨打社会救助热线 {}", hotline);
  return text + "。";
}

struct SelfCheckInput {
  int64_t household_size = 0;
  Money monthly_income;
  AreaType area = AreaType::kRural;
};

Result<SelfCheckInput> read_self_check(const nlohmann::json& body) {
  SelfCheckInput input;
  auto size = body.find("household_size");
  if (size == body.end() || !size->is_number_integer() || size->get<int64_t>() < 1 ||
      size->get<int64_t>() > 30) {
    return fail(ErrorCode::kInvalidArgument, "家庭人口应为 1 到 30 之间的整数",
                "bad household_size");
  }
  input.household_size = size->get<int64_t>();
  auto income = body.find("monthly_income");
  if (income == body.end() || !income->is_number() || !std::isfinite(income->get<double>()) ||
      income->get<double>() < 0 || income->get<double>() > 10'000'000) {
    return fail(ErrorCode::kInvalidArgument, "家庭月收入应为 0 到 1000 万元之间的金额（元）",
                "bad monthly_income");
  }
  input.monthly_income = Money::from_fen(std::llround(income->get<double>() * 100));
  const std::string area = body.value("area", std::string("rural"));
  if (area != "urban" && area != "rural")
    return fail(ErrorCode::kInvalidArgument, "地区类型应为 urban（城市）或 rural（农村）",
                "bad area");
  input.area = area == "urban" ? AreaType::kUrban : AreaType::kRural;
  return input;
}

nlohmann::json programme(std::string_view key, std::string_view label, bool may_apply,
                         std::string reason) {
  return {{"programme", key}, {"label", label}, {"may_apply", may_apply}, {"reason", reason}};
}

}  // namespace

Result<nlohmann::json> public_policy(Database& db, const Clock& clock, Date today) {
  Standards standards;
  FAXIAN_TRY_ASSIGN(standards, StandardsRepository(db, clock).load_latest());
  const StandardsPeriod* period = standards.period_on(today);
  if (!period)
    return fail(ErrorCode::kUnavailable, "暂无当前适用的救助标准", "no standards period today");
  std::string hotline;
  FAXIAN_TRY_ASSIGN(hotline, hotline_number(db));
  return nlohmann::json{
      {"as_of", today.iso()},
      {"in_force_from", period->from.iso()},
      {"dibao_urban_monthly", yuan(period->dibao_urban)},
      {"dibao_rural_monthly", yuan(period->dibao_rural)},
      {"tekun_monthly", yuan(period->tekun)},
      {"low_income_edge_multiple", standards.edge_multiple_bp / 10000.0},
      {"asset_limits",
       {{"deposit_months", standards.deposit_months},
        {"deposit_rule",
         fmt::format("家庭金融资产（存款、有价证券、储蓄型保险等）不超过 家庭人口 × "
                     "低保标准 × {} 个月",
                     standards.deposit_months)},
        {"vehicle_exempt_value", yuan(standards.vehicle_exempt_value)},
        {"vehicle_rule", fmt::format("一般不能拥有机动车辆（价值 {} 元以下的一辆车、残疾人功能性"
                                     "补偿代步车、普通两轮摩托车除外）",
                                     standards.vehicle_exempt_value.yuan_string())}}},
      {"source", period->source},
      {"hotline", hotline.empty() ? nlohmann::json(nullptr) : nlohmann::json(hotline)},
      {"where_to_ask", where_to_ask(hotline)},
      {"notice", kNotice}};
}

Result<nlohmann::json> public_self_check(Database& db, const Clock& clock, Date today,
                                         const nlohmann::json& body) {
  SelfCheckInput input;
  FAXIAN_TRY_ASSIGN(input, read_self_check(body));
  Standards standards;
  FAXIAN_TRY_ASSIGN(standards, StandardsRepository(db, clock).load_latest());
  Money standard;
  FAXIAN_TRY_ASSIGN(standard, standards.dibao_on(today, input.area));
  // Per-capita income and the comparisons in whole fen, rounded down as a means test would.
  const int64_t per_capita = input.monthly_income.fen() / input.household_size;
  const int64_t edge = standard.fen() * standards.edge_multiple_bp / 10000;
  const bool dibao = per_capita < standard.fen();
  const bool edge_family = !dibao && per_capita < edge;
  std::string hotline;
  FAXIAN_TRY_ASSIGN(hotline, hotline_number(db));
  nlohmann::json results = nlohmann::json::array();
  results.push_back(
      programme("dibao", "最低生活保障（低保）", dibao,
                dibao ? "家庭人均月收入低于当地低保标准，如家庭财产也符合规定，可以申请低保"
                      : "家庭人均月收入不低于当地低保标准，一般不符合低保条件"));
  results.push_back(programme(
      "low_income_edge", "低保边缘家庭", edge_family,
      edge_family ? "家庭人均月收入低于低保标准的 1.5 倍，可能被认定为低保边缘家庭，享受相应救助"
                  : "按收入测算不属于低保边缘家庭"));
  results.push_back(programme(
      "temporary", "临时救助", true,
      "遇到突发事件、意外伤害、重大疾病等导致基本生活暂时困难的，不论收入多少都可以申请临时救助"));
  return nlohmann::json{{"indicative", true},
                        {"notice", kNotice},
                        {"area", input.area == AreaType::kUrban ? "urban" : "rural"},
                        {"per_capita_monthly_income", yuan(Money::from_fen(per_capita))},
                        {"dibao_standard", yuan(standard)},
                        {"low_income_edge_line", yuan(Money::from_fen(edge))},
                        {"results", std::move(results)},
                        {"where_to_ask", where_to_ask(hotline)}};
}

}  // namespace faxian::api
