// applications 救助申请历史 (existing assistance system) — key: 申请编号. 结果日期 is optional
// (pending applications have none; 30-screening.md reads a blank one as the apply date).
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = ApplicationRecord;

constexpr Column<R> kColumns[] = {
    text_column<&R::application_no>("申请编号", "application_no", kRequired),
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::type>("申请类别", "type", kRequired),
    date_column<&R::apply_date>("申请日期", "apply_date", kRequired),
    enum_column<&R::result>("审批结果", "result", kRequired),
    date_column<&R::result_date>("结果日期", "result_date", kOptional),
    text_column<&R::reason>("原因", "reason", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.application_no);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<ApplicationRecord>& applications_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
