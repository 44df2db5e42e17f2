// death 死亡 (公安/殡葬) — key: 身份证号 (a second row for the same person corrects the first).
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = DeathRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    date_column<&R::death_date>("死亡日期", "death_date", kRequired),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<DeathRecord>& death_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
