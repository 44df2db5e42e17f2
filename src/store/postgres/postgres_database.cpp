#include "store/postgres/postgres_database.hpp"

#include <charconv>
#include <cstdlib>
#include <deque>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include "store/postgres/postgres_error.hpp"

namespace faxian {
namespace {

// Type OIDs (pg_type.dat) of the values Faxian binds and reads.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// A parameter's type as sent to the server: i int8, d float8, b bytea, u unknown (the server
// infers it from where the parameter stands), x text (after the server could not infer it).
Oid server_type(char letter) {
  switch (letter) {
    case 'i':
      return kInt8Oid;
    case 'd':
      return kFloat8Oid;
    case 'b':
      return kByteaOid;
    case 'x':
      return kTextOid;
    default:
      return 0;
  }
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// Notices ("relation already exists, skipping") go to the debug log, not to stderr.
void log_notice(void*, const char* message) {
  spdlog::debug("postgres: {}", message);
}

int64_t parse_int(std::string_view text) {
  if (text == "t")
    return 1;
  if (text == "f")
    return 0;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size())
    return value;
  return static_cast<int64_t>(std::strtod(std::string(text).c_str(), nullptr));
}

}  // namespace

// A statement leased by PostgresDatabase::prepare. It runs when first stepped: the bound values
// are sent with the prepared statement's name and rows come back one at a time.
class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PostgresDatabase& db, PostgresDatabase::PreparedSql& sql)
      : db_(db),
        sql_(sql),
        values_(sql.parameters),
        types_(sql.parameters, 'u'),
        bound_(sql.parameters, false) {}
  ~PostgresStatement() override { finish(); }

  void bind_null(int index) override { bind(index, 'u', std::nullopt); }
  void bind_int64(int index, int64_t value) override { bind(index, 'i', std::to_string(value)); }
  void bind_double(int index, double value) override { bind(index, 'd', fmt::format("{}", value)); }
  void bind_text(int index, std::string_view value) override {
    if (value.find('\0') != std::string_view::npos) {
      bind_error_ = fmt::format("parameter {} holds a NUL character", index);
      return;
    }
    bind(index, 'u', std::string(value));
  }
  void bind_blob(int index, std::span<const std::byte> value) override {
    bind(index, 'b', std::string(reinterpret_cast<const char*>(value.data()), value.size()));
  }

  Result<bool> step() override {
    if (state_ == State::kIdle)
      FAXIAN_TRY(start());
    return next_row();
  }

  void reset() override {
    finish();
    for (auto& value : values_)
      value.reset();
    std::fill(types_.begin(), types_.end(), 'u');
    std::fill(bound_.begin(), bound_.end(), false);
    bind_error_.clear();
  }

  int column_count() const override { return row_ ? PQnfields(row_.get()) : 0; }
  ColumnType column_type(int column) const override {
    if (!row_ || PQgetisnull(row_.get(), 0, column))
      return ColumnType::kNull;
    switch (PQftype(row_.get(), column)) {
      case kBoolOid:
      case kInt2Oid:
      case kInt4Oid:
      case kInt8Oid:
      case kOidOid:
        return ColumnType::kInteger;
      case kFloat4Oid:
      case kFloat8Oid:
        return ColumnType::kReal;
      case kNumericOid:
        return raw(column).find('.') == std::string_view::npos ? ColumnType::kInteger
                                                               : ColumnType::kReal;
      case kByteaOid:
        return ColumnType::kBlob;
      default:
        return ColumnType::kText;
    }
  }
  int64_t column_int64(int column) const override { return parse_int(raw(column)); }
  double column_double(int column) const override {
    const std::string_view text = raw(column);
    return text.empty() ? 0.0 : std::strtod(std::string(text).c_str(), nullptr);
  }
  std::string_view column_text(int column) const override {
    if (row_ && PQftype(row_.get(), column) == kBoolOid)
      return raw(column) == "t" ? "1" : "0";
    return raw(column);
  }
  std::span<const std::byte> column_blob(int column) const override {
    if (!row_ || PQgetisnull(row_.get(), 0, column))
      return {};
    auto& bytes = blobs_[column];
    if (bytes.empty()) {
      size_t length = 0;
      unsigned char* decoded = PQunescapeBytea(
          reinterpret_cast<const unsigned char*>(PQgetvalue(row_.get(), 0, column)), &length);
      if (decoded == nullptr)
        return {};
      bytes.assign(reinterpret_cast<std::byte*>(decoded),
                   reinterpret_cast<std::byte*>(decoded) + length);
      PQfreemem(decoded);
    }
    return bytes;
  }

  // Called by the connection when another command needs it: reads the rest of this statement's
  // results into memory.
  void buffer_rest() {
    if (state_ != State::kStreaming)
      return;
    while (PGresult* result = PQgetResult(db_.connection()))
      buffered_.emplace_back(result);
    state_ = State::kBuffered;
  }

 private:
  enum class State { kIdle, kStreaming, kBuffered, kDone };

  void bind(int index, char type, std::optional<std::string> value) {
    if (index < 1 || index > static_cast<int>(values_.size())) {
      bind_error_ = fmt::format("parameter {} out of range 1..{}", index, values_.size());
      return;
    }
    values_[index - 1] = std::move(value);
    types_[index - 1] = type;
    bound_[index - 1] = true;
  }

  Result<void> start() {
    if (!bind_error_.empty()) {
      std::string detail = std::exchange(bind_error_, {});
      return fail(ErrorCode::kInvalidArgument, "数据值不合法", detail + " [" + sql_.text + "]");
    }
    db_.claim(this);
    std::string types = types_;
    auto name = db_.prepared_name(sql_, types, /*retype=*/true);
    if (!name) {
      db_.release(this);
      return tl::unexpected(name.error());
    }
    const int count = static_cast<int>(values_.size());
    std::vector<const char*> values(count, nullptr);
    std::vector<int> lengths(count, 0);
    std::vector<int> formats(count, 0);
    for (int i = 0; i < count; ++i) {
      if (!values_[i])
        continue;
      values[i] = values_[i]->data();
      lengths[i] = static_cast<int>(values_[i]->size());
      formats[i] = types_[i] == 'b' ? 1 : 0;  // bytes travel as they are
    }
    if (PQsendQueryPrepared(db_.connection(), name->c_str(), count, values.data(), lengths.data(),
                            formats.data(), 0) == 0) {
      db_.release(this);
      return tl::unexpected(postgres_error(db_.connection(), nullptr, sql_.text));
    }
    PQsetSingleRowMode(db_.connection());
    state_ = State::kStreaming;
    return ok();
  }

  PGresult* next_result() {
    if (state_ == State::kStreaming)
      return PQgetResult(db_.connection());
    if (buffered_.empty())
      return nullptr;
    PGresult* result = buffered_.front().release();
    buffered_.pop_front();
    return result;
  }

  Result<bool> next_row() {
    row_.reset();
    blobs_.clear();
    if (state_ == State::kDone)
      return false;
    ResultPtr result(next_result());
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_COMMAND_OK;
    if (status == PGRES_SINGLE_TUPLE) {
      row_ = std::move(result);
      return true;
    }
    Result<bool> outcome = false;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
      const char* changed = result ? PQcmdTuples(result.get()) : "";
      db_.note_changes(*changed != '\0' ? std::atoll(changed) : 0);
    } else {
      outcome = tl::unexpected(postgres_error(db_.connection(), result.get(), sql_.text));
    }
    result.reset();
    finish();
    state_ = State::kDone;
    return outcome;
  }

  // Ends the command: the connection must read every remaining result before its next one.
  void finish() {
    if (state_ == State::kStreaming) {
      while (PGresult* rest = PQgetResult(db_.connection()))
        PQclear(rest);
    }
    buffered_.clear();
    row_.reset();
    blobs_.clear();
    if (state_ == State::kStreaming || state_ == State::kBuffered)
      db_.release(this);
    state_ = State::kIdle;
  }

  std::string_view raw(int column) const {
    if (!row_ || PQgetisnull(row_.get(), 0, column))
      return {};
    return {PQgetvalue(row_.get(), 0, column),
            static_cast<size_t>(PQgetlength(row_.get(), 0, column))};
  }

  PostgresDatabase& db_;
  PostgresDatabase::PreparedSql& sql_;
  std::vector<std::optional<std::string>> values_;
  std::string types_;
  std::vector<bool> bound_;
  std::string bind_error_;
  State state_ = State::kIdle;
  ResultPtr row_;
  std::deque<ResultPtr> buffered_;
  mutable std::map<int, std::vector<std::byte>> blobs_;
};

std::string number_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  size_t i = 0;
  auto copy_until = [&](std::string_view end) {
    const size_t found = sql.find(end, i);
    const size_t stop = found == std::string_view::npos ? sql.size() : found + end.size();
    out.append(sql.substr(i, stop - i));
    i = stop;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      out += c;
      ++i;
      copy_until(std::string_view(&c, 1));  // '' inside a string is two strings back to back
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_until("*/");
    } else if (c == '?') {
      out += fmt::format("${}", ++count);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const std::string& conninfo) {
  PGconn* connection = PQconnectdb(conninfo.c_str());
  if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
    std::string reason = connection != nullptr ? PQerrorMessage(connection) : "out of memory";
    while (!reason.empty() && reason.back() == '\n')
      reason.pop_back();
    PQfinish(connection);
    return fail(ErrorCode::kUnavailable, "无法连接数据库服务器：" + reason,
                "postgres connect: " + reason);
  }
  PQsetNoticeProcessor(connection, log_notice, nullptr);
  const std::string location =
      fmt::format("postgresql://{}@{}:{}/{}", PQuser(connection), PQhost(connection),
                  PQport(connection), PQdb(connection));
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(connection, location));
  if (PQsetClientEncoding(connection, "UTF8") != 0) {
    return fail(ErrorCode::kUnavailable, "数据库服务器不支持 UTF-8 编码",
                "postgres: cannot set client_encoding UTF8");
  }
  // A writer waits for the writers' lock (or a row lock) as long as SQLite's busy timeout
  // (SqliteOptions::busy_timeout_ms), then gets kUnavailable ("数据库正忙").
  FAXIAN_TRY(db->set_lock_timeout(5000));
  return db;
}

PostgresDatabase::PostgresDatabase(pg_conn* connection, std::string location)
    : connection_(connection), location_(std::move(location)) {}

PostgresDatabase::~PostgresDatabase() {
  PQfinish(connection_);
}

Result<StatementPtr> PostgresDatabase::prepare(std::string_view sql) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    PreparedSql prepared;
    prepared.text = number_placeholders(sql, prepared.parameters);
    found = prepared_.emplace(std::string(sql), std::move(prepared)).first;
    // Prepared now with every parameter's type left to the server, so that a mistake in the SQL
    // is reported here as on SQLite. A parameter the server cannot type on its own is typed
    // from its first binding instead (prepared_name()).
    std::string untyped(found->second.parameters, 'u');
    auto name = prepared_name(found->second, untyped, /*retype=*/false);
    if (!name && name.error().code != ErrorCode::kUnavailable) {
      Error error = name.error();
      prepared_.erase(found);
      return tl::unexpected(std::move(error));
    }
  }
  return std::make_unique<PostgresStatement>(*this, found->second);
}

Result<std::string> PostgresDatabase::prepared_name(PreparedSql& sql, std::string& types,
                                                    bool retype) {
  if (auto known = sql.names.find(types); known != sql.names.end())
    return known->second;
  // Prepared with every type inferred by the server: good for any binding.
  if (auto untyped = sql.names.find(std::string(sql.parameters, 'u')); untyped != sql.names.end())
    return untyped->second;
  claim(nullptr);
  const std::string asked = types;
  const std::string name = fmt::format("faxian_{}", ++next_statement_number_);
  // A failed PREPARE inside a transaction would abort it (SQLite's prepare never does), and
  // preparing is where the server reports a parameter it cannot type: try under a savepoint.
  const bool in_transaction = backend_in_transaction();
  for (int attempt = 0; attempt <= sql.parameters; ++attempt) {
    if (in_transaction)
      FAXIAN_TRY(execute("SAVEPOINT faxian_prepare"));
    auto prepared = prepare_on_server(sql, types, name);
    if (in_transaction) {
      if (!prepared)
        FAXIAN_TRY(execute("ROLLBACK TO SAVEPOINT faxian_prepare"));
      FAXIAN_TRY(execute("RELEASE SAVEPOINT faxian_prepare"));
    }
    if (prepared) {
      sql.names.emplace(asked, name);
      return name;
    }
    // "could not determine data type of parameter $N" (42P18): send that one as text and try
    // again — or, before the first binding, report kUnavailable: type it when it is bound.
    constexpr std::string_view kMarker = "data type of parameter $";
    const size_t at = prepared.error().detail.find(kMarker);
    if (at == std::string::npos)
      return tl::unexpected(prepared.error());
    if (!retype)
      return fail(ErrorCode::kUnavailable, "数据库内部错误", prepared.error().detail);
    const int parameter = std::atoi(prepared.error().detail.c_str() + at + kMarker.size());
    if (parameter < 1 || parameter > sql.parameters || types[parameter - 1] != 'u')
      return tl::unexpected(prepared.error());
    types[parameter - 1] = 'x';
  }
  return fail(ErrorCode::kInternal, "数据库内部错误", "postgres: cannot type the parameters");
}

Result<void> PostgresDatabase::prepare_on_server(const PreparedSql& sql, const std::string& types,
                                                 const std::string& name) {
  std::vector<Oid> oids;
  for (char letter : types)
    oids.push_back(server_type(letter));
  ResultPtr result(PQprepare(connection_, name.c_str(), sql.text.c_str(),
                             static_cast<int>(oids.size()), oids.data()));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    return tl::unexpected(postgres_error(connection_, result.get(), "prepare " + sql.text));
  return ok();
}

void PostgresDatabase::claim(PostgresStatement* next) {
  if (streaming_ != nullptr && streaming_ != next)
    streaming_->buffer_rest();
  streaming_ = next;
}

void PostgresDatabase::release(PostgresStatement* statement) {
  if (streaming_ == statement)
    streaming_ = nullptr;
}

Result<void> PostgresDatabase::execute(std::string_view sql) {
  claim(nullptr);
  if (sql == "COMMIT" && PQtransactionStatus(connection_) == PQTRANS_INERROR) {
    // The server answers COMMIT of an aborted transaction with ROLLBACK and no error.
    ResultPtr(PQexec(connection_, "ROLLBACK"));
    return fail(ErrorCode::kInternal, "数据库事务中有一步失败，整批未提交",
                "postgres: COMMIT of a transaction a failed statement had aborted");
  }
  const std::string text(sql);
  ResultPtr result(PQexec(connection_, text.c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return tl::unexpected(postgres_error(connection_, result.get(), text));
  const char* changed = PQcmdTuples(result.get());
  changes_ = *changed != '\0' ? std::atoll(changed) : 0;
  return ok();
}

int64_t PostgresDatabase::last_insert_id() const {
  // The identity columns draw from sequences: lastval() is the id the session's last INSERT got.
  auto* self = const_cast<PostgresDatabase*>(this);
  self->claim(nullptr);
  const bool in_transaction = backend_in_transaction();
  if (in_transaction)
    (void)self->execute("SAVEPOINT faxian_lastval");
  ResultPtr result(PQexec(connection_, "SELECT lastval()"));
  int64_t id = 0;
  if (result && PQresultStatus(result.get()) == PGRES_TUPLES_OK && PQntuples(result.get()) == 1)
    id = parse_int(PQgetvalue(result.get(), 0, 0));
  if (in_transaction) {
    if (id == 0)
      (void)self->execute("ROLLBACK TO SAVEPOINT faxian_lastval");
    (void)self->execute("RELEASE SAVEPOINT faxian_lastval");
  }
  return id;
}

Result<void> PostgresDatabase::set_lock_timeout(int milliseconds) {
  return execute(fmt::format("SET lock_timeout = {}", milliseconds));
}

bool PostgresDatabase::broken() const {
  return PQstatus(connection_) != CONNECTION_OK;
}

bool PostgresDatabase::backend_in_transaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

}  // namespace faxian
