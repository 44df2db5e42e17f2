#include "api/session_store.hpp"

#include "common/password_hash.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "store/user_repository.hpp"

namespace faxian::api {
namespace {

// The idle clock is written back at most this often, so reading pages is not a write each.
constexpr int64_t kTouchEverySeconds = 30;

struct SessionRow {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;
  bool ended = false;
};

Result<SessionRow> read_session(const Statement& statement) {
  RowReader reader(statement);
  SessionRow row;
  row.id = reader.integer();
  row.user_id = reader.integer();
  row.csrf_token = reader.text();
  row.created_at = reader.integer();
  row.last_seen_at = reader.integer();
  row.expires_at = reader.integer();
  row.ended = !statement.column_is_null(6);
  FAXIAN_TRY(reader.status());
  return row;
}

tl::unexpected<Error> expired(std::string_view why) {
  return fail(ErrorCode::kUnauthenticated, "登录已过期，请重新登录", std::string(why));
}

}  // namespace

Result<NewSession> SessionStore::open(int64_t user_id, std::string_view source_address) {
  const int64_t now = clock_.now_unix();
  NewSession session{random_token_hex(), random_token_hex(), now + limits_.absolute_seconds};
  FAXIAN_TRY(run_bound(db_,
                       "INSERT INTO sessions (token_hash, user_id, csrf_token, source_address, "
                       "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [&](Statement& s) {
                         ParamBinder(s)
                             .text(sha256_hex(session.token))
                             .integer(user_id)
                             .text(session.csrf_token)
                             .text(source_address)
                             .integer(now)
                             .integer(now)
                             .integer(session.expires_at);
                       }));
  return session;
}

Result<ActiveSession> SessionStore::find(std::string_view token) {
  if (token.empty())
    return fail(ErrorCode::kUnauthenticated, "请先登录", "no session cookie");
  std::optional<SessionRow> row;
  FAXIAN_TRY_ASSIGN(row,
                    query_one<SessionRow>(
                        db_,
                        "SELECT id, user_id, csrf_token, created_at, last_seen_at, "
                        "expires_at, ended_at FROM sessions WHERE token_hash = ?",
                        [&](Statement& s) { s.bind_text(1, sha256_hex(token)); }, read_session));
  if (!row)
    return fail(ErrorCode::kUnauthenticated, "请先登录", "unknown session token");
  const int64_t now = clock_.now_unix();
  if (row->ended)
    return expired("session ended");
  if (now >= row->expires_at)
    return expired("session past its absolute limit");
  if (now - row->last_seen_at >= limits_.idle_seconds)
    return expired("session idle too long");
  std::optional<User> user;
  FAXIAN_TRY_ASSIGN(user, UserRepository(db_, clock_).find_by_id(row->user_id));
  if (!user || user->disabled)
    return expired("user disabled or removed");
  if (now - row->last_seen_at >= kTouchEverySeconds) {
    FAXIAN_TRY(run_bound(db_, "UPDATE sessions SET last_seen_at = ? WHERE id = ?",
                         [&](Statement& s) { ParamBinder(s).integer(now).integer(row->id); }));
  }
  return ActiveSession{row->id, std::move(*user), row->csrf_token, row->created_at};
}

Result<void> SessionStore::end(std::string_view token) {
  return run_bound(
      db_, "UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
      [&](Statement& s) { ParamBinder(s).integer(clock_.now_unix()).text(sha256_hex(token)); });
}

Result<void> SessionStore::end_all(int64_t user_id) {
  return run_bound(
      db_, "UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
      [&](Statement& s) { ParamBinder(s).integer(clock_.now_unix()).integer(user_id); });
}

}  // namespace faxian::api
