#include "api/api_token_store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "common/password_hash.hpp"
#include "domain/feed_kind.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, name, department, user_id, feeds, created_at, expires_at, revoked_at, "
    "last_used_at "
    "FROM api_tokens ";

std::vector<std::string> split_feeds(std::string_view text) {
  std::vector<std::string> feeds;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos)
      end = text.size();
    if (end > start)
      feeds.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return feeds;
}

Result<ApiToken> read_token(const Statement& statement) {
  RowReader reader(statement);
  ApiToken token;
  token.id = reader.integer();
  token.name = reader.text();
  token.department = reader.text();
  token.user_id = reader.integer();
  token.feeds = split_feeds(reader.text());
  token.created_at = reader.integer();
  token.expires_at = reader.integer();
  token.revoked_at = reader.optional_integer();
  token.last_used_at = reader.optional_integer();
  FAXIAN_TRY(reader.status());
  return token;
}

// The department's service account: a department_liaison that can never log in (disabled, and
// "!" is no argon2id hash), created on the first token of the department.
Result<int64_t> service_account(Database& db, const Clock& clock, std::string_view department) {
  const std::string username = "api:" + std::string(department);
  std::optional<int64_t> id;
  FAXIAN_TRY_ASSIGN(id, returning_id(db,
                                     "INSERT INTO users (username, display_name, role, department, "
                                     "password_hash, must_change_password, disabled, created_at, "
                                     "updated_at) VALUES (?, ?, 'department_liaison', ?, '!', 0, "
                                     "1, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING id",
                                     [&](Statement& s) {
                                       ParamBinder(s)
                                           .text(username)
                                           .text(std::string(department) + "接口")
                                           .text(department)
                                           .integer(clock.now_unix())
                                           .integer(clock.now_unix());
                                     }));
  if (id)
    return *id;
  return query_int(db, "SELECT id FROM users WHERE username = ?",
                   [&](Statement& s) { s.bind_text(1, username); });
}

}  // namespace

bool ApiToken::may_upload(std::string_view feed) const {
  return std::find(feeds.begin(), feeds.end(), feed) != feeds.end();
}

Result<IssuedToken> ApiTokenStore::issue(std::string_view name, std::string_view department,
                                         const std::vector<std::string>& feeds, int64_t expires_at,
                                         std::optional<int64_t> created_by) {
  if (name.empty() || department.empty())
    return fail(ErrorCode::kInvalidArgument, "令牌名称和所属部门不能为空", "empty name");
  std::string joined;
  for (const std::string& feed : feeds) {
    if (!parse_enum<FeedKind>(feed)) {
      return fail(ErrorCode::kInvalidArgument, fmt::format("未知的数据类型：{}", feed),
                  "unknown feed");
    }
    joined += (joined.empty() ? "" : ";") + feed;
  }
  const int64_t now = clock_.now_unix();
  if (expires_at <= now)
    return fail(ErrorCode::kInvalidArgument, "有效期必须晚于当前时间", "expiry in the past");
  IssuedToken issued;
  issued.secret = "fx_" + random_token_hex();
  return in_transaction(db_, [&]() -> Result<IssuedToken> {
    int64_t user_id = 0;
    FAXIAN_TRY_ASSIGN(user_id, service_account(db_, clock_, department));
    std::optional<int64_t> id;
    FAXIAN_TRY_ASSIGN(id, returning_id(db_,
                                       "INSERT INTO api_tokens (name, token_hash, department, "
                                       "user_id, feeds, created_by_id, created_at, expires_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                       [&](Statement& s) {
                                         ParamBinder(s)
                                             .text(name)
                                             .text(sha256_hex(issued.secret))
                                             .text(department)
                                             .integer(user_id)
                                             .text(joined)
                                             .integer(created_by)
                                             .integer(now)
                                             .integer(expires_at);
                                       }));
    issued.token = ApiToken{
        *id,          std::string(name), std::string(department), user_id, feeds, now, expires_at,
        std::nullopt, std::nullopt};
    return issued;
  });
}

Result<ApiToken> ApiTokenStore::authenticate(std::string_view secret) {
  std::optional<ApiToken> token;
  FAXIAN_TRY_ASSIGN(token,
                    query_one<ApiToken>(
                        db_, std::string(kSelect) + "WHERE token_hash = ?",
                        [&](Statement& s) { s.bind_text(1, sha256_hex(secret)); }, read_token));
  const int64_t now = clock_.now_unix();
  if (!token || token->revoked_at || now >= token->expires_at)
    return fail(ErrorCode::kUnauthenticated, "接口令牌无效、已过期或已吊销", "bad api token");
  if (!token->last_used_at || now - *token->last_used_at >= 60) {
    FAXIAN_TRY(run_bound(db_, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
                         [&](Statement& s) { ParamBinder(s).integer(now).integer(token->id); }));
  }
  return *token;
}

Result<std::vector<ApiToken>> ApiTokenStore::list() {
  return query_rows<ApiToken>(
      db_, std::string(kSelect) + "ORDER BY id", [](Statement&) {}, read_token);
}

Result<void> ApiTokenStore::revoke(int64_t id) {
  int64_t found = 0;
  FAXIAN_TRY_ASSIGN(found, query_int(db_, "SELECT count(*) FROM api_tokens WHERE id = ?",
                                     [&](Statement& s) { s.bind_int64(1, id); }));
  if (found == 0)
    return fail(ErrorCode::kNotFound, "接口令牌不存在", "no such api token");
  return run_bound(db_, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   [&](Statement& s) { ParamBinder(s).integer(clock_.now_unix()).integer(id); });
}

}  // namespace faxian::api
