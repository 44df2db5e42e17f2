#pragma once
// For the reader tests only (header-only): read a whole table into memory, write files into a
// per-test temporary folder, measure a child process's peak memory.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/table_reader.hpp"

namespace faxian::ingest::testing {

struct ReadResult {
  std::vector<TableRow> rows;
  std::optional<Error> error;  // the open error, or the error that stopped reading
  std::optional<TableFormat> format;
};

inline ReadResult read_all(Result<std::unique_ptr<TableReader>> opened, size_t max_rows = 1000000) {
  ReadResult result;
  if (!opened) {
    result.error = opened.error();
    return result;
  }
  result.format = (*opened)->format();
  TableRow row;
  while (result.rows.size() < max_rows) {
    auto read = (*opened)->next(row);
    if (!read) {
      result.error = read.error();
      break;
    }
    if (!*read)
      break;
    result.rows.push_back(row);
  }
  return result;
}

inline ReadResult read_bytes(std::string_view bytes, const ReaderLimits& limits = {}) {
  return read_all(open_table_bytes(bytes, limits));
}

inline ReadResult read_path(const std::string& path, const ReaderLimits& limits = {}) {
  return read_all(open_table_file(path, limits));
}

// The texts of a row's cells.
inline std::vector<std::string> texts(const TableRow& row) {
  std::vector<std::string> out;
  for (const Cell& cell : row.cells)
    out.push_back(cell.text);
  return out;
}

// A fresh folder under the system temp folder for one test.
inline std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("faxian-readers-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline std::string write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline int64_t current_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stoll(line.substr(6));
  }
  return 0;
}

struct ChildRun {
  int exit_code = -1;
  int64_t peak_rss_growth_kb = 0;  // child's peak RSS minus this process's RSS at the fork
};

// Runs `work` in a forked child (exit code = its return value) and reports how far the
// child's resident memory rose above what it inherited.
inline ChildRun run_in_child(const std::function<int()>& work) {
  ChildRun run;
  const int64_t baseline = current_rss_kb();
  const pid_t child = ::fork();
  if (child == 0)
    ::_exit(work());
  int status = 0;
  struct rusage usage {};
  ::wait4(child, &status, 0, &usage);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.peak_rss_growth_kb = usage.ru_maxrss - baseline;
  return run;
}

}  // namespace faxian::ingest::testing
