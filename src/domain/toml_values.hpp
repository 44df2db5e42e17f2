#pragma once
// Reading checked values out of a configuration TOML (standards, rules): errors name the file
// kind and the full key, in Chinese for the user and English for the log. toml++ stays inside
// the domain module's configuration readers.

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include <toml++/toml.h>

#include "common/error.hpp"

namespace faxian::toml_values {

struct FileKind {
  std::string_view zh;  // "救助标准文件"
  std::string_view en;  // "standards file"
};

tl::unexpected<Error> key_error(FileKind file, std::string_view key, std::string_view zh,
                                std::string_view en);

// An error naming the first key of `table` not in `known` (a misspelt key must not be ignored).
Result<void> check_known_keys(FileKind file, const toml::table& table, std::string_view where,
                              std::initializer_list<std::string_view> known);

// A decimal number with at most `decimals` decimals, scaled by 10^decimals, exactly: TOML
// floats are binary, but any such figure below 2^53 / 10^decimals rounds back to its decimal.
Result<int64_t> scaled_number(FileKind file, const toml::node* node, std::string_view key,
                              int decimals);

}  // namespace faxian::toml_values
