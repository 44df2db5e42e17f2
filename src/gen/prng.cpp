#include "gen/prng.hpp"

namespace faxian::gen {
namespace {

constexpr uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

}  // namespace

uint64_t splitmix64_next(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  return mix64(state);
}

uint64_t mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : s_)
    word = splitmix64_next(state);
}

Rng Rng::for_stream(uint64_t seed, Stream stream, uint64_t index, uint64_t sub) {
  uint64_t h = mix64(seed ^ 0x6A09E667F3BCC909ULL);
  h = mix64(h ^ (static_cast<uint64_t>(stream) * 0xBB67AE8584CAA73BULL));
  h = mix64(h ^ (index * 0x3C6EF372FE94F82BULL + 0x1F83D9ABFB41BD6BULL));
  h = mix64(h ^ (sub * 0xA54FF53A5F1D36F1ULL + 0x5BE0CD19137E2179ULL));
  return Rng(h);
}

uint64_t Rng::next() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

uint64_t Rng::below(uint64_t bound) {
  // Reject the lowest (2^64 mod bound) values so that every residue is equally likely.
  const uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const uint64_t r = next();
    if (r >= threshold)
      return r % bound;
  }
}

int64_t Rng::between(int64_t lo, int64_t hi) {
  const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
  if (span == 0)
    return static_cast<int64_t>(next());
  return lo + static_cast<int64_t>(below(span));
}

double Rng::unit() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool Rng::chance(double p) {
  if (p <= 0)
    return false;
  if (p >= 1)
    return true;
  return unit() < p;
}

int64_t Rng::skewed_low(int64_t lo, int64_t hi) {
  const double u = unit();
  const auto offset = static_cast<int64_t>(u * u * static_cast<double>(hi - lo + 1));
  return lo + (offset > hi - lo ? hi - lo : offset);
}

size_t Rng::weighted(std::span<const uint32_t> weights) {
  uint64_t total = 0;
  for (uint32_t w : weights)
    total += w;
  uint64_t r = below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i])
      return i;
    r -= weights[i];
  }
  return weights.size() - 1;
}

size_t Rng::cumulative(std::span<const uint64_t> upper_bounds) {
  const uint64_t r = below(upper_bounds.back());
  size_t lo = 0, hi = upper_bounds.size() - 1;
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (r < upper_bounds[mid]) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

}  // namespace faxian::gen
