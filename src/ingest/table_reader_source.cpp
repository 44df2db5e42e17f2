#include "ingest/table_reader_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace faxian::ingest {
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, int64_t size, std::string path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> read_at(int64_t offset, char* out, size_t size) override {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0) {
        return fail(ErrorCode::kIo, "读取文件失败：" + path_,
                    std::string("pread failed: ") + std::strerror(errno));
      }
      if (n == 0)
        break;
      done += static_cast<size_t>(n);
    }
    return done;
  }
  int64_t size() const override { return size_; }

 private:
  int fd_;
  int64_t size_;
  std::string path_;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> read_at(int64_t offset, char* out, size_t size) override {
    if (offset < 0 || offset >= static_cast<int64_t>(bytes_.size()))
      return size_t{0};
    const size_t count = std::min(size, bytes_.size() - static_cast<size_t>(offset));
    std::memcpy(out, bytes_.data() + offset, count);
    return count;
  }
  int64_t size() const override { return static_cast<int64_t>(bytes_.size()); }

 private:
  std::string bytes_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    const ErrorCode code = error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo;
    return fail(code, (error == ENOENT ? "文件不存在：" : "无法打开文件：") + path,
                std::string("open failed: ") + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return fail(ErrorCode::kIo, "不是可读取的普通文件：" + path, "not a regular file");
  }
  return std::make_unique<FileSource>(fd, static_cast<int64_t>(info.st_size), path);
}

std::unique_ptr<ByteSource> make_memory_source(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

}  // namespace faxian::ingest
