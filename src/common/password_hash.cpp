#include "common/password_hash.hpp"

#include <sodium.h>

#include <vector>

namespace faxian {
namespace {

bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
  const bool minimum = cost == PasswordCost::kTestsMinimum;
  const unsigned long long operations =
      minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const size_t memory = minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char hash[crypto_pwhash_STRBYTES];
  if (!sodium_ready() || crypto_pwhash_str_alg(hash, password.data(), password.size(), operations,
                                               memory, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(ErrorCode::kInternal, "无法计算密码摘要",
                "argon2id hashing failed (out of memory?)");
  }
  return std::string(hash);
}

bool verify_password(std::string_view password, const std::string& hash) {
  if (!sodium_ready() || hash.size() >= crypto_pwhash_STRBYTES)
    return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_password(int length) {
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  sodium_ready();
  std::string password;
  password.reserve(static_cast<size_t>(length));
  for (int i = 0; i < length; ++i) {
    password += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
  }
  return password;
}

namespace {

std::string to_hex(const unsigned char* data, size_t size) {
  std::string hex(size * 2, '0');
  sodium_bin2hex(hex.data(), hex.size() + 1, data, size);
  return hex;
}

}  // namespace

std::string random_token_hex(int bytes) {
  std::vector<unsigned char> buffer(static_cast<size_t>(bytes));
  (void)sodium_ready();
  randombytes_buf(buffer.data(), buffer.size());
  return to_hex(buffer.data(), buffer.size());
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return to_hex(digest, sizeof digest);
}

}  // namespace faxian
