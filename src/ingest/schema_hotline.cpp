// hotline 热线工单 (12345/12349) — key: 工单号. The ID of the person in need is optional (a
// blank cell is allowed; an invalid one is an error); 来电时间 is a date and time.
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = HotlineRecord;

constexpr Column<R> kColumns[] = {
    text_column<&R::ticket_no>("工单号", "ticket_no", kRequired),
    date_time_column<&R::call_time>("来电时间", "call_time", kRequired),
    text_column<&R::caller_name>("来电人", "caller_name", kOptional),
    text_column<&R::caller_phone>("联系电话", "caller_phone", kOptional),
    id_column<&R::id_number>("身份证号", "id_number", kOptional),
    text_column<&R::subject_name>("求助人姓名", "subject_name", kOptional),
    village_code_column<&R::village_code>("村社区代码", "village_code", kOptional),
    text_column<&R::address>("地址", "address", kOptional),
    enum_column<&R::category>("诉求类型", "category", kOptional),
    text_column<&R::content>("诉求内容", "content", kRequired),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.ticket_no);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<HotlineRecord>& hotline_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
