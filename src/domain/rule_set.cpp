#include "domain/rule_set.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/file_util.hpp"
#include "common/text.hpp"
#include "domain/toml_values.hpp"

namespace faxian {
namespace {

// All toml++ access stays in this file; toml::parse_error is caught in parse_rule_set_toml.

// ICD-10 codes compare case-insensitively: stored and compared in ASCII upper case.
void upper_ascii_in_place(std::string& text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
}

constexpr toml_values::FileKind kRulesFile{"规则文件", "rules file"};
constexpr std::array<std::string_view, kRuleCount> kRuleCodes = {
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08",
    "R09", "R10", "R11", "R12", "R13", "R14", "R15", "V01"};

enum Threshold : unsigned {
  kWindow = 1u << 0,
  kAmount = 1u << 1,
  kMultiple = 1u << 2,
  kShare = 1u << 3,
  kMinAge = 1u << 4,
  kMaxAge = 1u << 5,
  kCount = 1u << 6,
  kMonths = 1u << 7,
};

// The thresholds each rule reads (30-screening.md), all required in its table.
constexpr std::array<unsigned, kRuleCount> kThresholdsOf = {
    0,                                       // R01
    0,                                       // R02 (60 % is the standards file's)
    kWindow | kAmount | kMultiple | kShare,  // R03
    0,                                       // R04 (1.5 × is the standards file's)
    kWindow | kMultiple,                     // R05
    kWindow | kMinAge | kMaxAge | kShare,    // R06
    0,                                       // R07
    kMinAge | kMultiple,                     // R08
    kWindow | kMultiple,                     // R09
    kWindow,                                 // R10
    kWindow | kAmount | kShare,              // R11
    kWindow | kAmount,                       // R12
    kWindow | kAmount | kMultiple,           // R13
    kWindow | kCount,                        // R14
    kWindow | kMultiple,                     // R15
    kWindow | kMonths,                       // V01
};

struct ThresholdKey {
  Threshold bit;
  std::string_view name;
};
constexpr ThresholdKey kThresholdKeys[] = {
    {kWindow, "window_days"}, {kAmount, "min_amount"}, {kMultiple, "income_multiple"},
    {kShare, "share"},        {kMinAge, "min_age"},    {kMaxAge, "max_age"},
    {kCount, "min_count"},    {kMonths, "months"},
};

tl::unexpected<Error> key_error(std::string_view key, std::string_view zh, std::string_view en) {
  return toml_values::key_error(kRulesFile, key, zh, en);
}

Result<int64_t> positive(const toml::table& table, std::string_view name, std::string_view where,
                         int decimals) {
  const std::string key = fmt::format("{}{}", where, name);
  auto value = toml_values::scaled_number(kRulesFile, table.get(name), key, decimals);
  if (!value)
    return tl::unexpected(value.error());
  if (*value <= 0)
    return key_error(key, "应为正数", "must be positive");
  return *value;
}

Result<int> small_int(const toml::table& table, std::string_view name, std::string_view where) {
  auto value = positive(table, name, where, 0);
  if (!value)
    return tl::unexpected(value.error());
  if (*value > 100000)
    return key_error(fmt::format("{}{}", where, name), "数值过大", "too large");
  return static_cast<int>(*value);
}

Result<std::string> text(const toml::table& table, std::string_view name, std::string_view where) {
  const auto value = table.get(name) ? table.get(name)->value_exact<std::string>() : std::nullopt;
  if (!value || trim(*value).empty())
    return key_error(fmt::format("{}{}", where, name), "应为非空文字", "must be non-empty text");
  return std::string(trim(*value));
}

Result<std::vector<std::string>> texts(const toml::table& table, std::string_view name,
                                       std::string_view where) {
  const std::string key = fmt::format("{}{}", where, name);
  const toml::array* array = table.get(name) ? table.get(name)->as_array() : nullptr;
  if (array == nullptr)
    return key_error(key, "应为文字列表", "must be a list of text");
  std::vector<std::string> values;
  for (const toml::node& element : *array) {
    const auto value = element.value_exact<std::string>();
    if (!value || trim(*value).empty())
      return key_error(key, "列表中有空项或非文字项", "holds an empty or non-text item");
    values.emplace_back(trim(*value));
  }
  return values;
}

Result<void> read_thresholds(const toml::table& table, std::string_view where, unsigned wanted,
                             RuleThresholds& out) {
  if (wanted & kWindow)
    FAXIAN_TRY_ASSIGN(out.window_days, small_int(table, "window_days", where));
  if (wanted & kAmount) {
    auto fen = positive(table, "min_amount", where, 2);
    if (!fen)
      return tl::unexpected(fen.error());
    out.min_amount = Money::from_fen(*fen);
  }
  if (wanted & kMultiple) {
    auto bp = positive(table, "income_multiple", where, 4);
    if (!bp)
      return tl::unexpected(bp.error());
    out.income_multiple_bp = static_cast<int>(*bp);
  }
  if (wanted & kShare) {
    auto bp = positive(table, "share", where, 4);
    if (!bp)
      return tl::unexpected(bp.error());
    out.share_bp = static_cast<int>(*bp);
  }
  if (wanted & kMinAge)
    FAXIAN_TRY_ASSIGN(out.min_age, small_int(table, "min_age", where));
  if (wanted & kMaxAge) {
    FAXIAN_TRY_ASSIGN(out.max_age, small_int(table, "max_age", where));
    if (out.max_age < out.min_age)
      return key_error(fmt::format("{}max_age", where), "不能小于 min_age", "below min_age");
  }
  if (wanted & kCount)
    FAXIAN_TRY_ASSIGN(out.min_count, small_int(table, "min_count", where));
  if (wanted & kMonths)
    FAXIAN_TRY_ASSIGN(out.months, small_int(table, "months", where));
  return ok();
}

Result<void> check_rule_keys(const toml::table& table, std::string_view where, unsigned wanted,
                             bool need) {
  for (auto&& [key, node] : table) {
    const std::string_view name = key.str();
    bool known = name == "name" || name == "enabled" || name == "actions" ||
                 name == "departments" || (need && (name == "points" || name == "floor"));
    for (const ThresholdKey& threshold : kThresholdKeys)
      known = known || (name == threshold.name && (wanted & threshold.bit) != 0);
    if (!known) {
      return key_error(fmt::format("{}{}", where, name), "此规则没有这一项（是否拼写错误？）",
                       "not a key of this rule");
    }
  }
  return ok();
}

Result<RuleConfig> parse_rule(const toml::table& table, RuleId id) {
  const std::string where = fmt::format("rules.{}.", rule_code(id));
  const unsigned wanted = kThresholdsOf[static_cast<int>(id)];
  RuleConfig rule;
  rule.id = id;
  rule.kind = id == RuleId::kV01 ? WarningKind::kReview : WarningKind::kNeed;
  const bool need = rule.kind == WarningKind::kNeed;
  FAXIAN_TRY(check_rule_keys(table, where, wanted, need));
  FAXIAN_TRY_ASSIGN(rule.name, text(table, "name", where));
  const auto enabled =
      table.get("enabled") ? table.get("enabled")->value_exact<bool>() : std::nullopt;
  if (!enabled)
    return key_error(where + "enabled", "应为 true 或 false", "must be true or false");
  rule.enabled = *enabled;
  if (need) {
    FAXIAN_TRY_ASSIGN(rule.points, small_int(table, "points", where));
    if (rule.points < 20) {
      return key_error(where + "points", "需求规则至少 20 分（每条预警至少为黄色）",
                       "need rules have at least 20 points");
    }
    auto floor = text(table, "floor", where);
    if (!floor)
      return tl::unexpected(floor.error());
    rule.floor = find_level(*floor);
    if (!rule.floor) {
      return key_error(where + "floor", "应为 yellow、orange 或 red",
                       "must be yellow, orange or red");
    }
  }
  FAXIAN_TRY(read_thresholds(table, where, wanted, rule.thresholds));
  FAXIAN_TRY_ASSIGN(rule.actions, texts(table, "actions", where));
  FAXIAN_TRY_ASSIGN(rule.departments, texts(table, "departments", where));
  return rule;
}

const toml::table* section(const toml::table& root, std::string_view name) {
  const toml::node* node = root.get(name);
  return node ? node->as_table() : nullptr;
}

Result<void> parse_levels(const toml::table& root, RuleSet& rules) {
  const toml::table* levels = section(root, "levels");
  if (levels == nullptr)
    return key_error("levels", "缺少此表", "missing table");
  FAXIAN_TRY(toml_values::check_known_keys(
      kRulesFile, *levels, "levels.", {"red_score", "orange_score", "yellow_score", "max_score"}));
  FAXIAN_TRY_ASSIGN(rules.levels.red, small_int(*levels, "red_score", "levels."));
  FAXIAN_TRY_ASSIGN(rules.levels.orange, small_int(*levels, "orange_score", "levels."));
  FAXIAN_TRY_ASSIGN(rules.levels.yellow, small_int(*levels, "yellow_score", "levels."));
  FAXIAN_TRY_ASSIGN(rules.levels.max_score, small_int(*levels, "max_score", "levels."));
  const ScoreLevels& l = rules.levels;
  if (!(l.yellow < l.orange && l.orange < l.red && l.red <= l.max_score)) {
    return key_error("levels", "分数线应满足 yellow < orange < red ≤ max_score",
                     "cut-offs must ascend: yellow < orange < red <= max_score");
  }
  return ok();
}

Result<SeriousIllnessCodes::Range> parse_range(std::string_view text) {
  const auto dash = text.find('-');
  SeriousIllnessCodes::Range range{
      std::string(text.substr(0, dash)),
      dash == std::string_view::npos ? std::string(text) : std::string(text.substr(dash + 1))};
  for (std::string* code : {&range.first, &range.last}) {
    upper_ascii_in_place(*code);
  }
  if (range.first.size() != 3 || range.last.size() != 3 || range.last < range.first) {
    return key_error("serious_illness.ranges",
                     fmt::format("「{}」应为如 C00-C97 的三位编码范围", text),
                     fmt::format("'{}' must be a range of three-character codes", text));
  }
  return range;
}

Result<void> parse_serious_illness(const toml::table& root, RuleSet& rules) {
  const toml::table* table = section(root, "serious_illness");
  if (table == nullptr)
    return key_error("serious_illness", "缺少此表", "missing table");
  FAXIAN_TRY(toml_values::check_known_keys(kRulesFile, *table, "serious_illness.",
                                           {"ranges", "prefixes"}));
  auto ranges = texts(*table, "ranges", "serious_illness.");
  if (!ranges)
    return tl::unexpected(ranges.error());
  for (const std::string& text : *ranges) {
    auto range = parse_range(text);
    if (!range)
      return tl::unexpected(range.error());
    rules.serious_illness.ranges.push_back(*range);
  }
  FAXIAN_TRY_ASSIGN(rules.serious_illness.prefixes, texts(*table, "prefixes", "serious_illness."));
  for (std::string& prefix : rules.serious_illness.prefixes) {
    upper_ascii_in_place(prefix);
  }
  return ok();
}

Result<void> parse_suppression(const toml::table& root, RuleSet& rules) {
  const toml::table* table = section(root, "suppression");
  if (table == nullptr)
    return key_error("suppression", "缺少此表", "missing table");
  FAXIAN_TRY(toml_values::check_known_keys(kRulesFile, *table, "suppression.",
                                           {"after_no_need_days", "after_declined_days"}));
  FAXIAN_TRY_ASSIGN(rules.suppress_after_no_need_days,
                    small_int(*table, "after_no_need_days", "suppression."));
  FAXIAN_TRY_ASSIGN(rules.suppress_after_declined_days,
                    small_int(*table, "after_declined_days", "suppression."));
  return ok();
}

Result<void> parse_rules(const toml::table& root, RuleSet& rules) {
  const toml::table* table = section(root, "rules");
  if (table == nullptr)
    return key_error("rules", "缺少此表", "missing table");
  for (auto&& [key, node] : *table) {
    if (!find_rule(key.str())) {
      return key_error(fmt::format("rules.{}", key.str()), "没有这条规则（应为 R01–R15 或 V01）",
                       "no such rule (R01–R15, V01)");
    }
  }
  for (int index = 0; index < kRuleCount; ++index) {
    const RuleId id = rule_at(index);
    const toml::table* rule = section(*table, rule_code(id));
    if (rule == nullptr)
      return key_error(fmt::format("rules.{}", rule_code(id)), "缺少此规则", "rule missing");
    FAXIAN_TRY_ASSIGN(rules.rules[index], parse_rule(*rule, id));
  }
  return ok();
}

void flatten(const RuleSet& rules, std::map<std::string, std::string>& out) {
  out["levels.red_score"] = std::to_string(rules.levels.red);
  out["levels.orange_score"] = std::to_string(rules.levels.orange);
  out["levels.yellow_score"] = std::to_string(rules.levels.yellow);
  out["levels.max_score"] = std::to_string(rules.levels.max_score);
  std::vector<std::string> ranges;
  for (const auto& range : rules.serious_illness.ranges)
    ranges.push_back(range.first + "-" + range.last);
  out["serious_illness.ranges"] = fmt::format("{}", fmt::join(ranges, ","));
  out["serious_illness.prefixes"] =
      fmt::format("{}", fmt::join(rules.serious_illness.prefixes, ","));
  out["suppression.after_no_need_days"] = std::to_string(rules.suppress_after_no_need_days);
  out["suppression.after_declined_days"] = std::to_string(rules.suppress_after_declined_days);
  for (const RuleConfig& rule : rules.rules) {
    const std::string p = fmt::format("{}.", rule_code(rule.id));
    const RuleThresholds& t = rule.thresholds;
    out[p + "name"] = rule.name;
    out[p + "enabled"] = rule.enabled ? "true" : "false";
    out[p + "points"] = std::to_string(rule.points);
    out[p + "floor"] = rule.floor ? std::string(level_key(*rule.floor)) : "";
    out[p + "window_days"] = std::to_string(t.window_days);
    out[p + "min_amount"] = t.min_amount.yuan_string();
    out[p + "income_multiple"] = fmt::format("{:.4f}", t.income_multiple_bp / 10000.0);
    out[p + "share"] = fmt::format("{:.4f}", t.share_bp / 10000.0);
    out[p + "min_age"] = std::to_string(t.min_age);
    out[p + "max_age"] = std::to_string(t.max_age);
    out[p + "min_count"] = std::to_string(t.min_count);
    out[p + "months"] = std::to_string(t.months);
    out[p + "actions"] = fmt::format("{}", fmt::join(rule.actions, "；"));
    out[p + "departments"] = fmt::format("{}", fmt::join(rule.departments, "；"));
  }
}

}  // namespace

std::string_view rule_code(RuleId rule) {
  return kRuleCodes[static_cast<int>(rule)];
}

std::optional<RuleId> find_rule(std::string_view code) {
  for (int index = 0; index < kRuleCount; ++index) {
    if (kRuleCodes[index] == code)
      return rule_at(index);
  }
  return std::nullopt;
}

std::string_view level_key(WarningLevel level) {
  switch (level) {
    case WarningLevel::kYellow:
      return "yellow";
    case WarningLevel::kOrange:
      return "orange";
    case WarningLevel::kRed:
      return "red";
  }
  return "";
}

std::optional<WarningLevel> find_level(std::string_view key) {
  for (WarningLevel level : {WarningLevel::kYellow, WarningLevel::kOrange, WarningLevel::kRed}) {
    if (level_key(level) == key)
      return level;
  }
  return std::nullopt;
}

bool SeriousIllnessCodes::matches(std::string_view icd10) const {
  std::string code(trim(icd10));
  upper_ascii_in_place(code);
  if (code.size() >= 3) {
    const std::string category = code.substr(0, 3);
    for (const Range& range : ranges) {
      if (range.first <= category && category <= range.last)
        return true;
    }
  }
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& prefix) { return code.starts_with(prefix); });
}

std::optional<WarningLevel> RuleSet::level_of_score(int score) const {
  if (score >= levels.red)
    return WarningLevel::kRed;
  if (score >= levels.orange)
    return WarningLevel::kOrange;
  if (score >= levels.yellow)
    return WarningLevel::kYellow;
  return std::nullopt;
}

Result<RuleSet> parse_rule_set_toml(std::string_view toml_text) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& error) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("规则文件格式错误（第 {} 行）：{}", error.source().begin.line,
                            error.description()),
                fmt::format("rules file: TOML syntax error at line {}: {}",
                            error.source().begin.line, error.description()));
  }
  FAXIAN_TRY(toml_values::check_known_keys(kRulesFile, root, "",
                                           {"levels", "serious_illness", "suppression", "rules"}));
  RuleSet rules;
  FAXIAN_TRY(parse_levels(root, rules));
  FAXIAN_TRY(parse_serious_illness(root, rules));
  FAXIAN_TRY(parse_suppression(root, rules));
  FAXIAN_TRY(parse_rules(root, rules));
  rules.toml_text = std::string(toml_text);
  return rules;
}

Result<RuleSet> load_rule_set_file(const std::string& path) {
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  return parse_rule_set_toml(*text);
}

std::vector<std::string> rule_set_diff(const RuleSet& before, const RuleSet& after) {
  std::map<std::string, std::string> old_values;
  std::map<std::string, std::string> new_values;
  flatten(before, old_values);
  flatten(after, new_values);
  std::vector<std::string> lines;
  for (const auto& [key, value] : new_values) {
    const std::string& old_value = old_values[key];
    if (old_value != value)
      lines.push_back(fmt::format("{}: {} → {}", key, old_value, value));
  }
  return lines;
}

}  // namespace faxian
