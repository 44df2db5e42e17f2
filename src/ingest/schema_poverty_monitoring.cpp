// poverty_monitoring 防返贫监测 (乡村振兴/农业农村) — key: 身份证号 + 识别日期. 风险是否消除 is
// 是/否, blank 否; a 是 with a blank 消除日期 counts as cleared from the identification date
// (30-screening.md), so it is kept as written.
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = PovertyMonitoringRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::monitor_type>("监测对象类别", "monitor_type", kRequired),
    enum_column<&R::risk>("主要风险", "risk", kOptional),
    date_column<&R::identified_date>("识别日期", "identified_date", kRequired),
    column<&R::risk_cleared, &parse_yes_no>("风险是否消除", "risk_cleared", kOptional),
    date_column<&R::cleared_date>("消除日期", "cleared_date", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.identified_date);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<PovertyMonitoringRecord>& poverty_monitoring_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
