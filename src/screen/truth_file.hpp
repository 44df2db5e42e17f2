#pragma once
// The ground-truth file `faxian eval` compares warnings with: `truth.csv` as the synthetic
// generator writes it (docs/generator.md), header `household_no,in_need,reasons`, one row per
// household; `in_need` is 1 or 0, `reasons` the rule ids expected to fire joined by ';'
// ("R01;R03;V01"; V01, the review rule, does not make `in_need` 1), possibly empty.

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "domain/rule_set.hpp"

namespace faxian::screen {

struct TruthRow {
  std::string household_no;     // 户号
  bool in_need = false;         // any need rule (R01–R15) should fire
  std::vector<RuleId> reasons;  // ascending, without repeats

  bool operator==(const TruthRow&) const = default;
};

// Parses truth.csv text (UTF-8 with or without BOM, or GB18030; RFC 4180 quoting; blank lines
// skipped). Errors (kInvalidArgument, Chinese, naming the line): a header other than
// `household_no,in_need,reasons`, an empty 户号, `in_need` other than 1/0, an unknown rule id,
// a 户号 listed twice, a row the reader could not decode. The consistency of `in_need` with
// `reasons` is not checked: households are scored by `in_need`, rules by `reasons`.
Result<std::vector<TruthRow>> parse_truth_csv(std::string_view text);
// Reads and parses the file at `path`; the reader's error when it cannot be opened.
Result<std::vector<TruthRow>> load_truth_file(const std::string& path);

}  // namespace faxian::screen
