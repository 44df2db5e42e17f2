#include "store/sqlite/sqlite_error.hpp"

#include <cerrno>

#include <fmt/format.h>
#include <sqlite3.h>

namespace faxian {
namespace {

struct Mapping {
  ErrorCode code;
  const char* message;
};

Mapping map_constraint(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorCode::kAlreadyExists, "数据已存在（唯一约束冲突）"};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return {ErrorCode::kConstraint, "引用的数据不存在（外键约束）"};
    case SQLITE_CONSTRAINT_NOTNULL:
      return {ErrorCode::kConstraint, "必填数据为空（非空约束）"};
    case SQLITE_CONSTRAINT_CHECK:
      return {ErrorCode::kConstraint, "数据不符合规则（检查约束）"};
    case SQLITE_CONSTRAINT_DATATYPE:
      return {ErrorCode::kConstraint, "数据类型不符（类型约束）"};
    default:
      return {ErrorCode::kConstraint, "数据库约束检查失败"};
  }
}

Mapping map_code(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return map_constraint(rc);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kUnavailable, "数据库正忙，请稍后重试"};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return {ErrorCode::kCorrupt, "数据库文件已损坏或不是数据库文件"};
    case SQLITE_FULL:
      return {ErrorCode::kIo, "磁盘已满（或数据库已达容量上限），本次写入未保存"};
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
      return {ErrorCode::kIo, "数据库读写失败（磁盘、权限或文件问题）"};
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return {ErrorCode::kInvalidArgument, "数据值不合法"};
    case SQLITE_INTERRUPT:
    case SQLITE_NOMEM:
      return {ErrorCode::kUnavailable, "数据库操作被中断或内存不足"};
    default:
      return {ErrorCode::kInternal, "数据库内部错误"};
  }
}

}  // namespace

Error sqlite_error(sqlite3* db, int rc, std::string_view operation) {
  Mapping mapping = map_code(rc);
  // A write refused by a full filesystem can come back as an I/O error (the WAL or its index
  // could not grow) rather than SQLITE_FULL: the operating system's errno tells.
  if ((rc & 0xff) == SQLITE_IOERR && db != nullptr && sqlite3_system_errno(db) == ENOSPC)
    mapping = map_code(SQLITE_FULL);
  const char* sqlite_message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error(mapping.code, mapping.message,
               fmt::format("sqlite {} ({}): {} [{}]", rc, sqlite3_errstr(rc), sqlite_message,
                           operation.substr(0, 160)));
}

}  // namespace faxian
