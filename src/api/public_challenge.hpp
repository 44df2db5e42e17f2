#pragma once
// The public report form's challenge against scripts (50-api-security.md "Privacy"): a small
// arithmetic question in Chinese numerals ("三加四等于几？"). Verification is stateless: the
// challenge id carries its expiry and a nonce, and an HMAC (libsodium crypto_auth, HMAC-SHA-512-
// 256) over them and the right answer, so only the server that asked can check an answer and the
// answer itself is never in the id. The key is random per server process: a restart invalidates
// the challenges then open (a reporter just asks for a new one). An id is accepted once: used
// nonces are remembered in memory until they expire. Wrong answers cost the client one attempt
// of its report rate limit, which keeps guessing the (small) answer space useless.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian::api {

inline constexpr int64_t kChallengeLifetimeSeconds = 15 * 60;

struct PublicChallenge {
  std::string challenge_id;  // "<expires>.<nonce>.<mac>", opaque to clients
  std::string question;      // Chinese, e.g. "三加四等于几？"
  int64_t expires_at = 0;
};

// A new challenge valid for kChallengeLifetimeSeconds from `now`.
PublicChallenge issue_challenge(int64_t now);

// ok() when `answer` (ASCII or full-width digits, surrounding blanks ignored) answers the
// challenge, which has not expired and was not used before; kInvalidArgument with a Chinese
// message otherwise. A correct answer uses the challenge up.
Result<void> check_challenge(std::string_view challenge_id, std::string_view answer, int64_t now);

}  // namespace faxian::api
