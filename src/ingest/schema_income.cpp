// income 收入 (人社/税务/公积金) — key: 身份证号 + 所属期 + 收入类型 + 来源.
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = IncomeRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    month_column<&R::month>("所属期", "month", kRequired),
    enum_column<&R::income_type>("收入类型", "income_type", kRequired),
    money_column<&R::amount>("金额", "amount", kRequired),
    text_column<&R::source_dept>("来源", "source_dept", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.month);
  key.part(record.income_type);
  key.part(record.source_dept);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<IncomeRecord>& income_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
