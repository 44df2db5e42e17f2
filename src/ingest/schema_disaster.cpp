// disaster 受灾 (应急管理局) — key: row (a hash of the feed name and every column).
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = DisasterRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    village_code_column<&R::village_code>("村社区代码", "village_code", kOptional),
    enum_column<&R::disaster_type>("灾害类型", "disaster_type", kRequired),
    date_column<&R::date>("受灾日期", "date", kRequired),
    enum_column<&R::damage>("受灾程度", "damage", kRequired),
    money_column<&R::loss>("直接经济损失", "loss", kOptional),
};

constexpr FeedSchema<R> kSchema{kColumns, nullptr, nullptr};

}  // namespace

const FeedSchema<DisasterRecord>& disaster_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
