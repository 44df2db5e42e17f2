#pragma once
// One typed value of a feed row, before it is written in some representation (clean CSV,
// messy CSV, XLSX). Text views must stay valid until RowSink::row returns.

#include <span>
#include <string_view>

#include "common/date.hpp"
#include "gen/labels.hpp"
#include "gen/model.hpp"

namespace faxian::gen {

enum class CellKind : uint8_t {
  kBlank,
  kText,  // free text (names, addresses, descriptions)
  kCode,  // digits or codes that must stay text (户号, village code, phone, numbers)
  kId,    // resident ID
  kDate,
  kDateTime,  // date + seconds of the day
  kMonth,
  kMoney,  // fen (may be negative for reversals)
  kEnum,   // a label (zh, alias, code)
};

struct Cell {
  CellKind kind = CellKind::kBlank;
  std::string_view text;
  Label label;
  const IdNumber* id = nullptr;
  Date date;
  int32_t seconds = 0;
  Month month;
  int64_t fen = 0;

  static Cell blank() { return Cell(); }
  static Cell of_text(std::string_view value) { return with_text(CellKind::kText, value); }
  static Cell of_code(std::string_view value) { return with_text(CellKind::kCode, value); }
  static Cell of_id(const IdNumber& value) {
    Cell cell;
    cell.kind = CellKind::kId;
    cell.id = &value;
    return cell;
  }
  static Cell of_date(Date value) {
    Cell cell;
    cell.kind = CellKind::kDate;
    cell.date = value;
    return cell;
  }
  static Cell of_date(const std::optional<Date>& value) {
    return value ? of_date(*value) : blank();
  }
  static Cell of_datetime(Date value, int32_t seconds) {
    Cell cell = of_date(value);
    cell.kind = CellKind::kDateTime;
    cell.seconds = seconds;
    return cell;
  }
  static Cell of_month(Month value) {
    Cell cell;
    cell.kind = CellKind::kMonth;
    cell.month = value;
    return cell;
  }
  static Cell of_money(Money value) {
    Cell cell;
    cell.kind = CellKind::kMoney;
    cell.fen = value.fen();
    return cell;
  }
  static Cell of_money(const std::optional<Money>& value) {
    return value ? of_money(*value) : blank();
  }
  static Cell of_enum(Label value) {
    if (value.zh.empty())
      return blank();
    Cell cell;
    cell.kind = CellKind::kEnum;
    cell.label = value;
    return cell;
  }

 private:
  static Cell with_text(CellKind kind, std::string_view value) {
    Cell cell;
    cell.kind = kind;
    cell.text = value;
    return cell;
  }
};

class RowSink {
 public:
  virtual ~RowSink() = default;
  // One row; `cells` are in the feed's column order (feed_columns).
  virtual void row(std::span<const Cell> cells) = 0;
};

}  // namespace faxian::gen
