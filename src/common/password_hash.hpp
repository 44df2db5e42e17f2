#pragma once
// Password hashing with argon2id (libsodium's crypto_pwhash_str, interactive limits), and
// random secrets for generated passwords and tokens.

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian {

// How expensive a hash is to compute and to verify (the parameters are stored in the hash).
enum class PasswordCost {
  kInteractive,   // libsodium's interactive limits: every real account
  kTestsMinimum,  // the smallest argon2id parameters: test fixtures that log in hundreds of times
};

// An argon2id hash string ("$argon2id$v=19$…") of `password`; kInternal if libsodium fails
// (out of memory).
Result<std::string> hash_password(std::string_view password,
                                  PasswordCost cost = PasswordCost::kInteractive);
// Whether `password` matches `hash`; false for a malformed hash.
bool verify_password(std::string_view password, const std::string& hash);
// A random password of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I).
std::string random_password(int length = 14);
// `bytes` random bytes as lower-case hex (session and API tokens: 32 bytes = 256 bits).
std::string random_token_hex(int bytes = 32);
// Lower-case hex SHA-256 of `text` (tokens are stored only as this).
std::string sha256_hex(std::string_view text);

}  // namespace faxian
