#include "store/warning_codec.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/feed_kind.hpp"

namespace faxian::warning_codec {
namespace {

using nlohmann::json;

Error corrupt(std::string_view what) {
  return Error(ErrorCode::kCorrupt, "预警记录已损坏", fmt::format("warning detail: {}", what));
}

// Serialises without throwing: text that is not valid UTF-8 is replaced, not refused.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json evidence_json(const Evidence& evidence) {
  return {{"feed", std::string(feed_name(evidence.feed))},
          {"record_id", evidence.record_id},
          {"date", evidence.date.iso()},
          {"amount_fen", evidence.amount ? json(evidence.amount->fen()) : json(nullptr)}};
}

json fired_rule_json(const FiredRule& fired) {
  json evidence = json::array();
  for (const Evidence& item : fired.evidence)
    evidence.push_back(evidence_json(item));
  return {{"rule", std::string(rule_code(fired.rule))},
          {"points", fired.points},
          {"red", fired.red},
          {"evidence", std::move(evidence)},
          {"explanation", fired.explanation}};
}

// The member `key` of `object` when it has the type `is` checks; nullptr otherwise.
const json* member(const json& object, std::string_view key, bool (json::*is)() const noexcept) {
  auto found = object.find(key);
  if (found == object.end() || !((*found).*is)())
    return nullptr;
  return &*found;
}

Result<std::string> string_member(const json& object, std::string_view key) {
  const json* value = member(object, key, &json::is_string);
  if (value == nullptr)
    return tl::unexpected(corrupt(fmt::format("'{}' is not a string", key)));
  return value->get<std::string>();
}

Result<int64_t> integer_member(const json& object, std::string_view key) {
  const json* value = member(object, key, &json::is_number_integer);
  if (value == nullptr)
    return tl::unexpected(corrupt(fmt::format("'{}' is not an integer", key)));
  return value->get<int64_t>();
}

Result<std::vector<std::string>> strings_of(const json& array, std::string_view what) {
  if (!array.is_array())
    return tl::unexpected(corrupt(fmt::format("'{}' is not an array", what)));
  std::vector<std::string> values;
  for (const json& item : array) {
    if (!item.is_string())
      return tl::unexpected(corrupt(fmt::format("'{}' holds a non-string", what)));
    values.push_back(item.get<std::string>());
  }
  return values;
}

Result<Evidence> read_evidence(const json& object) {
  if (!object.is_object())
    return tl::unexpected(corrupt("evidence is not an object"));
  Evidence evidence;
  std::string feed_text;
  FAXIAN_TRY_ASSIGN(feed_text, string_member(object, "feed"));
  auto feed = find_feed(feed_text);
  if (!feed)
    return tl::unexpected(corrupt(fmt::format("unknown feed '{}'", feed_text)));
  evidence.feed = *feed;
  FAXIAN_TRY_ASSIGN(evidence.record_id, integer_member(object, "record_id"));
  std::string date_text;
  FAXIAN_TRY_ASSIGN(date_text, string_member(object, "date"));
  auto date = Date::parse_iso(date_text);
  if (!date)
    return tl::unexpected(corrupt(fmt::format("bad evidence date '{}'", date_text)));
  evidence.date = *date;
  auto amount = object.find("amount_fen");
  if (amount != object.end() && !amount->is_null()) {
    if (!amount->is_number_integer())
      return tl::unexpected(corrupt("'amount_fen' is not an integer"));
    evidence.amount = Money::from_fen(amount->get<int64_t>());
  }
  return evidence;
}

Result<FiredRule> read_fired_rule(const json& object) {
  if (!object.is_object())
    return tl::unexpected(corrupt("a fired rule is not an object"));
  FiredRule fired;
  std::string code;
  FAXIAN_TRY_ASSIGN(code, string_member(object, "rule"));
  auto rule = find_rule(code);
  if (!rule)
    return tl::unexpected(corrupt(fmt::format("unknown rule '{}'", code)));
  fired.rule = *rule;
  int64_t points = 0;
  FAXIAN_TRY_ASSIGN(points, integer_member(object, "points"));
  fired.points = static_cast<int>(points);
  const json* red = member(object, "red", &json::is_boolean);
  if (red == nullptr)
    return tl::unexpected(corrupt("'red' is not a boolean"));
  fired.red = red->get<bool>();
  const json* evidence = member(object, "evidence", &json::is_array);
  if (evidence == nullptr)
    return tl::unexpected(corrupt("'evidence' is not an array"));
  for (const json& item : *evidence) {
    auto read = read_evidence(item);
    if (!read)
      return tl::unexpected(read.error());
    fired.evidence.push_back(std::move(*read));
  }
  FAXIAN_TRY_ASSIGN(fired.explanation, string_member(object, "explanation"));
  return fired;
}

Result<void> read_detail(const json& detail, WarningFinding& finding) {
  if (!detail.is_object())
    return tl::unexpected(corrupt("not a JSON object"));
  const json* rules = member(detail, "rules", &json::is_array);
  if (rules == nullptr)
    return tl::unexpected(corrupt("'rules' is not an array"));
  finding.rules.clear();
  for (const json& item : *rules) {
    auto fired = read_fired_rule(item);
    if (!fired)
      return tl::unexpected(fired.error());
    finding.rules.push_back(std::move(*fired));
  }
  const json empty = json::array();
  auto actions = detail.find("actions");
  FAXIAN_TRY_ASSIGN(finding.actions,
                    strings_of(actions == detail.end() ? empty : *actions, "actions"));
  auto departments = detail.find("departments");
  FAXIAN_TRY_ASSIGN(finding.departments,
                    strings_of(departments == detail.end() ? empty : *departments, "departments"));
  return ok();
}

}  // namespace

std::string_view kind_key(WarningKind kind) {
  return kind == WarningKind::kNeed ? "need" : "review";
}

std::optional<WarningKind> find_kind(std::string_view key) {
  for (WarningKind kind : kAllKinds)
    if (kind_key(kind) == key)
      return kind;
  return std::nullopt;
}

std::vector<RuleId> rule_ids(const WarningFinding& finding) {
  std::vector<RuleId> ids;
  for (const FiredRule& fired : finding.rules)
    ids.push_back(fired.rule);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string rules_text(std::span<const RuleId> rules) {
  std::vector<RuleId> sorted(rules.begin(), rules.end());
  std::sort(sorted.begin(), sorted.end());
  std::string text;
  for (RuleId rule : sorted) {
    if (!text.empty())
      text += ';';
    text += rule_code(rule);
  }
  return text;
}

Result<std::vector<RuleId>> parse_rules_text(std::string_view text) {
  std::vector<RuleId> rules;
  while (!text.empty()) {
    const size_t end = std::min(text.find(';'), text.size());
    auto rule = find_rule(text.substr(0, end));
    if (!rule) {
      return fail(ErrorCode::kCorrupt, "预警记录已损坏",
                  fmt::format("unknown rule '{}' in a rules column", text.substr(0, end)));
    }
    rules.push_back(*rule);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return rules;
}

std::string evidence_key(const Evidence& evidence) {
  return fmt::format("{}:{}", feed_name(evidence.feed), evidence.record_id);
}

std::vector<std::string> evidence_keys(const WarningFinding& finding) {
  std::vector<std::string> keys;
  for (const FiredRule& fired : finding.rules)
    for (const Evidence& evidence : fired.evidence)
      keys.push_back(evidence_key(evidence));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::string string_array_json(std::span<const std::string> values) {
  return dump(json(std::vector<std::string>(values.begin(), values.end())));
}

Result<std::vector<std::string>> parse_string_array_json(std::string_view text) {
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded())
    return tl::unexpected(corrupt("a string array is not JSON"));
  return strings_of(parsed, "evidence");
}

std::string detail_json(const WarningFinding& finding) {
  json rules = json::array();
  for (const FiredRule& fired : finding.rules)
    rules.push_back(fired_rule_json(fired));
  return dump({{"rules", std::move(rules)},
               {"actions", finding.actions},
               {"departments", finding.departments}});
}

Result<void> read_detail_json(std::string_view text, WarningFinding& finding) {
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded())
    return tl::unexpected(corrupt("not valid JSON"));
  try {
    return read_detail(parsed, finding);
  } catch (const json::exception& error) {  // types are checked first; this is a safety net
    return tl::unexpected(corrupt(error.what()));
  }
}

}  // namespace faxian::warning_codec
