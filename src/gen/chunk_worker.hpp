#pragma once
// The parallel half of generation: records for every planned household of a chunk, truth
// by the oracle (redrawing background households whose truth would depend on an ambiguous
// reading), the self-check of planted cases, and the chunk's file bytes.

#include <array>

#include "gen/chunk.hpp"
#include "gen/file_style.hpp"
#include "gen/gen_context.hpp"
#include "gen/oracle.hpp"

namespace faxian::gen {

class ChunkWorker {
 public:
  ChunkWorker(const GenContext& context, std::array<FileStyle, kFeedCount> styles);

  // Thread-safe (const): every chunk draws from its own streams.
  ChunkOutput process(PlannedChunk&& chunk) const;

  const std::array<FileStyle, kFeedCount>& styles() const { return styles_; }

 private:
  // Records of one unit; returns its truth masks.
  std::vector<RuleMask> build_records(Unit& unit, GenerationStats& stats) const;

  const GenContext& context_;
  std::array<FileStyle, kFeedCount> styles_;
  TruthOracle oracle_;
  TruthOracle alternative_;
};

// Drops or trims anything dated after `as_of` (records of the future are never written).
void prune_after(Unit& unit, Date as_of);

}  // namespace faxian::gen
