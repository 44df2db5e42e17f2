#include "screen/evaluation.hpp"

#include <algorithm>
#include <bitset>
#include <map>

namespace faxian::screen {
namespace {

using RuleBits = std::bitset<kRuleCount>;

// The merged predictions of one household.
struct Fired {
  RuleBits rules;
  bool need = false;
  std::optional<Date> event_date;
  Date first_detected;
  bool in_truth = false;
};

RuleBits bits_of(std::span<const RuleId> rules) {
  RuleBits bits;
  for (RuleId rule : rules)
    bits.set(static_cast<size_t>(rule));
  return bits;
}

// Only need predictions date the need warning: a review-only entry has no event date or first
// detection that latency could use.
void merge(Fired& fired, const EvalPrediction& prediction) {
  fired.rules |= bits_of(prediction.need_rules) | bits_of(prediction.review_rules);
  if (prediction.need_rules.empty())
    return;
  if (prediction.event_date && (!fired.event_date || *fired.event_date < *prediction.event_date))
    fired.event_date = prediction.event_date;
  fired.first_detected = fired.need ? std::min(fired.first_detected, prediction.first_detected)
                                    : prediction.first_detected;
  fired.need = true;
}

std::unordered_map<std::string, Fired> index_predictions(
    std::span<const EvalPrediction> predictions) {
  std::unordered_map<std::string, Fired> fired;
  fired.reserve(predictions.size());
  for (const EvalPrediction& prediction : predictions)
    merge(fired[prediction.household_no], prediction);
  return fired;
}

void count(EvalCounts& counts, bool predicted, bool actual) {
  if (predicted)
    ++(actual ? counts.tp : counts.fp);
  else
    ++(actual ? counts.fn : counts.tn);
}

// The subgroups of one breakdown, keyed by group key.
using GroupMap = std::map<std::string, GroupEval>;

void count_group(GroupMap& groups, const std::string& key, const std::string& label, bool predicted,
                 bool actual) {
  auto [entry, inserted] = groups.try_emplace(key);
  if (inserted) {
    entry->second.key = key;
    entry->second.label = label;
  }
  count(entry->second.counts, predicted, actual);
}

struct Breakdowns {
  GroupMap township;
  GroupMap ethnicity;
  GroupMap age_band;

  void add(const HouseholdAttributes& attributes, bool predicted, bool actual) {
    count_group(township, attributes.township_code, attributes.township_name, predicted, actual);
    count_group(ethnicity, attributes.ethnicity_key, attributes.ethnicity_label, predicted, actual);
    const AgeBand band = attributes.age_band;
    count_group(age_band, std::string(age_band_key(band)), std::string(age_band_label(band)),
                predicted, actual);
  }
};

class Evaluator {
 public:
  Evaluator(std::span<const EvalPrediction> predictions,
            const std::unordered_map<std::string, HouseholdAttributes>& attributes)
      : fired_(index_predictions(predictions)), attributes_(attributes) {
    for (int index = 0; index < kRuleCount; ++index)
      report_.by_rule.push_back({rule_at(index), {}});
    report_.predicted_households = static_cast<int64_t>(fired_.size());
  }

  void add_truth(const TruthRow& row) {
    ++report_.truth_households;
    auto found = fired_.find(row.household_no);
    Fired* fired = found == fired_.end() ? nullptr : &found->second;
    if (fired)
      fired->in_truth = true;
    const bool predicted = fired && fired->need;
    count(report_.overall, predicted, row.in_need);
    breakdowns_.add(attributes_of(row.household_no), predicted, row.in_need);
    const RuleBits expected = bits_of(row.reasons);
    for (int index = 0; index < kRuleCount; ++index) {
      count(report_.by_rule[index].counts, fired && fired->rules.test(index), expected.test(index));
    }
    if (predicted && row.in_need && fired->event_date)
      latencies_.push_back(std::max(0, fired->first_detected - *fired->event_date));
  }

  // Households with a warning that the truth file does not list: false positives only.
  void add_unknown_households() {
    for (const auto& [household_no, fired] : fired_) {
      if (fired.in_truth)
        continue;
      ++report_.unknown_to_truth;
      for (int index = 0; index < kRuleCount; ++index) {
        if (fired.rules.test(index))
          ++report_.by_rule[index].counts.fp;
      }
      if (fired.need) {
        ++report_.overall.fp;
        breakdowns_.add(attributes_of(household_no), true, false);
      }
    }
  }

  EvalReport finish(const EvalOptions& options);

 private:
  const HouseholdAttributes& attributes_of(const std::string& household_no) {
    static const HouseholdAttributes kUnknown;
    auto found = attributes_.find(household_no);
    if (found != attributes_.end())
      return found->second;
    ++report_.without_attributes;
    return kUnknown;
  }

  std::unordered_map<std::string, Fired> fired_;
  const std::unordered_map<std::string, HouseholdAttributes>& attributes_;
  EvalReport report_;
  Breakdowns breakdowns_;
  std::vector<int> latencies_;
};

EvalLatency latency_of(std::vector<int> days) {
  EvalLatency latency;
  latency.warnings = static_cast<int64_t>(days.size());
  if (days.empty())
    return latency;
  std::sort(days.begin(), days.end());
  const size_t middle = days.size() / 2;
  latency.median_days =
      days.size() % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2.0;
  latency.max_days = days.back();
  return latency;
}

// Whether hit_a / total_a − hit_b / total_b > basis_points / 10000, in exact integers.
bool more_than_below(int64_t hit_a, int64_t total_a, int64_t hit_b, int64_t total_b,
                     int basis_points) {
  if (total_a == 0 || total_b == 0)
    return false;
  return 10000 * (hit_a * total_b - hit_b * total_a) > int64_t{basis_points} * total_a * total_b;
}

void flag_gaps(GroupEval& group, const EvalCounts& overall, int basis_points) {
  const EvalCounts& sub = group.counts;
  group.recall_gap =
      more_than_below(overall.tp, overall.tp + overall.fn, sub.tp, sub.tp + sub.fn, basis_points);
  group.precision_gap =
      more_than_below(overall.tp, overall.tp + overall.fp, sub.tp, sub.tp + sub.fp, basis_points);
}

// The groups of a map in key order with 未知 last, flagged against `overall`.
std::vector<GroupEval> ordered_groups(GroupMap& groups, const EvalCounts& overall,
                                      int basis_points) {
  std::vector<GroupEval> ordered;
  std::optional<GroupEval> unknown;
  for (auto& [key, group] : groups) {
    flag_gaps(group, overall, basis_points);
    if (key == kUnknownKey)
      unknown = std::move(group);
    else
      ordered.push_back(std::move(group));
  }
  if (unknown)
    ordered.push_back(std::move(*unknown));
  return ordered;
}

// Age band keys ("0-29" …) do not sort as text the way the bands do.
void sort_by_band(std::vector<GroupEval>& groups) {
  auto band_index = [](const GroupEval& group) {
    for (int index = 0; index < kAgeBandCount; ++index) {
      if (age_band_key(static_cast<AgeBand>(index)) == group.key)
        return index;
    }
    return kAgeBandCount;
  };
  std::stable_sort(groups.begin(), groups.end(), [&](const GroupEval& a, const GroupEval& b) {
    return band_index(a) < band_index(b);
  });
}

void sort_by_size(std::vector<GroupEval>& groups) {
  std::stable_sort(groups.begin(), groups.end(), [](const GroupEval& a, const GroupEval& b) {
    const bool a_unknown = a.key == kUnknownKey;
    const bool b_unknown = b.key == kUnknownKey;
    if (a_unknown != b_unknown)
      return b_unknown;
    return a.counts.total() > b.counts.total();
  });
}

EvalReport Evaluator::finish(const EvalOptions& options) {
  const int basis_points = options.gap_basis_points;
  report_.gap_basis_points = basis_points;
  report_.by_township = ordered_groups(breakdowns_.township, report_.overall, basis_points);
  report_.by_ethnicity = ordered_groups(breakdowns_.ethnicity, report_.overall, basis_points);
  sort_by_size(report_.by_ethnicity);
  report_.by_age_band = ordered_groups(breakdowns_.age_band, report_.overall, basis_points);
  sort_by_band(report_.by_age_band);
  report_.latency = latency_of(std::move(latencies_));
  return std::move(report_);
}

std::optional<double> ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0)
    return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

std::optional<double> recall(const EvalCounts& counts) {
  return ratio(counts.tp, counts.tp + counts.fn);
}

std::optional<double> precision(const EvalCounts& counts) {
  return ratio(counts.tp, counts.tp + counts.fp);
}

std::optional<double> f1(const EvalCounts& counts) {
  return ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn);
}

EvalReport evaluate(std::span<const EvalPrediction> predictions, std::span<const TruthRow> truth,
                    const std::unordered_map<std::string, HouseholdAttributes>& attributes,
                    const EvalOptions& options) {
  Evaluator evaluator(predictions, attributes);
  for (const TruthRow& row : truth)
    evaluator.add_truth(row);
  evaluator.add_unknown_households();
  return evaluator.finish(options);
}

}  // namespace faxian::screen
