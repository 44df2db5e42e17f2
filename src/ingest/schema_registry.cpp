// registry 救助对象名册 (current recipients) — key: 身份证号 + 类别 + 开始日期. 类别 accepts both
// 刚性支出困难 and its former name 支出型困难 (one value, expenditure_hardship).
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = RegistryRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    text_column<&R::household_no>("户号", "household_no", kOptional),
    enum_column<&R::category>("类别", "category", kRequired),
    date_column<&R::start_date>("开始日期", "start_date", kRequired),
    date_column<&R::end_date>("结束日期", "end_date", kOptional),
    money_column<&R::monthly_amount>("保障金额", "monthly_amount", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.category);
  key.part(record.start_date);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<RegistryRecord>& registry_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
