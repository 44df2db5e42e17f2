#include "store/rule_set_repository.hpp"

#include <nlohmann/json.hpp>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kSelect =
    "SELECT version, created_at, created_by, note, toml_text, diff FROM rule_set_versions ";

Result<RuleSetVersion> read_version(const Statement& statement) {
  RowReader reader(statement);
  RuleSetVersion version{.version = reader.integer(),
                         .created_at = reader.integer(),
                         .created_by = reader.text(),
                         .note = reader.text(),
                         .toml_text = reader.text()};
  const std::string diff = reader.text();
  FAXIAN_TRY(reader.status());
  const auto lines = nlohmann::json::parse(diff, nullptr, false);
  if (!lines.is_array()) {
    return fail(ErrorCode::kCorrupt, "规则版本记录已损坏",
                fmt::format("rule_set_versions {}: diff is not a JSON array", version.version));
  }
  for (const auto& line : lines)
    version.diff.push_back(line.is_string() ? line.get<std::string>() : line.dump());
  return version;
}

}  // namespace

Result<std::optional<int64_t>> RuleSetRepository::add(std::string_view toml_text,
                                                      std::string_view created_by,
                                                      std::string_view note) {
  auto parsed = parse_rule_set_toml(toml_text);
  if (!parsed)
    return tl::unexpected(parsed.error());
  return in_transaction(db_, [&]() -> Result<std::optional<int64_t>> {
    auto previous = latest();
    if (!previous)
      return tl::unexpected(previous.error());
    std::vector<std::string> diff;
    if (*previous) {
      auto before = parse_rule_set_toml((*previous)->toml_text);
      if (!before)
        return tl::unexpected(before.error());
      diff = rule_set_diff(*before, *parsed);
      if (diff.empty())
        return std::optional<int64_t>();
    }
    auto version = returning_id(db_,
                                "INSERT INTO rule_set_versions (created_at, created_by, note, "
                                "toml_text, diff) VALUES (?, ?, ?, ?, ?) RETURNING version",
                                [&](Statement& s) {
                                  ParamBinder(s)
                                      .integer(clock_.now_unix())
                                      .text(created_by)
                                      .text(note)
                                      .text(toml_text)
                                      .text(nlohmann::json(diff).dump());
                                });
    if (!version)
      return tl::unexpected(version.error());
    if (!*version)
      return fail(ErrorCode::kInternal, "数据库内部错误", "no version returned");
    return std::optional<int64_t>(**version);
  });
}

Result<std::optional<RuleSetVersion>> RuleSetRepository::latest() {
  return query_one<RuleSetVersion>(
      db_, std::string(kSelect) + "ORDER BY version DESC LIMIT 1", [](Statement&) {}, read_version);
}

Result<RuleSet> RuleSetRepository::load_latest() {
  auto version = latest();
  if (!version)
    return tl::unexpected(version.error());
  if (!*version) {
    return fail(ErrorCode::kUnavailable, "尚未加载筛查规则，请先运行 faxian init",
                "no rule set stored");
  }
  return parse_rule_set_toml((*version)->toml_text);
}

Result<std::optional<RuleSetVersion>> RuleSetRepository::get(int64_t version) {
  return query_one<RuleSetVersion>(
      db_, std::string(kSelect) + "WHERE version = ?",
      [&](Statement& s) { s.bind_int64(1, version); }, read_version);
}

Result<std::vector<RuleSetVersion>> RuleSetRepository::list() {
  return query_rows<RuleSetVersion>(
      db_, std::string(kSelect) + "ORDER BY version DESC", [](Statement&) {}, read_version);
}

}  // namespace faxian
