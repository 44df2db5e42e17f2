// employment 就业与社保变动 (人社局) — key: row (a hash of the feed name and every column).
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = EmploymentRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::event>("事件类型", "event", kRequired),
    date_column<&R::date>("事件日期", "event_date", kRequired),
    text_column<&R::employer>("单位名称", "employer", kOptional),
    money_column<&R::contribution_base>("缴费基数", "contribution_base", kOptional),
};

constexpr FeedSchema<R> kSchema{kColumns, nullptr, nullptr};

}  // namespace

const FeedSchema<EmploymentRecord>& employment_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
