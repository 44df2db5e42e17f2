// libFuzzer target for the field parsers and the 13 feed parsers. The first byte chooses a
// feed and options; the rest is (1) given as one cell of every kind to every field parser and
// (2) read as a small table — lines split on '\n', cells on '\t', a cell starting with \x01
// (number), \x02 (date), \x03 (error) or \x04 (boolean) gets that kind — whose first line is
// the header when option bit 0x80 is set (else the feed's own header, Chinese or aliases).
// Checks: no crash; an accepted row has a key and a 32-digit hash; a rejected row has issues
// with a code and a message; parsing the same row twice gives the same answer.

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ethnicity.hpp"
#include "domain/feed_enums.hpp"
#include "domain/feed_kind.hpp"
#include "domain/person_enums.hpp"
#include "ingest/feed_parser.hpp"
#include "ingest/field_date.hpp"
#include "ingest/field_enum.hpp"
#include "ingest/field_id.hpp"
#include "ingest/field_money.hpp"
#include "ingest/field_text.hpp"
#include "ingest/record_hash.hpp"
#include "ingest/schemas.hpp"

namespace {

using namespace faxian;
using namespace faxian::ingest;

void check(bool condition) {
  if (!condition)
    std::abort();
}

template <typename T>
void expect_consistent(const FieldResult<T>& result) {
  if (!result) {
    check(!result.error().code.empty());
    check(!result.error().zh.empty());
    check(!result.error().en.empty());
  }
}

template <typename... E>
void parse_enums(const Cell& cell) {
  (expect_consistent(parse_enum_cell<E>(cell)), ...);
}

void every_field_parser(const Cell& cell) {
  expect_consistent(parse_resident_id(cell));
  expect_consistent(parse_date(cell));
  expect_consistent(parse_date_time(cell));
  expect_consistent(parse_month(cell));
  expect_consistent(parse_money(cell, AmountSign::kAny));
  expect_consistent(parse_money(cell, AmountSign::kNonNegative));
  expect_consistent(parse_text(cell));
  expect_consistent(parse_village_code(cell));
  expect_consistent(parse_school_year(cell));
  expect_consistent(parse_yes_no(cell));
  parse_enums<ChangeType, SettleKind, VisitType, EmploymentEvent, IncomeType, RecordStatus,
              DisasterType, DisasterDamage, MonitorType, PovertyRisk, EducationStage, AssetType,
              HotlineCategory, ApplicationType, ApplicationResult, RegistryCategory, Relation,
              Ethnicity, HukouType, DisabilityCategory, DisabilityGrade>(cell);
}

double number_of(std::string_view bytes, bool raw) {
  if (raw && bytes.size() >= sizeof(double)) {
    double value = 0;
    std::memcpy(&value, bytes.data(), sizeof value);
    return value;
  }
  return std::strtod(std::string(bytes).c_str(), nullptr);
}

Cell cell_of(std::string_view text, bool raw_numbers) {
  const CellKind kinds[] = {CellKind::kNumber, CellKind::kDate, CellKind::kError, CellKind::kBool};
  if (!text.empty() && text[0] >= 1 && text[0] <= 4) {
    const CellKind kind = kinds[text[0] - 1];
    text.remove_prefix(1);
    return Cell{kind, std::string(text), number_of(text, raw_numbers)};
  }
  return Cell{text.empty() ? CellKind::kEmpty : CellKind::kText, std::string(text), 0};
}

std::vector<TableRow> table_of(std::string_view bytes, bool raw_numbers) {
  std::vector<TableRow> rows;
  int64_t line = 0;
  while (!bytes.empty() && rows.size() < 64) {
    const std::size_t end = bytes.find('\n');
    std::string_view text = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
    TableRow row;
    row.line = ++line;
    while (row.cells.size() < 40) {
      const std::size_t tab = text.find('\t');
      row.cells.push_back(cell_of(text.substr(0, tab), raw_numbers));
      if (tab == std::string_view::npos)
        break;
      text.remove_prefix(tab + 1);
    }
    if (!row.cells.empty() && row.cells[0].text == "!problem")
      row.problem = "第 1 列过长";
    rows.push_back(std::move(row));
  }
  return rows;
}

TableRow feed_header(FeedKind feed, bool aliases, uint8_t rotation) {
  TableRow header;
  header.line = 1;
  const auto columns = feed_columns(feed);
  for (std::size_t index = 0; index < columns.size(); ++index) {
    const ColumnName& column = columns[(index + rotation) % columns.size()];
    header.cells.push_back(
        Cell{CellKind::kText, std::string(aliases ? column.alias : column.zh), 0});
  }
  return header;
}

bool same(const std::variant<ParsedRow, std::vector<BatchRowIssue>>& a,
          const std::variant<ParsedRow, std::vector<BatchRowIssue>>& b) {
  if (a.index() != b.index())
    return false;
  if (const auto* row = std::get_if<ParsedRow>(&a)) {
    const auto& other = std::get<ParsedRow>(b);
    return row->natural_key == other.natural_key && row->content_hash == other.content_hash &&
           row->record == other.record;
  }
  return std::get<1>(a) == std::get<1>(b);
}

void parse_table(uint8_t options, std::string_view bytes) {
  const FeedKind feed = kAllFeeds[options % kAllFeeds.size()];
  const MessageLanguage language =
      (options & 0x40) ? MessageLanguage::kEnglish : MessageLanguage::kChinese;
  auto parser = make_feed_parser(feed, ParseContext{*Date::from_ymd(2026, 11, 20), language});
  std::vector<TableRow> rows = table_of(bytes, options & 0x20);
  std::size_t first = 0;
  const bool own_header = options & 0x80;
  if (own_header && rows.empty())
    return;
  const TableRow header = own_header ? rows[first++] : feed_header(feed, options & 0x10, options);
  if (!parser->read_header(header)) {
    return;
  }
  for (const BatchRowIssue& warning : parser->warnings())
    check(warning.code == "unknown_column" && !warning.message.empty());
  for (std::size_t index = first; index < rows.size(); ++index) {
    const auto outcome = parser->parse(rows[index]);
    if (const auto* row = std::get_if<ParsedRow>(&outcome)) {
      check(row->content_hash.size() == 32);
      check(!row->natural_key.empty());
      check(row->line == rows[index].line);
    } else {
      const auto& issues = std::get<1>(outcome);
      check(!issues.empty());
      for (const BatchRowIssue& issue : issues)
        check(!issue.code.empty() && !issue.message.empty() && issue.row == rows[index].line);
    }
    check(same(outcome, parser->parse(rows[index])));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  const uint8_t options = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if (bytes.size() <= 256) {
    const double number = number_of(bytes, options & 0x20);
    for (CellKind kind : {CellKind::kEmpty, CellKind::kText, CellKind::kNumber, CellKind::kDate,
                          CellKind::kBool, CellKind::kError}) {
      every_field_parser(Cell{kind, std::string(bytes), number});
    }
    expect_consistent(money_from_number_text(bytes));
    expect_consistent(date_from_excel_serial(number));
    expect_consistent(date_time_from_excel_serial(number));
    check(murmur3_128_hex(bytes).size() == 32);
  }
  parse_table(options, bytes);
  return 0;
}
