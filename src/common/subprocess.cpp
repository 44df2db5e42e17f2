#include "common/subprocess.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace faxian {
namespace {

constexpr size_t kKeptErrorBytes = 4096;

// Reads everything from `fd` keeping the last kKeptErrorBytes.
std::string drain_tail(int fd) {
  std::string text;
  std::array<char, 4096> buffer{};
  while (true) {
    const ssize_t got = read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    text.append(buffer.data(), static_cast<size_t>(got));
    if (text.size() > 2 * kKeptErrorBytes)
      text.erase(0, text.size() - kKeptErrorBytes);
  }
  if (text.size() > kKeptErrorBytes)
    text.erase(0, text.size() - kKeptErrorBytes);
  return text;
}

}  // namespace

Result<ProcessOutcome> run_process(const std::vector<std::string>& argv,
                                   const std::string& stdout_path) {
  if (argv.empty())
    return fail(ErrorCode::kInternal, "内部错误", "run_process without a program");
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0)
    return fail(ErrorCode::kUnavailable, "无法启动外部程序", std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1,
                                   stdout_path.empty() ? "/dev/null" : stdout_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return fail(ErrorCode::kUnavailable, fmt::format("无法启动程序 {}", argv[0]),
                fmt::format("posix_spawnp {}: {}", argv[0], std::strerror(spawned)));
  }
  ProcessOutcome outcome;
  outcome.error_text = drain_tail(pipe_fds[0]);
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return fail(ErrorCode::kInternal, "内部错误", std::strerror(errno));
  }
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return outcome;
}

}  // namespace faxian
