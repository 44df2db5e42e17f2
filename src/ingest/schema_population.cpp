// population 户籍人口 (公安) — key: 身份证号 + 变动类型 + 变动日期. A blank 变动日期 is the import
// date (30-screening.md: "A blank 变动日期 is the import date").
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = PopulationRecord;

bool apply_change_date(const Cell& cell, R& record, RowState& row) {
  if (is_blank(cell)) {
    record.change_date = row.context().import_date;
    return true;
  }
  return apply_cell<&R::change_date, &parse_date>(cell, record, row);
}

constexpr Column<R> kColumns[] = {
    text_column<&R::household_no>("户号", "household_no", kRequired),
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::relation>("与户主关系", "relation", kRequired),
    village_code_column<&R::village_code>("村社区代码", "village_code", kRequired),
    text_column<&R::address>("住址", "address", kOptional),
    enum_column<&R::ethnicity>("民族", "ethnicity", kOptional),
    enum_column<&R::hukou_type>("户口性质", "hukou_type", kOptional),
    text_column<&R::phone>("联系电话", "phone", kOptional),
    enum_column<&R::change_type>("变动类型", "change_type", kOptional),
    {"变动日期", "change_date", kOptional, &apply_change_date, &hash_member<&R::change_date>},
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.change_type);
  key.part(record.change_date);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<PopulationRecord>& population_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
