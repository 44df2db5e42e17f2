// disability 残疾人 (残联) — key: 身份证号 + 发证日期. 残疾等级 一级..四级 or 1..4; 状态 blank =
// 有效.
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = DisabilityRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::category>("残疾类别", "category", kRequired),
    enum_column<&R::grade>("残疾等级", "grade", kRequired),
    date_column<&R::issue_date>("发证日期", "issue_date", kRequired),
    enum_column<&R::status>("状态", "status", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.issue_date);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<DisabilityRecord>& disability_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
