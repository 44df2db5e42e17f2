#pragma once
// Test-only helper: runs a node script of tests/oracles and returns its stdout lines. The
// oracle tests must never skip: a missing node or node_modules fails the test with the command
// that fixes it.

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"

namespace faxian::testing_support {

inline std::string oracle_dir() {
  return faxian_source_dir() + "/tests/oracles";
}

// Runs `command` through the shell; stdout into `output`; returns the exit status (-1 if the
// shell could not start).
inline int run_capturing_stdout(const std::string& command, std::string& output) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    return -1;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output.append(buffer, got);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The stdout lines of `node tests/oracles/<script> <args>`, or nullopt after recording a test
// failure that says how to install what is missing. REQUIRES: args are shell-safe.
inline std::optional<std::vector<std::string>> run_node_oracle(const std::string& script,
                                                               const std::string& args,
                                                               const std::string& npm_package) {
  std::string version;
  if (run_capturing_stdout("node --version 2>/dev/null", version) != 0) {
    ADD_FAILURE() << "node is not installed: install node 20 (scripts/bootstrap.sh), then run "
                     "`npm ci --prefix tests/oracles`";
    return std::nullopt;
  }
  const std::string package_json = oracle_dir() + "/node_modules/" + npm_package + "/package.json";
  if (!std::filesystem::exists(package_json)) {
    ADD_FAILURE() << "the oracle package " << npm_package
                  << " is not installed: run `npm ci --prefix tests/oracles`";
    return std::nullopt;
  }
  std::string output;
  const std::string command = "node '" + oracle_dir() + "/" + script + "' " + args;
  const int exit_code = run_capturing_stdout(command, output);
  if (exit_code != 0) {
    ADD_FAILURE() << command << " exited with " << exit_code
                  << " (its stderr is above); try `npm ci --prefix tests/oracles`";
    return std::nullopt;
  }
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < output.size()) {
    std::size_t end = output.find('\n', begin);
    if (end == std::string::npos)
      end = output.size();
    lines.push_back(output.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

}  // namespace faxian::testing_support
