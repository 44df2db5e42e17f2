#include "gen/chunk_worker.hpp"

#include <memory>

#include "gen/background_records.hpp"
#include "gen/csv_sink.hpp"
#include "gen/encoding.hpp"
#include "gen/feed_rows.hpp"
#include "gen/plant_catalog.hpp"
#include "gen/unit_builder.hpp"

namespace faxian::gen {
namespace {

constexpr int kMaxRedraws = 3;

template <typename Rows, typename Pred>
void drop_if(Rows& rows, Pred pred) {
  std::erase_if(rows, pred);
}

bool has_rejection(const Unit& unit) {
  for (const ApplicationRow& row : unit.applications) {
    if (row.result == ApplicationResult::kRejected)
      return true;
  }
  return false;
}

bool has_population_row(const Unit& unit, size_t household) {
  for (const PopulationRow& row : unit.population) {
    if (static_cast<size_t>(row.household) == household)
      return true;
  }
  return false;
}

OracleReadings alternative_readings() {
  OracleReadings readings;
  readings.r11_job_loss_within_180_days = true;
  readings.r11_medical_within_365_days = true;
  return readings;
}

}  // namespace

void prune_after(Unit& unit, Date as_of) {
  const Month month = Month::of(as_of);
  drop_if(unit.population, [&](const PopulationRow& r) { return r.date > as_of; });
  drop_if(unit.medical, [&](const MedicalRow& r) { return r.date > as_of; });
  drop_if(unit.employment, [&](const EmploymentRow& r) { return r.date > as_of; });
  drop_if(unit.income, [&](const IncomeRow& r) { return r.month > month; });
  drop_if(unit.disability, [&](const DisabilityRow& r) { return r.issued > as_of; });
  drop_if(unit.deaths, [&](const DeathRow& r) { return r.date > as_of; });
  drop_if(unit.disasters, [&](const DisasterRow& r) { return r.date > as_of; });
  drop_if(unit.monitoring, [&](const MonitoringRow& r) { return r.identified > as_of; });
  for (MonitoringRow& row : unit.monitoring) {
    if (row.cleared_date && *row.cleared_date > as_of) {
      row.cleared = false;
      row.cleared_date.reset();
    }
  }
  drop_if(unit.education, [&](const EducationRow& r) {
    const auto start = Date::from_ymd(r.first_year, 9, 1);
    return !start || *start > as_of;
  });
  drop_if(unit.assets, [&](const AssetRow& r) { return r.date > as_of; });
  drop_if(unit.hotline, [&](const HotlineRow& r) { return r.date > as_of; });
  drop_if(unit.applications, [&](const ApplicationRow& r) { return r.applied > as_of; });
  for (ApplicationRow& row : unit.applications) {
    if (row.result_date && *row.result_date > as_of) {
      row.result = ApplicationResult::kPending;
      row.result_date.reset();
      row.reason = 0;
    }
  }
  drop_if(unit.registry, [&](const RegistryRow& r) { return r.start > as_of; });
}

ChunkWorker::ChunkWorker(const GenContext& context, std::array<FileStyle, kFeedCount> styles)
    : context_(context),
      styles_(std::move(styles)),
      oracle_(*context.standards, *context.county, context.as_of),
      alternative_(*context.standards, *context.county, context.as_of, alternative_readings()) {}

std::vector<RuleMask> ChunkWorker::build_records(Unit& unit, GenerationStats& stats) const {
  const int64_t index = unit.households.front().index;
  const bool planted = unit.purpose.variant >= 0;
  for (int attempt = 0;; ++attempt) {
    unit.clear_records();
    Rng rng = Rng::for_stream(context_.seed, Stream::kRecords, static_cast<uint64_t>(index),
                              static_cast<uint64_t>(attempt));
    UnitBuilder builder(UnitBuilder::Mode::kRecords, unit, context_, rng, nullptr);
    if (planted) {
      plant_catalogue()[static_cast<size_t>(unit.purpose.variant)].build(builder);
      builder.finish();
    } else {
      generate_background_records(builder);
    }
    if (builder.replay_mismatch())
      ++stats.replay_mismatches;
    prune_after(unit, context_.as_of);
    std::vector<RuleMask> masks = oracle_.evaluate(unit);
    if (!has_rejection(unit) || alternative_.evaluate(unit) == masks)
      return masks;
    if (planted) {
      ++stats.planted_mismatches;
      return masks;
    }
    if (attempt < kMaxRedraws) {
      ++stats.ambiguity_redraws;
      continue;
    }
    // Still ambiguous: the rejections become withdrawals, which no reading counts.
    ++stats.ambiguity_fallbacks;
    for (ApplicationRow& row : unit.applications) {
      if (row.result == ApplicationResult::kRejected)
        row.result = ApplicationResult::kWithdrawn;
    }
    return oracle_.evaluate(unit);
  }
}

ChunkOutput ChunkWorker::process(PlannedChunk&& chunk) const {
  ChunkOutput output;
  std::array<std::unique_ptr<RowSink>, kFeedCount> sinks;
  FeedSinks raw{};
  std::array<std::string, kFeedCount> utf8;
  for (size_t f = 0; f < kFeedCount; ++f) {
    Rng rng = Rng::for_stream(context_.seed, Stream::kMessy, f, static_cast<uint64_t>(chunk.index));
    if (styles_[f].container == Container::kXlsx) {
      sinks[f] = std::make_unique<XlsxChunkSink>(styles_[f], rng, output.xlsx[f]);
    } else {
      sinks[f] = std::make_unique<CsvChunkSink>(styles_[f], rng, utf8[f]);
    }
    raw[f] = sinks[f].get();
  }
  GenerationStats& stats = output.stats;
  for (Unit& unit : chunk.units) {
    const std::vector<RuleMask> masks = build_records(unit, stats);
    emit_unit(unit, *context_.county, raw);
    for (size_t h = 0; h < unit.households.size(); ++h) {
      if (!has_population_row(unit, h))
        continue;  // a split that did not happen
      const RuleMask mask = masks[h];
      output.truth += unit.households[h].household_no;
      output.truth += mask.any_need() ? ",1," : ",0,";
      output.truth += mask.joined();
      output.truth += '\n';
      ++stats.households;
      if (mask.any_need())
        ++stats.in_need;
      for (int r = 0; r < kRuleCount; ++r) {
        if (mask.has(rule_at(r)))
          ++stats.truth_per_rule[static_cast<size_t>(r)];
      }
    }
    stats.persons += static_cast<int64_t>(unit.persons.size());
    if (unit.purpose.variant >= 0) {
      const PlantVariant& variant = plant_catalogue()[static_cast<size_t>(unit.purpose.variant)];
      const bool as_intended = masks.front().has(variant.rule) == variant.fires;
      auto& counter = variant.fires ? stats.planted_positive : stats.planted_lookalike;
      ++counter[static_cast<size_t>(variant.rule)];
      if (!as_intended)
        ++stats.planted_mismatches;
      stats.planted.push_back(
          {unit.households.front().household_no, unit.purpose.variant, as_intended});
    }
  }
  for (size_t f = 0; f < kFeedCount; ++f) {
    if (styles_[f].container == Container::kXlsx) {
      stats.rows[f] = output.xlsx[f].rows;
      continue;
    }
    stats.rows[f] = static_cast<CsvChunkSink*>(sinks[f].get())->rows();
    if (styles_[f].encoding == Encoding::kGb18030) {
      auto converted = utf8_to_gb18030(utf8[f]);
      output.csv[f] = converted ? std::move(*converted) : std::move(utf8[f]);
    } else {
      output.csv[f] = std::move(utf8[f]);
    }
  }
  return output;
}

void GenerationStats::add(const GenerationStats& other) {
  for (size_t f = 0; f < kFeedCount; ++f)
    rows[f] += other.rows[f];
  households += other.households;
  persons += other.persons;
  in_need += other.in_need;
  for (size_t r = 0; r < kRuleCount; ++r) {
    truth_per_rule[r] += other.truth_per_rule[r];
    planted_positive[r] += other.planted_positive[r];
    planted_lookalike[r] += other.planted_lookalike[r];
  }
  planted_mismatches += other.planted_mismatches;
  replay_mismatches += other.replay_mismatches;
  ambiguity_redraws += other.ambiguity_redraws;
  ambiguity_fallbacks += other.ambiguity_fallbacks;
  planted.insert(planted.end(), other.planted.begin(), other.planted.end());
}

}  // namespace faxian::gen
