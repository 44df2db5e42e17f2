#include "store/postgres/postgres_error.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

namespace faxian {
namespace {

struct Mapping {
  ErrorCode code;
  const char* message;
};

// SQLSTATE classes and codes (PostgreSQL manual, appendix A) → Faxian's error codes, with the
// same user messages as the SQLite backend gives for the same situation.
Mapping map_state(std::string_view state) {
  if (state == "23505")
    return {ErrorCode::kAlreadyExists, "数据已存在（唯一约束冲突）"};
  if (state == "23503")
    return {ErrorCode::kConstraint, "引用的数据不存在（外键约束）"};
  if (state == "23502")
    return {ErrorCode::kConstraint, "必填数据为空（非空约束）"};
  if (state == "23514")
    return {ErrorCode::kConstraint, "数据不符合规则（检查约束）"};
  if (state.starts_with("23"))
    return {ErrorCode::kConstraint, "数据库约束检查失败"};
  if (state.starts_with("22"))  // data exception: a value of the wrong type or out of range
    return {ErrorCode::kConstraint, "数据类型不符（类型约束）"};
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014")
    return {ErrorCode::kUnavailable, "数据库正忙，请稍后重试"};
  if (state == "53100")
    return {ErrorCode::kIo, "数据库服务器磁盘已满，本次写入未保存"};
  if (state.starts_with("53"))
    return {ErrorCode::kUnavailable, "数据库服务器资源不足，请稍后重试"};
  if (state.starts_with("08") || state.starts_with("57"))
    return {ErrorCode::kUnavailable, "与数据库服务器的连接中断，请稍后重试"};
  if (state.starts_with("58"))
    return {ErrorCode::kIo, "数据库读写失败（磁盘、权限或文件问题）"};
  if (state == "XX001" || state == "XX002")
    return {ErrorCode::kCorrupt, "数据库数据已损坏"};
  if (state == "25P02")
    return {ErrorCode::kInternal, "数据库事务中有一步失败，整批未提交"};
  return {ErrorCode::kInternal, "数据库内部错误"};
}

std::string_view field(const pg_result* result, int code) {
  const char* value = result != nullptr ? PQresultErrorField(result, code) : nullptr;
  return value != nullptr ? std::string_view(value) : std::string_view();
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

std::string_view postgres_state(const pg_result* result) {
  return field(result, PG_DIAG_SQLSTATE);
}

Error postgres_error(pg_conn* connection, const pg_result* result, std::string_view operation) {
  std::string_view state = postgres_state(result);
  if (state.empty() && connection != nullptr && PQstatus(connection) != CONNECTION_OK)
    state = "08006";  // the connection itself failed
  const Mapping mapping = map_state(state);
  std::string reason = trimmed(result != nullptr ? PQresultErrorMessage(result) : "");
  if (reason.empty() && connection != nullptr)
    reason = trimmed(PQerrorMessage(connection));
  return Error(mapping.code, mapping.message,
               fmt::format("postgres {}: {} [{}]", state.empty() ? "?" : state, reason,
                           operation.substr(0, 160)));
}

}  // namespace faxian
