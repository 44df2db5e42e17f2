#include "common/file_util.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace faxian {
namespace {

// The usual causes in words a clerk understands; strerror's English otherwise.
std::string reason_zh(int error_number) {
  switch (error_number) {
    case ENOENT:
      return "文件或所在文件夹不存在";
    case EACCES:
    case EPERM:
      return "没有访问权限";
    case ENOSPC:
    case EDQUOT:
      return "磁盘空间不足";
    case EISDIR:
      return "这是一个文件夹，不是文件";
    case EROFS:
      return "磁盘是只读的";
    default:
      return std::strerror(error_number);
  }
}

tl::unexpected<Error> io_error(std::string_view action_zh, std::string_view action_en,
                               const std::string& path, int error_number) {
  const ErrorCode code = error_number == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo;
  return fail(code, fmt::format("{}文件「{}」失败：{}", action_zh, path, reason_zh(error_number)),
              fmt::format("{} {}: {}", action_en, path, std::strerror(error_number)));
}

Result<void> write_all(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR)
        continue;
      return io_error("写入", "write", path, errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return ok();
}

// Makes the rename itself durable.
void sync_directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  const std::string dir = parent.empty() ? "." : parent.string();
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

Result<void> fill_temp_file(int fd, const std::string& path, const std::string& temp_path,
                            std::string_view bytes) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && ::fchmod(fd, existing.st_mode & 07777) != 0) {
    return io_error("设置权限", "chmod", temp_path, errno);
  }
  FAXIAN_TRY(write_all(fd, bytes, temp_path));
  if (::fsync(fd) != 0)
    return io_error("同步", "fsync", temp_path, errno);
  return ok();
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return io_error("读取", "read", path, errno);
  std::string contents;
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0)
      break;
    if (got < 0) {
      if (errno == EINTR)
        continue;
      const int read_errno = errno;
      ::close(fd);
      return io_error("读取", "read", path, read_errno);
    }
    contents.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return contents;
}

Result<void> write_file_atomic(const std::string& path, std::string_view bytes) {
  std::string temp_path = path + ".tmp.XXXXXX";
  const int fd = ::mkstemp(temp_path.data());
  if (fd < 0)
    return io_error("创建临时", "create temp for", path, errno);
  auto filled = fill_temp_file(fd, path, temp_path, bytes);
  const bool closed = ::close(fd) == 0;
  if (filled && !closed)
    filled = io_error("关闭", "close", temp_path, errno);
  if (filled && ::rename(temp_path.c_str(), path.c_str()) != 0) {
    filled = io_error("替换", "rename over", path, errno);
  }
  if (!filled) {
    ::unlink(temp_path.c_str());
    return filled;
  }
  sync_directory_of(path);
  return ok();
}

Result<std::vector<std::string>> list_files(const std::string& dir, std::string_view suffix) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return fail(ErrorCode::kNotFound, fmt::format("文件夹「{}」不存在", dir),
                fmt::format("not a directory: {}", dir));
  }
  std::vector<std::string> paths;
  std::filesystem::directory_iterator entries(dir, error);
  for (; !error && entries != std::filesystem::directory_iterator(); entries.increment(error)) {
    const std::string name = entries->path().filename().string();
    std::error_code type_error;
    if (entries->is_regular_file(type_error) && name.ends_with(suffix)) {
      paths.push_back(entries->path().string());
    }
  }
  if (error) {
    return fail(ErrorCode::kIo, fmt::format("读取文件夹「{}」失败：{}", dir, error.message()),
                fmt::format("list {}: {}", dir, error.message()));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace faxian
