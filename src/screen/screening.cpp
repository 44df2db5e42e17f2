#include "screen/screening.hpp"

#include <algorithm>
#include <thread>

#include "screen/household_snapshot.hpp"
#include "screen/rules.hpp"

namespace faxian::screen {
namespace {

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end())
    list.push_back(item);
}

// R02's 医疗救助 → 医保局 when medical is the larger part of rigid spending, 教育救助 → 教育局
// otherwise; the rules file writes that choice as one "医保局或教育局…" entry.
std::string resolve_department(const std::string& department, const HouseholdSnapshot& h) {
  if (department.find("医保局或教育局") == std::string::npos)
    return department;
  return h.medical_selfpay_12m() >= h.education_net_12m() ? "医保局" : "教育局";
}

WarningFinding make_finding(const HouseholdSnapshot& h, WarningKind kind,
                            std::vector<FiredRule> rules) {
  const ScreeningParameters& p = h.parameters();
  WarningFinding finding;
  finding.household_id = h.store().household_numbers.id_of(h.household());
  finding.household_no = h.store().households[h.household()].household_no;
  finding.kind = kind;
  int points = 0;
  std::optional<WarningLevel> level;
  for (const FiredRule& fired : rules) {
    const RuleConfig& config = p.rule(fired.rule);
    points += fired.points;
    std::optional<WarningLevel> floor = fired.red ? WarningLevel::kRed : config.floor;
    if (floor && (!level || *floor > *level))
      level = floor;
    for (const std::string& action : config.actions)
      add_unique(finding.actions, action);
    for (const std::string& department : config.departments)
      add_unique(finding.departments, resolve_department(department, h));
  }
  if (kind == WarningKind::kNeed) {
    finding.score = std::min(points, p.rules->levels.max_score);
    auto by_score = p.rules->level_of_score(finding.score);
    if (by_score && (!level || *by_score > *level))
      level = by_score;
    finding.level = level;
  }
  finding.rules = std::move(rules);
  return finding;
}

}  // namespace

bool evaluate_household(const FeatureStore& store, const ScreeningParameters& parameters,
                        uint32_t household, std::vector<WarningFinding>& out) {
  HouseholdSnapshot snapshot(store, parameters, household);
  if (snapshot.empty())
    return false;
  std::vector<FiredRule> need;
  std::vector<FiredRule> review;
  for (FiredRule& fired : fired_rules(snapshot))
    (parameters.rule(fired.rule).kind == WarningKind::kNeed ? need : review)
        .push_back(std::move(fired));
  if (!need.empty())
    out.push_back(make_finding(snapshot, WarningKind::kNeed, std::move(need)));
  if (!review.empty())
    out.push_back(make_finding(snapshot, WarningKind::kReview, std::move(review)));
  return true;
}

ScreeningResult screen_households(const FeatureStore& store, const ScreeningParameters& parameters,
                                  std::span<const uint32_t> households, int threads) {
  std::vector<uint32_t> all;
  if (households.empty()) {
    all = store.screenable_households();
    households = all;
  }
  threads = std::max(1, std::min<int>(threads, static_cast<int>(households.size() / 1024) + 1));
  std::vector<ScreeningResult> parts(threads);
  auto work = [&](int part) {
    size_t begin = households.size() * part / threads;
    size_t end = households.size() * (part + 1) / threads;
    for (size_t i = begin; i < end; ++i)
      if (evaluate_household(store, parameters, households[i], parts[part].findings))
        parts[part].screened.push_back(households[i]);
  };
  std::vector<std::thread> workers;
  for (int part = 1; part < threads; ++part)
    workers.emplace_back(work, part);
  work(0);
  for (std::thread& worker : workers)
    worker.join();
  ScreeningResult result = std::move(parts[0]);
  for (int part = 1; part < threads; ++part) {
    result.screened.insert(result.screened.end(), parts[part].screened.begin(),
                           parts[part].screened.end());
    for (WarningFinding& finding : parts[part].findings)
      result.findings.push_back(std::move(finding));
  }
  for (int64_t& household : result.screened)
    household = store.household_numbers.id_of(static_cast<uint32_t>(household));
  std::sort(result.screened.begin(), result.screened.end());
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const WarningFinding& a, const WarningFinding& b) {
                     return std::pair(a.household_id, a.kind) < std::pair(b.household_id, b.kind);
                   });
  return result;
}

}  // namespace faxian::screen
