// faxian generate --scale small|county|city --seed N --out DIR [--as-of DATE] [--messy]
// The synthetic 秀山 county (src/gen, docs/generator.md).

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/shipped_data.hpp"
#include "gen/generator.hpp"
#include "gen/plant_catalog.hpp"

namespace faxian::cli {
namespace {

struct GenerateArgs {
  std::string scale = "small";
  uint64_t seed = 1;
  std::string out;
  std::string as_of;
  bool messy = false;
  std::string regions;
  std::string standards;
  int threads = 2;
  std::string planted;
};

std::string human_bytes(int64_t bytes) {
  if (bytes >= 1024 * 1024)
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1048576.0);
  if (bytes >= 1024)
    return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024.0);
  return fmt::format("{} B", bytes);
}

void print_text(const gen::GenerateOptions& options, const gen::GenerateSummary& summary) {
  const gen::GenerationStats& stats = summary.stats;
  std::cout << fmt::format("已生成合成县数据（种子 {}，截至 {}{}）：{}\n", options.seed,
                           options.as_of.iso(), options.messy ? "，含不规范格式" : "",
                           options.out_dir);
  std::cout << fmt::format(
      "  户 {}，人 {}，需救助户 {}（{:.1f}%）\n", stats.households, stats.persons, stats.in_need,
      stats.households
          ? 100.0 * static_cast<double>(stats.in_need) / static_cast<double>(stats.households)
          : 0.0);
  std::cout << "  文件 (file / rows / size):\n";
  int64_t total_rows = 0;
  for (const gen::WrittenFile& file : summary.files) {
    std::cout << fmt::format("    {:<28} {:>10} {:>10}\n", file.name, file.rows,
                             human_bytes(file.bytes));
  }
  for (size_t f = 0; f < gen::kFeedCount; ++f) {
    if (gen::feed_at(f) != gen::Feed::kPopulation)
      total_rows += stats.rows[f];
  }
  std::cout << fmt::format("  部门记录（不含户籍）{} 行\n", total_rows);
  std::cout << "  规则 (rule / planted positive / look-alike / households firing in truth):\n";
  for (int r = 0; r < gen::kRuleCount; ++r) {
    const auto index = static_cast<size_t>(r);
    std::cout << fmt::format("    {}  {:>5} {:>5} {:>8}\n", gen::rule_name(gen::rule_at(r)),
                             stats.planted_positive[index], stats.planted_lookalike[index],
                             stats.truth_per_rule[index]);
  }
  std::cout << fmt::format("  埋点自检：{} 个不符合预期；歧义重抽 {} 户，回退 {} 户\n",
                           stats.planted_mismatches + stats.replay_mismatches,
                           stats.ambiguity_redraws, stats.ambiguity_fallbacks);
  std::cout << fmt::format("  用时 {:.1f} 秒\n", summary.seconds);
}

void print_json(const gen::GenerateOptions& options, const gen::GenerateSummary& summary) {
  const gen::GenerationStats& stats = summary.stats;
  nlohmann::json out;
  out["seed"] = options.seed;
  out["as_of"] = options.as_of.iso();
  out["messy"] = options.messy;
  out["out"] = options.out_dir;
  out["households"] = stats.households;
  out["persons"] = stats.persons;
  out["in_need"] = stats.in_need;
  for (const gen::WrittenFile& file : summary.files) {
    out["files"].push_back({{"name", file.name}, {"rows", file.rows}, {"bytes", file.bytes}});
  }
  for (int r = 0; r < gen::kRuleCount; ++r) {
    const auto index = static_cast<size_t>(r);
    out["rules"][std::string(gen::rule_name(gen::rule_at(r)))] = {
        {"planted_positive", stats.planted_positive[index]},
        {"planted_lookalike", stats.planted_lookalike[index]},
        {"truth_households", stats.truth_per_rule[index]}};
  }
  out["planted_mismatches"] = stats.planted_mismatches + stats.replay_mismatches;
  out["ambiguity_redraws"] = stats.ambiguity_redraws;
  out["ambiguity_fallbacks"] = stats.ambiguity_fallbacks;
  out["seconds"] = summary.seconds;
  std::cout << out.dump(2) << "\n";
}

int run_generate(const GlobalOptions& global, const GenerateArgs& args) {
  auto scale = gen::parse_scale(args.scale);
  if (!scale) {
    std::cerr << "错误：" << scale.error().message << "\n";
    return kExitUsage;
  }
  gen::GenerateOptions options;
  options.scale = *scale;
  options.seed = args.seed;
  options.out_dir = args.out;
  options.messy = args.messy;
  options.threads = args.threads;
  options.planted_path = args.planted;
  options.as_of = gen::default_as_of();
  if (!args.as_of.empty()) {
    auto as_of = Date::parse_iso(args.as_of);
    if (!as_of) {
      std::cerr << "错误：--as-of " << as_of.error().message << "\n";
      return kExitUsage;
    }
    options.as_of = *as_of;
  }
  options.regions_path = args.regions.empty() ? shipped_regions_file() : args.regions;
  options.standards_path = args.standards.empty() ? shipped_standards_file() : args.standards;
  auto summary = gen::generate(options);
  if (!summary)
    return report_error(global, summary.error());
  if (global.json) {
    print_json(options, *summary);
  } else {
    print_text(options, *summary);
  }
  const int64_t mismatches = summary->stats.planted_mismatches + summary->stats.replay_mismatches;
  return mismatches == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void register_generate_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* command = app.add_subcommand(
      "generate",
      "生成合成的秀山县数据（13 个部门数据文件和 truth.csv）/ write a synthetic county");
  command->add_option("--scale", args->scale, "small | county | city (default small)")
      ->check(CLI::IsMember({"small", "county", "city"}));
  command->add_option("--seed", args->seed, "random seed (default 1)");
  command->add_option("--out", args->out, "output folder")->required();
  command->add_option("--as-of", args->as_of, "as-of date YYYY-MM-DD (default 2026-11-20)");
  command->add_flag("--messy", args->messy,
                    "GB18030/XLSX/mixed formats as departments really send, plus bad/ files");
  command->add_option("--regions", args->regions, "regions CSV (default: the shipped 秀山 file)");
  command->add_option("--standards", args->standards,
                      "standards TOML (default: the shipped Chongqing figures)");
  command->add_option("--threads", args->threads, "worker threads (default 2; output is the same)")
      ->check(CLI::Range(0, 64));
  command->add_option("--planted", args->planted,
                      "also write the list of planted cases (household_no,rule,kind,variant) here");
  command->callback([&global, &exit_code, args] { exit_code = run_generate(global, *args); });
}

}  // namespace faxian::cli
