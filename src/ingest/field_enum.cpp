#include "ingest/field_enum.hpp"

#include <fmt/format.h>

namespace faxian::ingest::enum_detail {

FieldError unknown_enum_error(std::string_view value, std::string_view labels_zh,
                              std::string_view words_en) {
  return {issue_code::kUnknownEnum,
          fmt::format("「{}」无法识别，应为：{}", shown(value), labels_zh),
          fmt::format("unknown value “{}”; expected one of: {}", shown(value), words_en)};
}

}  // namespace faxian::ingest::enum_detail
