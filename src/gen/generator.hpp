#pragma once
// `faxian generate`: the synthetic county. Writes into the output folder regions.csv (a copy
// of the regions file), one file per feed (<feed>.csv, or <feed>.xlsx for some feeds with
// --messy), truth.csv (household_no,in_need,reasons) and, with --messy, bad/ with
// expected.csv. Deterministic: the same options give the same bytes.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "gen/chunk.hpp"
#include "gen/feed_schema.hpp"

namespace faxian::gen {

enum class Scale { kSmall, kCounty, kCity };

// "small" | "county" | "city".
Result<Scale> parse_scale(std::string_view text);
// Households of a scale: 1,700 / 220,000 / 1,700,000.
int64_t households_for(Scale scale);
// Copies of every planted variant: 1 / 8 / 62.
int copies_for(int64_t households);

struct GenerateOptions {
  Scale scale = Scale::kSmall;
  uint64_t seed = 1;
  std::string out_dir;
  Date as_of;
  bool messy = false;
  std::string regions_path;
  std::string standards_path;
  int threads = 2;           // worker threads (0 = all on the calling thread)
  int64_t households = 0;    // overrides the scale's count when > 0 (tests)
  std::string planted_path;  // optional: where to write the planted-case list
};

struct GenerateSummary {
  std::vector<WrittenFile> files;
  GenerationStats stats;
  std::array<std::string, kFeedCount> feed_files;  // file name of each feed
  double seconds = 0;                              // wall time (reporting only)
};

// The default as-of date (80-cli.md): 2026-11-20.
Date default_as_of();

// Generates the county. Errors (Chinese message) on unreadable regions/standards files, a
// standards file that does not cover as_of, or failed writes.
Result<GenerateSummary> generate(const GenerateOptions& options);

}  // namespace faxian::gen
