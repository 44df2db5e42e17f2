#include "store/standards_repository.hpp"

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian {
namespace {

constexpr std::string_view kSelect =
    "SELECT version, loaded_at, loaded_by, note, toml_text FROM standards_versions ";

Result<StandardsVersion> read_version(const Statement& statement) {
  RowReader reader(statement);
  StandardsVersion version{.version = reader.integer(),
                           .loaded_at = reader.integer(),
                           .loaded_by = reader.text(),
                           .note = reader.text(),
                           .toml_text = reader.text()};
  FAXIAN_TRY(reader.status());
  return version;
}

}  // namespace

Result<int64_t> StandardsRepository::add(std::string_view toml_text, std::string_view loaded_by,
                                         std::string_view note) {
  auto parsed = parse_standards_toml(toml_text);
  if (!parsed)
    return tl::unexpected(parsed.error());
  auto version = returning_id(
      db_,
      "INSERT INTO standards_versions (loaded_at, loaded_by, toml_text, "
      "note) VALUES (?, ?, ?, ?) RETURNING version",
      [&](Statement& s) {
        ParamBinder(s).integer(clock_.now_unix()).text(loaded_by).text(toml_text).text(note);
      });
  if (!version)
    return tl::unexpected(version.error());
  if (!*version)
    return fail(ErrorCode::kInternal, "数据库内部错误", "no version returned");
  return **version;
}

Result<std::optional<StandardsVersion>> StandardsRepository::latest() {
  return query_one<StandardsVersion>(
      db_, std::string(kSelect) + "ORDER BY version DESC LIMIT 1", [](Statement&) {}, read_version);
}

Result<Standards> StandardsRepository::load_latest() {
  auto version = latest();
  if (!version)
    return tl::unexpected(version.error());
  if (!*version) {
    return fail(ErrorCode::kUnavailable, "尚未加载救助标准，请先运行 faxian standards load",
                "no standards version loaded");
  }
  return parse_standards_toml((*version)->toml_text);
}

Result<std::optional<StandardsVersion>> StandardsRepository::get(int64_t version) {
  return query_one<StandardsVersion>(
      db_, std::string(kSelect) + "WHERE version = ?",
      [&](Statement& s) { s.bind_int64(1, version); }, read_version);
}

Result<std::vector<StandardsVersion>> StandardsRepository::list() {
  return query_rows<StandardsVersion>(
      db_, std::string(kSelect) + "ORDER BY version DESC", [](Statement&) {}, read_version);
}

}  // namespace faxian
