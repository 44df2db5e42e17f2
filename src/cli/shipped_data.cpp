#include "cli/shipped_data.hpp"

#include <cstdlib>
#include <filesystem>

namespace faxian::cli {
namespace {

std::string installed_data_dir() {
  std::error_code error;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error)
    return {};
  return (exe.parent_path().parent_path() / "share" / "faxian").string();
}

}  // namespace

std::string shipped_data_dir() {
  if (const char* env = std::getenv("FAXIAN_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  if (const std::string installed = installed_data_dir();
      !installed.empty() && std::filesystem::is_directory(installed + "/regions")) {
    return installed;
  }
  return std::string(FAXIAN_SOURCE_DIR) + "/data";
}

std::string shipped_regions_file() {
  return shipped_data_dir() + "/regions/500241.csv";
}
std::string shipped_standards_file() {
  return shipped_data_dir() + "/standards/chongqing.toml";
}
std::string shipped_calendar_dir() {
  return shipped_data_dir() + "/calendar";
}
std::string shipped_rules_file() {
  return shipped_data_dir() + "/rules/default.toml";
}

std::string shipped_web_dir() {
  if (const char* env = std::getenv("FAXIAN_WEB_DIR"); env != nullptr && *env != '\0')
    return env;
  if (const std::string installed = installed_data_dir();
      !installed.empty() && std::filesystem::is_regular_file(installed + "/web/index.html")) {
    return installed + "/web";
  }
  return std::string(FAXIAN_SOURCE_DIR) + "/web/dist";
}

}  // namespace faxian::cli
