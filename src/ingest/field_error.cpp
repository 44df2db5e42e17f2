#include "ingest/field_error.hpp"

namespace faxian::ingest {

FieldError missing_value_error() {
  return {issue_code::kMissingValue, "必填项为空", "a required value is missing"};
}

}  // namespace faxian::ingest
