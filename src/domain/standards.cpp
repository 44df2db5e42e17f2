#include "domain/standards.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "common/file_util.hpp"
#include "domain/feed_enums.hpp"
#include "domain/toml_values.hpp"

namespace faxian {
namespace {

// All toml++ access stays in this file; toml::parse_error is caught in parse_standards_toml.

constexpr toml_values::FileKind kStandardsFile{"救助标准文件", "standards file"};

tl::unexpected<Error> key_error(std::string_view key, std::string_view zh, std::string_view en) {
  return toml_values::key_error(kStandardsFile, key, zh, en);
}

Result<void> check_known_keys(const toml::table& table, std::string_view where,
                              std::initializer_list<std::string_view> known) {
  return toml_values::check_known_keys(kStandardsFile, table, where, known);
}

Result<int64_t> scaled_number(const toml::node* node, std::string_view key, int decimals) {
  return toml_values::scaled_number(kStandardsFile, node, key, decimals);
}

Result<Money> positive_money(const toml::table& table, std::string_view name,
                             std::string_view where) {
  const std::string key = fmt::format("{}{}", where, name);
  auto fen = scaled_number(table.get(name), key, 2);
  if (!fen)
    return tl::unexpected(fen.error());
  if (*fen <= 0)
    return key_error(key, "应大于 0", "must be positive");
  return Money::from_fen(*fen);
}

Result<int> positive_int(const toml::table& table, std::string_view name, std::string_view where,
                         int fallback) {
  const toml::node* node = table.get(name);
  if (node == nullptr)
    return fallback;
  const std::string key = fmt::format("{}{}", where, name);
  auto value = node->value_exact<int64_t>();
  if (!value)
    return key_error(key, "应为整数", "must be an integer");
  if (*value <= 0 || *value > 1000)
    return key_error(key, "应为正整数", "must be positive");
  return static_cast<int>(*value);
}

Result<Date> date_value(const toml::node* node, std::string_view key) {
  if (node == nullptr)
    return key_error(key, "缺少此项", "missing");
  if (auto date = node->value_exact<toml::date>()) {
    return Date::from_ymd(date->year, date->month, date->day);
  }
  if (auto text = node->value_exact<std::string>()) {
    auto date = Date::parse_iso(*text);
    if (date)
      return date;
  }
  return key_error(key, "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD");
}

struct Provenance {
  std::string source;
  bool confirmed = true;
};

Result<Provenance> provenance(const toml::table& table, std::string_view where) {
  Provenance result;
  if (const toml::node* source = table.get("source")) {
    auto text = source->value_exact<std::string>();
    if (!text)
      return key_error(fmt::format("{}source", where), "应为文本", "must be a string");
    result.source = *text;
  }
  if (const toml::node* confirmed = table.get("confirmed")) {
    auto flag = confirmed->value_exact<bool>();
    if (!flag) {
      return key_error(fmt::format("{}confirmed", where), "应为 true 或 false", "must be bool");
    }
    result.confirmed = *flag;
  }
  return result;
}

Result<StandardsPeriod> parse_period(const toml::table& table, std::string_view where) {
  FAXIAN_TRY(check_known_keys(
      table, where, {"from", "dibao_urban", "dibao_rural", "tekun", "source", "confirmed"}));
  auto from = date_value(table.get("from"), fmt::format("{}from", where));
  if (!from)
    return tl::unexpected(from.error());
  auto urban = positive_money(table, "dibao_urban", where);
  if (!urban)
    return tl::unexpected(urban.error());
  auto rural = positive_money(table, "dibao_rural", where);
  if (!rural)
    return tl::unexpected(rural.error());
  auto tekun = positive_money(table, "tekun", where);
  if (!tekun)
    return tl::unexpected(tekun.error());
  auto origin = provenance(table, where);
  if (!origin)
    return tl::unexpected(origin.error());
  return StandardsPeriod{*from, *urban, *rural, *tekun, origin->source, origin->confirmed};
}

Result<DisposableIncome> parse_disposable(const toml::table& table, std::string_view where) {
  FAXIAN_TRY(check_known_keys(table, where, {"year", "urban", "rural", "source", "confirmed"}));
  auto year = table.get("year") ? table.get("year")->value_exact<int64_t>() : std::nullopt;
  if (!year || *year < 1900 || *year > 2200) {
    return key_error(fmt::format("{}year", where), "应为年份", "must be a year");
  }
  auto urban = positive_money(table, "urban", where);
  if (!urban)
    return tl::unexpected(urban.error());
  auto rural = positive_money(table, "rural", where);
  if (!rural)
    return tl::unexpected(rural.error());
  auto origin = provenance(table, where);
  if (!origin)
    return tl::unexpected(origin.error());
  return DisposableIncome{static_cast<int>(*year), *urban, *rural, origin->source,
                          origin->confirmed};
}

// Each element of the array-of-tables `name`, parsed by `parse_one`.
template <typename T, typename ParseOne>
Result<std::vector<T>> parse_table_array(const toml::table& root, std::string_view name,
                                         ParseOne parse_one) {
  std::vector<T> items;
  const toml::node* node = root.get(name);
  if (node == nullptr)
    return items;
  const toml::array* array = node->as_array();
  if (array == nullptr)
    return key_error(name, "应为 [[表数组]]", "must be an array of tables");
  for (std::size_t index = 0; index < array->size(); ++index) {
    const toml::table* table = array->get(index)->as_table();
    const std::string where = fmt::format("[[{}]] 第 {} 项 ", name, index + 1);
    if (table == nullptr)
      return key_error(where, "应为表", "must be a table");
    auto item = parse_one(*table, where);
    if (!item)
      return tl::unexpected(item.error());
    items.push_back(std::move(*item));
  }
  return items;
}

Result<void> check_order(const Standards& standards) {
  if (standards.periods.empty()) {
    return key_error("[[period]]", "至少需要一个标准期间", "at least one period is required");
  }
  for (std::size_t index = 1; index < standards.periods.size(); ++index) {
    if (standards.periods[index].from <= standards.periods[index - 1].from) {
      return key_error("[[period]]", "期间的 from 应按时间递增且不重复",
                       "periods must be sorted by `from` without duplicates");
    }
  }
  for (std::size_t index = 1; index < standards.disposable_income.size(); ++index) {
    if (standards.disposable_income[index].year <= standards.disposable_income[index - 1].year) {
      return key_error("[[disposable_income]]", "year 应递增且不重复",
                       "years must be sorted without duplicates");
    }
  }
  return ok();
}

const toml::table* section(const toml::table& root, std::string_view name) {
  const toml::node* node = root.get(name);
  return node == nullptr ? nullptr : node->as_table();
}

Result<void> parse_assets(const toml::table& root, Standards& standards) {
  const toml::table* assets = section(root, "assets");
  if (assets == nullptr)
    return ok();
  FAXIAN_TRY(check_known_keys(*assets, "[assets] ", {"vehicle_exempt_value", "deposit_months"}));
  if (assets->get("vehicle_exempt_value") != nullptr) {
    auto value = positive_money(*assets, "vehicle_exempt_value", "[assets] ");
    if (!value)
      return tl::unexpected(value.error());
    standards.vehicle_exempt_value = *value;
  }
  auto months = positive_int(*assets, "deposit_months", "[assets] ", standards.deposit_months);
  if (!months)
    return tl::unexpected(months.error());
  standards.deposit_months = *months;
  return ok();
}

// A ratio in basis points within (0, max_bp].
Result<int> ratio_bp(const toml::table& table, std::string_view name, std::string_view where,
                     int fallback, int max_bp) {
  if (table.get(name) == nullptr)
    return fallback;
  const std::string key = fmt::format("{}{}", where, name);
  auto bp = scaled_number(table.get(name), key, 4);
  if (!bp)
    return tl::unexpected(bp.error());
  if (*bp <= 0 || *bp > max_bp) {
    return key_error(key, "比例超出合理范围", "ratio out of range");
  }
  return static_cast<int>(*bp);
}

Result<void> parse_ratios(const toml::table& root, Standards& standards) {
  if (const toml::table* rigid = section(root, "rigid")) {
    FAXIAN_TRY(check_known_keys(*rigid, "[rigid] ", {"share_of_income"}));
    auto bp = ratio_bp(*rigid, "share_of_income", "[rigid] ", standards.rigid_share_bp, 10000);
    if (!bp)
      return tl::unexpected(bp.error());
    standards.rigid_share_bp = *bp;
  }
  if (const toml::table* edge = section(root, "edge")) {
    FAXIAN_TRY(check_known_keys(*edge, "[edge] ", {"multiple"}));
    auto bp = ratio_bp(*edge, "multiple", "[edge] ", standards.edge_multiple_bp, 100000);
    if (!bp)
      return tl::unexpected(bp.error());
    standards.edge_multiple_bp = *bp;
  }
  return ok();
}

Result<void> parse_income(const toml::table& root, Standards& standards) {
  const toml::table* income = section(root, "income");
  if (income == nullptr)
    return ok();
  FAXIAN_TRY(check_known_keys(*income, "[income] ", {"excluded_types"}));
  const toml::node* node = income->get("excluded_types");
  if (node == nullptr)
    return ok();
  const toml::array* array = node->as_array();
  if (array == nullptr)
    return key_error("[income] excluded_types", "应为数组", "must be array");
  for (const toml::node& element : *array) {
    auto text = element.value_exact<std::string>();
    auto type = text ? find_enum<IncomeType>(*text) : std::nullopt;
    if (!type) {
      return key_error("[income] excluded_types",
                       fmt::format("收入类型应为：{}", enum_label_list<IncomeType>()),
                       "unknown income type");
    }
    standards.excluded_income_types.emplace_back(enum_label(*type));
  }
  return ok();
}

Result<void> parse_temporary(const toml::table& root, Standards& standards) {
  const toml::table* temporary = section(root, "temporary");
  if (temporary == nullptr)
    return ok();
  FAXIAN_TRY(
      check_known_keys(*temporary, "[temporary] ", {"quick_aid_months", "township_aid_months"}));
  auto quick =
      positive_int(*temporary, "quick_aid_months", "[temporary] ", standards.quick_aid_months);
  if (!quick)
    return tl::unexpected(quick.error());
  auto township = positive_int(*temporary, "township_aid_months", "[temporary] ",
                               standards.township_aid_months);
  if (!township)
    return tl::unexpected(township.error());
  standards.quick_aid_months = *quick;
  standards.township_aid_months = *township;
  return ok();
}

Result<Standards> standards_from_table(const toml::table& root) {
  FAXIAN_TRY(check_known_keys(
      root, "", {"period", "disposable_income", "assets", "rigid", "edge", "income", "temporary"}));
  Standards standards;
  auto periods = parse_table_array<StandardsPeriod>(root, "period", parse_period);
  if (!periods)
    return tl::unexpected(periods.error());
  standards.periods = std::move(*periods);
  auto incomes = parse_table_array<DisposableIncome>(root, "disposable_income", parse_disposable);
  if (!incomes)
    return tl::unexpected(incomes.error());
  standards.disposable_income = std::move(*incomes);
  FAXIAN_TRY(check_order(standards));
  FAXIAN_TRY(parse_assets(root, standards));
  FAXIAN_TRY(parse_ratios(root, standards));
  FAXIAN_TRY(parse_income(root, standards));
  FAXIAN_TRY(parse_temporary(root, standards));
  return standards;
}

}  // namespace

const StandardsPeriod* Standards::period_on(Date date) const {
  const StandardsPeriod* in_force = nullptr;
  for (const StandardsPeriod& period : periods) {
    if (period.from <= date)
      in_force = &period;
  }
  return in_force;
}

Result<Money> Standards::dibao_on(Date date, AreaType area) const {
  const StandardsPeriod* period = period_on(date);
  if (period == nullptr) {
    return fail(ErrorCode::kUnavailable, fmt::format("{} 没有适用的低保标准", date.iso()),
                fmt::format("no standards period covers {}", date.iso()));
  }
  return area == AreaType::kUrban ? period->dibao_urban : period->dibao_rural;
}

Result<DisposableIncome> Standards::disposable_for_year(int year, bool* gap) const {
  const DisposableIncome* found = nullptr;
  for (const DisposableIncome& row : disposable_income) {
    if (row.year <= year)
      found = &row;
  }
  if (found == nullptr) {
    return fail(ErrorCode::kUnavailable, fmt::format("没有 {} 年及以前的人均可支配收入数据", year),
                fmt::format("no disposable income for {} or earlier", year));
  }
  if (gap != nullptr)
    *gap = found->year != year;
  return *found;
}

Result<Standards> parse_standards_toml(std::string_view toml_text) {
  try {
    toml::table root = toml::parse(toml_text);
    auto standards = standards_from_table(root);
    if (standards)
      standards->toml_text = std::string(toml_text);
    return standards;
  } catch (const toml::parse_error& error) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("救助标准文件第 {} 行第 {} 列语法错误：{}", error.source().begin.line,
                            error.source().begin.column, error.description()),
                fmt::format("TOML syntax error at {}:{}: {}", error.source().begin.line,
                            error.source().begin.column, error.description()));
  } catch (const std::exception& error) {
    return fail(ErrorCode::kInvalidArgument, "救助标准文件无法解析",
                fmt::format("TOML error: {}", error.what()));
  }
}

Result<Standards> load_standards_file(const std::string& path) {
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  return parse_standards_toml(*text);
}

}  // namespace faxian
