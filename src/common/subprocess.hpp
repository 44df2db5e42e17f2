#pragma once
// Running another program (pg_dump, pg_restore) without a shell: the arguments are passed as
// they are, so nothing in them is ever interpreted.

#include <string>
#include <vector>

#include "common/error.hpp"

namespace faxian {

struct ProcessOutcome {
  int exit_code = 0;       // the program's exit status; 128 + N when signal N ended it
  std::string error_text;  // what it wrote to stderr (the last 4 KiB)
};

// Runs argv[0] (looked up in PATH when it has no '/') with stdin from /dev/null and stdout to
// `stdout_path` ("" = /dev/null), waits for it, and returns how it ended. kUnavailable when the
// program cannot be started.
Result<ProcessOutcome> run_process(const std::vector<std::string>& argv,
                                   const std::string& stdout_path = "");

}  // namespace faxian
