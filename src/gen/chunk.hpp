#pragma once
// A chunk: a run of consecutive households planned together (main thread) and turned into
// file bytes together (a worker). Chunk boundaries are fixed by the household count alone,
// so per-chunk random streams keep the output independent of the number of threads.

#include <array>
#include <string>
#include <vector>

#include "gen/feed_schema.hpp"
#include "gen/model.hpp"
#include "gen/rules.hpp"
#include "gen/xlsx_sink.hpp"

namespace faxian::gen {

inline constexpr int64_t kChunkHouseholds = 2000;

struct PlannedChunk {
  int64_t index = 0;
  std::vector<Unit> units;
};

// One planted household and whether the oracle agreed with its intent.
struct PlantedCase {
  std::string household_no;
  int16_t variant = -1;
  bool as_intended = true;
};

struct GenerationStats {
  std::array<int64_t, kFeedCount> rows{};
  int64_t households = 0;
  int64_t persons = 0;
  int64_t in_need = 0;
  std::array<int64_t, kRuleCount> truth_per_rule{};
  std::array<int64_t, kRuleCount> planted_positive{};
  std::array<int64_t, kRuleCount> planted_lookalike{};
  int64_t planted_mismatches = 0;
  int64_t replay_mismatches = 0;
  int64_t ambiguity_redraws = 0;
  int64_t ambiguity_fallbacks = 0;
  std::vector<PlantedCase> planted;

  void add(const GenerationStats& other);
};

// A file the generator wrote.
struct WrittenFile {
  std::string name;  // relative to the output folder, e.g. "medical.csv", "bad/expected.csv"
  int64_t rows = 0;  // data rows (without header)
  int64_t bytes = 0;
};

struct ChunkOutput {
  std::array<std::string, kFeedCount> csv;  // encoded bytes of CSV feeds
  std::array<XlsxChunk, kFeedCount> xlsx;   // cells of XLSX feeds
  std::string truth;
  GenerationStats stats;
};

}  // namespace faxian::gen
