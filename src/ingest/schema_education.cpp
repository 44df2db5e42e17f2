// education 教育 (教育局) — key: 身份证号 + 学年. Fees and aid are yuan per year, never negative.
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = EducationRecord;

constexpr Column<R> kColumns[] = {
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    enum_column<&R::stage>("学段", "stage", kRequired),
    school_year_column<&R::school_year>("学年", "school_year", kRequired),
    money_column<&R::fees>("学费住宿费", "fees", kRequired),
    money_column<&R::aid>("已获资助", "aid", kOptional),
};

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.id_number);
  key.part(record.school_year);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, nullptr};

}  // namespace

const FeedSchema<EducationRecord>& education_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
