#include "gen/generator.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "common/file_util.hpp"
#include "domain/region.hpp"
#include "domain/standards.hpp"
#include "gen/bad_files.hpp"
#include "gen/chunk_worker.hpp"
#include "gen/csv_sink.hpp"
#include "gen/encoding.hpp"
#include "gen/household_planning.hpp"
#include "gen/ordered_pipeline.hpp"
#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

constexpr size_t kWriteBuffer = 1 << 20;

// A buffered output file; errors are remembered and reported at close.
class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> open(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
      return fail(ErrorCode::kIo, fmt::format("无法创建文件：{}", path),
                  fmt::format("cannot create {}", path));
    }
    auto out = std::unique_ptr<OutputFile>(new OutputFile(file, path));
    std::setvbuf(file, nullptr, _IOFBF, kWriteBuffer);
    return out;
  }
  ~OutputFile() {
    if (file_)
      std::fclose(file_);
  }
  void write(std::string_view bytes) {
    if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      failed_ = true;
    bytes_ += static_cast<int64_t>(bytes.size());
  }
  Result<void> close() {
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (failed_ || !closed) {
      return fail(ErrorCode::kIo, fmt::format("写入文件失败：{}", path_),
                  fmt::format("write failed: {}", path_));
    }
    return ok();
  }
  int64_t bytes() const { return bytes_; }

 private:
  OutputFile(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  std::FILE* file_;
  std::string path_;
  bool failed_ = false;
  int64_t bytes_ = 0;
};

int64_t file_size(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<int64_t>(size);
}

struct FeedOutputs {
  std::array<std::unique_ptr<OutputFile>, kFeedCount> csv;
  std::array<std::unique_ptr<XlsxFileWriter>, kFeedCount> xlsx;
};

Result<FeedOutputs> open_feeds(const std::string& dir,
                               const std::array<FileStyle, kFeedCount>& styles,
                               GenerateSummary& summary) {
  FeedOutputs outputs;
  for (size_t f = 0; f < kFeedCount; ++f) {
    const Feed feed = feed_at(f);
    const std::string name = std::string(feed_name(feed)) + std::string(styles[f].file_extension());
    summary.feed_files[f] = name;
    const std::string path = dir + "/" + name;
    if (styles[f].container == Container::kXlsx) {
      auto writer = XlsxFileWriter::open(path, feed, styles[f]);
      if (!writer)
        return tl::unexpected(writer.error());
      outputs.xlsx[f] = std::move(*writer);
      continue;
    }
    auto file = OutputFile::open(path);
    if (!file)
      return tl::unexpected(file.error());
    std::string header = csv_header(feed, styles[f]);
    if (styles[f].encoding == Encoding::kGb18030) {
      auto converted = utf8_to_gb18030(header);
      if (!converted)
        return tl::unexpected(converted.error());
      header = std::move(*converted);
    }
    (*file)->write(header);
    outputs.csv[f] = std::move(*file);
  }
  return outputs;
}

Result<void> write_planted(const std::string& path, const GenerationStats& stats) {
  std::string text = "household_no,rule,kind,variant,as_intended\n";
  const auto catalogue = plant_catalogue();
  for (const PlantedCase& planted : stats.planted) {
    const PlantVariant& variant = catalogue[static_cast<size_t>(planted.variant)];
    text += fmt::format("{},{},{},{},{}\n", planted.household_no, rule_name(variant.rule),
                        variant.fires ? "positive" : "lookalike", variant.name,
                        planted.as_intended ? 1 : 0);
  }
  return write_file_atomic(path, text);
}

}  // namespace

Result<Scale> parse_scale(std::string_view text) {
  if (text == "small")
    return Scale::kSmall;
  if (text == "county")
    return Scale::kCounty;
  if (text == "city")
    return Scale::kCity;
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("未知规模：{}（可选 small、county、city）", text),
              fmt::format("unknown scale: {}", text));
}

int64_t households_for(Scale scale) {
  switch (scale) {
    case Scale::kSmall:
      return 1700;
    case Scale::kCounty:
      return 220000;
    case Scale::kCity:
      return 1700000;
  }
  return 1700;
}

int copies_for(int64_t households) {
  // 8 copies of each variant in a county of 220,000 households; at least one.
  const int64_t copies = (households * 8 + 110000) / 220000;
  return static_cast<int>(copies < 1 ? 1 : copies);
}

Date default_as_of() {
  return *Date::from_ymd(2026, 11, 20);
}

Result<GenerateSummary> generate(const GenerateOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  GenerateSummary summary;
  auto regions_text = read_file(options.regions_path);
  if (!regions_text)
    return tl::unexpected(regions_text.error());
  auto regions = parse_regions_csv(*regions_text);
  if (!regions)
    return tl::unexpected(regions.error());
  auto standards = load_standards_file(options.standards_path);
  if (!standards)
    return tl::unexpected(standards.error());
  auto county = CountyMap::from_regions(*regions);
  if (!county)
    return tl::unexpected(county.error());
  auto context = make_context(options.seed, options.as_of, *standards, *county);
  if (!context)
    return tl::unexpected(context.error());

  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) {
    return fail(ErrorCode::kIo, fmt::format("无法创建输出目录：{}", options.out_dir),
                fmt::format("cannot create {}: {}", options.out_dir, error.message()));
  }
  FAXIAN_TRY(write_file_atomic(options.out_dir + "/regions.csv", *regions_text));
  summary.files.push_back({"regions.csv", static_cast<int64_t>(regions->size()),
                           static_cast<int64_t>(regions_text->size())});

  std::array<FileStyle, kFeedCount> styles;
  for (size_t f = 0; f < kFeedCount; ++f) {
    styles[f] = options.messy ? messy_style(feed_at(f)) : clean_style(feed_at(f));
  }
  auto outputs = open_feeds(options.out_dir, styles, summary);
  if (!outputs)
    return tl::unexpected(outputs.error());
  auto truth = OutputFile::open(options.out_dir + "/truth.csv");
  if (!truth)
    return tl::unexpected(truth.error());
  (*truth)->write("household_no,in_need,reasons\n");

  const int64_t households =
      options.households > 0 ? options.households : households_for(options.scale);
  // A county too small for one copy of every planted case gets none (tests only).
  const int copies =
      households >= static_cast<int64_t>(plant_catalogue().size()) ? copies_for(households) : 0;
  HouseholdPlanner planner(*context, households,
                           assign_plant_slots(options.seed, households, copies));
  const ChunkWorker worker(*context, styles);
  Error write_error;
  bool write_failed = false;
  run_ordered_pipeline<PlannedChunk, ChunkOutput>(
      planner.chunk_count(), options.threads, 2 * options.threads + 2,
      [&planner](int64_t chunk) { return planner.plan_chunk(chunk); },
      [&worker](PlannedChunk&& chunk) { return worker.process(std::move(chunk)); },
      [&](ChunkOutput&& output) {
        for (size_t f = 0; f < kFeedCount; ++f) {
          if (outputs->csv[f]) {
            outputs->csv[f]->write(output.csv[f]);
          } else if (auto appended = outputs->xlsx[f]->append(output.xlsx[f]);
                     !appended && !write_failed) {
            write_failed = true;
            write_error = appended.error();
          }
        }
        (*truth)->write(output.truth);
        summary.stats.add(output.stats);
      });
  if (write_failed)
    return tl::unexpected(write_error);
  for (size_t f = 0; f < kFeedCount; ++f) {
    const std::string& name = summary.feed_files[f];
    if (outputs->csv[f]) {
      FAXIAN_TRY(outputs->csv[f]->close());
    } else {
      FAXIAN_TRY(outputs->xlsx[f]->close());
    }
    summary.files.push_back({name, summary.stats.rows[f], file_size(options.out_dir + "/" + name)});
  }
  FAXIAN_TRY((*truth)->close());
  summary.files.push_back({"truth.csv", summary.stats.households, (*truth)->bytes()});
  if (options.messy) {
    auto bad = write_bad_files(options.out_dir + "/bad", *context);
    if (!bad)
      return tl::unexpected(bad.error());
    for (WrittenFile& file : *bad) {
      file.name = "bad/" + file.name;
      summary.files.push_back(file);
    }
  }
  if (!options.planted_path.empty())
    FAXIAN_TRY(write_planted(options.planted_path, summary.stats));
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace faxian::gen
