#include "domain/toml_values.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace faxian::toml_values {

tl::unexpected<Error> key_error(FileKind file, std::string_view key, std::string_view zh,
                                std::string_view en) {
  return fail(ErrorCode::kInvalidArgument, fmt::format("{} {}：{}", file.zh, key, zh),
              fmt::format("{} {}: {}", file.en, key, en));
}

Result<void> check_known_keys(FileKind file, const toml::table& table, std::string_view where,
                              std::initializer_list<std::string_view> known) {
  for (auto&& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      return key_error(file, fmt::format("{}{}", where, key.str()), "未知的键（是否拼写错误？）",
                       "unknown key");
    }
  }
  return ok();
}

Result<int64_t> scaled_number(FileKind file, const toml::node* node, std::string_view key,
                              int decimals) {
  const double scale = std::pow(10.0, decimals);
  if (node == nullptr)
    return key_error(file, key, "缺少此项", "missing");
  if (auto integer = node->value_exact<int64_t>()) {
    if (std::abs(*integer) > (int64_t{1} << 40))
      return key_error(file, key, "数值过大", "too large");
    return *integer * static_cast<int64_t>(scale);
  }
  auto number = node->value_exact<double>();
  if (!number || !std::isfinite(*number) || std::abs(*number) > 1e12) {
    return key_error(file, key, "应为数字", "must be a number");
  }
  const double scaled = *number * scale;
  const double rounded = std::round(scaled);
  if (std::abs(scaled - rounded) > 1e-6 * std::max(1.0, std::abs(scaled))) {
    return key_error(file, key, fmt::format("最多 {} 位小数", decimals),
                     fmt::format("at most {} decimals", decimals));
  }
  return static_cast<int64_t>(rounded);
}

}  // namespace faxian::toml_values
