// assets 财产 (车管/不动产/市场监管/金融) — key: row (a hash of the feed name and every column).
// 状态 blank = 有效 (30-screening.md: "status not 注销 (blank = 有效)").
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = AssetRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::asset_type>("财产类型", "asset_type", kRequired),
    date_column<&R::date>("登记日期", "date", kRequired),
    text_column<&R::description>("描述", "description", kOptional),
    money_column<&R::value>("估值", "value", kOptional),
    enum_column<&R::status>("状态", "status", kOptional),
};

constexpr FeedSchema<R> kSchema{kColumns, nullptr, nullptr};

}  // namespace

const FeedSchema<AssetRecord>& assets_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
