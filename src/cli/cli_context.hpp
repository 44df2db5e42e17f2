#pragma once
// Options every command shares, and helpers for reporting results the same way everywhere.

#include <string>

#include "common/error.hpp"

namespace faxian::cli {

struct GlobalOptions {
  std::string db = "./faxian.db";  // SQLite path or postgresql://…
  std::string config_file;         // optional TOML
  std::string lang = "zh";         // zh | en
  bool json = false;               // machine-readable reports
};

// Exit codes of 80-cli.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRejectedRows = 3;

// Prints an error to stderr in the chosen language and returns kExitFailure.
int report_error(const GlobalOptions& global, const Error& error);

}  // namespace faxian::cli
