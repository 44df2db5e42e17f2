// The public form's arithmetic challenge, signed and checked without server-side state (see
// public_challenge.hpp).

#include "api/public_challenge.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common/password_hash.hpp"
#include "common/text.hpp"

namespace faxian::api {
namespace {

constexpr std::array<const char*, 10> kNumerals = {"零", "一", "二", "三", "四",
                                                   "五", "六", "七", "八", "九"};

// The per-process HMAC key.
const std::array<unsigned char, crypto_auth_KEYBYTES>& challenge_key() {
  static const std::array<unsigned char, crypto_auth_KEYBYTES> key = [] {
    std::array<unsigned char, crypto_auth_KEYBYTES> fresh{};
    if (sodium_init() < 0)
      std::abort();  // libsodium cannot work without its random source
    crypto_auth_keygen(fresh.data());
    return fresh;
  }();
  return key;
}

std::string mac_hex(int64_t expires_at, std::string_view nonce, int answer) {
  const std::string message = fmt::format("{}.{}.{}", expires_at, nonce, answer);
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              challenge_key().data());
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

// Nonces of challenges answered correctly, until they expire (an id is good for one report).
class UsedNonces {
 public:
  // False when `nonce` was used already.
  bool use(const std::string& nonce, int64_t expires_at, int64_t now) {
    std::lock_guard lock(mutex_);
    if (used_.size() > 1024)
      forget_expired(now);
    return used_.emplace(nonce, expires_at).second;
  }

 private:
  void forget_expired(int64_t now) {
    for (auto it = used_.begin(); it != used_.end();)
      it = it->second < now ? used_.erase(it) : std::next(it);
  }

  std::mutex mutex_;
  std::unordered_map<std::string, int64_t> used_;
};

UsedNonces& used_nonces() {
  static UsedNonces used;
  return used;
}

Error refused(std::string_view detail) {
  return Error(ErrorCode::kInvalidArgument, "验证题回答错误或已过期，请重新获取验证题后再提交",
               std::string(detail));
}

std::optional<int> parse_answer(std::string_view answer) {
  const std::string text = to_half_width(trim(answer));
  const std::string_view digits = trim(text);
  if (digits.empty() || digits.size() > 3)
    return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  return value;
}

// "<expires>.<nonce>.<mac>" split in three; false when it is not of that shape.
bool split_id(std::string_view id, int64_t& expires_at, std::string& nonce, std::string& mac) {
  const size_t first = id.find('.');
  const size_t second = first == std::string_view::npos ? first : id.find('.', first + 1);
  if (second == std::string_view::npos || id.size() > 200)
    return false;
  const std::string_view expires = id.substr(0, first);
  auto [end, error] = std::from_chars(expires.data(), expires.data() + expires.size(), expires_at);
  if (error != std::errc() || end != expires.data() + expires.size())
    return false;
  nonce = std::string(id.substr(first + 1, second - first - 1));
  mac = std::string(id.substr(second + 1));
  return !nonce.empty() && mac.size() == crypto_auth_BYTES * 2;
}

}  // namespace

PublicChallenge issue_challenge(int64_t now) {
  challenge_key();  // initialises libsodium before randombytes_*
  const int left = static_cast<int>(randombytes_uniform(9)) + 1;
  const int right = static_cast<int>(randombytes_uniform(9)) + 1;
  const bool subtract = randombytes_uniform(2) == 1;
  const int big = std::max(left, right);
  const int small = std::min(left, right);
  PublicChallenge challenge;
  challenge.expires_at = now + kChallengeLifetimeSeconds;
  const std::string nonce = random_token_hex(12);
  const int answer = subtract ? big - small : left + right;
  challenge.question = subtract ? fmt::format("{}减{}等于几？", kNumerals[big], kNumerals[small])
                                : fmt::format("{}加{}等于几？", kNumerals[left], kNumerals[right]);
  challenge.challenge_id = fmt::format("{}.{}.{}", challenge.expires_at, nonce,
                                       mac_hex(challenge.expires_at, nonce, answer));
  return challenge;
}

Result<void> check_challenge(std::string_view challenge_id, std::string_view answer, int64_t now) {
  int64_t expires_at = 0;
  std::string nonce;
  std::string mac;
  if (!split_id(challenge_id, expires_at, nonce, mac))
    return tl::unexpected(refused("malformed challenge id"));
  if (expires_at < now || expires_at > now + kChallengeLifetimeSeconds)
    return tl::unexpected(refused("challenge expired"));
  const std::optional<int> value = parse_answer(answer);
  if (!value)
    return tl::unexpected(refused("answer is not a number"));
  const std::string expected = mac_hex(expires_at, nonce, *value);
  if (sodium_memcmp(expected.data(), mac.data(), expected.size()) != 0)
    return tl::unexpected(refused("wrong answer"));
  if (!used_nonces().use(nonce, expires_at, now))
    return tl::unexpected(refused("challenge used before"));
  return ok();
}

}  // namespace faxian::api
