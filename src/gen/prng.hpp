#pragma once
// Portable pseudo-random numbers for the synthetic county generator. The same seed gives the
// same stream on every platform and compiler: SplitMix64 seeds xoshiro256** (Blackman and
// Vigna, public domain), and every distribution here is our own integer code (never
// std::*_distribution, whose output differs between standard libraries, and never libm).

#include <cstddef>
#include <cstdint>
#include <span>

namespace faxian::gen {

// SplitMix64 step: advances `state` and returns the next output.
uint64_t splitmix64_next(uint64_t& state);
// A stateless 64-bit mix of `x` (SplitMix64's finaliser); equal inputs give equal outputs.
uint64_t mix64(uint64_t x);

// Names of independent streams. A stream is identified by (seed, stream, index, sub), so
// e.g. household 17's records never depend on household 16's draws.
enum class Stream : uint64_t {
  kCounty = 1,    // village weights, disaster events, planted slots
  kPlan = 2,      // a household's members (planning, sequential)
  kRecords = 3,   // a household's department records (parallel)
  kMessy = 4,     // per-file, per-chunk representation choices of --messy
  kBadFiles = 5,  // the bad/ folder
};

class Rng {
 public:
  explicit Rng(uint64_t seed);
  // The generator for one stream, independent of every other (seed, stream, index, sub).
  static Rng for_stream(uint64_t seed, Stream stream, uint64_t index, uint64_t sub = 0);

  uint64_t next();
  // Uniform in [0, bound); bound > 0. Unbiased (rejection).
  uint64_t below(uint64_t bound);
  // Uniform in [lo, hi] (inclusive); lo <= hi.
  int64_t between(int64_t lo, int64_t hi);
  // Uniform in [0, 1) with 53 random bits.
  double unit();
  // True with probability p (p <= 0 never, p >= 1 always).
  bool chance(double p);
  // Skewed towards lo: lo + (hi - lo) * u^2, inclusive ends.
  int64_t skewed_low(int64_t lo, int64_t hi);
  // Index drawn with the given non-negative integer weights (at least one positive).
  size_t weighted(std::span<const uint32_t> weights);
  // Index drawn from a cumulative table (strictly increasing upper bounds).
  size_t cumulative(std::span<const uint64_t> upper_bounds);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

 private:
  uint64_t s_[4];
};

}  // namespace faxian::gen
