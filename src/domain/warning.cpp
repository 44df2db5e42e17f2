#include "domain/warning.hpp"

#include <array>

namespace faxian {
namespace {

constexpr std::array<std::string_view, 3> kStatusKeys = {"open", "cleared", "suppressed"};

}  // namespace

std::string_view warning_status_key(WarningStatus status) {
  return kStatusKeys[static_cast<size_t>(status)];
}

std::optional<WarningStatus> find_warning_status(std::string_view key) {
  for (size_t i = 0; i < kStatusKeys.size(); ++i)
    if (kStatusKeys[i] == key)
      return static_cast<WarningStatus>(i);
  return std::nullopt;
}

}  // namespace faxian
