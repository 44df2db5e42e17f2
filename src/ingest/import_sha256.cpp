#include "ingest/import_sha256.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t index = 0; index < size; ++index) {
    hex += kDigits[bytes[index] >> 4];
    hex += kDigits[bytes[index] & 0xF];
  }
  return hex;
}

}  // namespace

Result<std::string> file_sha256(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int error = errno;
    return fail(error == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                fmt::format("无法打开文件 {}", path),
                fmt::format("cannot open {}: {}", path, std::strerror(error)));
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> block(1 << 20);
  while (true) {
    const std::size_t read = std::fread(block.data(), 1, block.size(), file.get());
    if (read > 0)
      crypto_hash_sha256_update(&state, block.data(), read);
    if (read < block.size())
      break;
  }
  if (std::ferror(file.get())) {
    return fail(ErrorCode::kIo, fmt::format("读取文件 {} 时出错", path),
                fmt::format("read error on {}", path));
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return to_hex(digest, sizeof digest);
}

}  // namespace faxian::ingest
