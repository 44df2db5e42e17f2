// format_eval_table: the evaluation report as aligned text for a terminal.

#include <fmt/format.h>

#include "common/text.hpp"
#include "screen/evaluation.hpp"

namespace faxian::screen {
namespace {

using ingest::MessageLanguage;
using Cells = std::vector<std::string>;

// Cells of a metrics row: name, TP, FP, FN, TN, recall, precision, F1, then the flag of a group.
constexpr size_t kFlagColumn = 8;

bool english(MessageLanguage language) {
  return language == MessageLanguage::kEnglish;
}

// Terminal columns of a code point: East Asian wide and full-width forms take two.
int code_point_width(char32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

int display_width(std::string_view text) {
  int width = 0;
  for (size_t pos = 0; pos < text.size();)
    width += code_point_width(next_code_point(text, pos));
  return width;
}

// 1234567 → "1,234,567".
std::string grouped(int64_t number) {
  const std::string digits = std::to_string(number < 0 ? -number : number);
  std::string out;
  for (size_t index = 0; index < digits.size(); ++index) {
    if (index > 0 && (digits.size() - index) % 3 == 0)
      out += ',';
    out += digits[index];
  }
  return number < 0 ? "-" + out : out;
}

std::string percent(std::optional<double> value) {
  return value ? fmt::format("{:.2f}%", *value * 100) : "—";
}

Cells metric_cells(std::string name, const EvalCounts& counts) {
  return {
      std::move(name),    grouped(counts.tp),      grouped(counts.fp),         grouped(counts.fn),
      grouped(counts.tn), percent(recall(counts)), percent(precision(counts)), percent(f1(counts))};
}

std::string gap_text(const GroupEval& group, MessageLanguage language) {
  if (!group.flagged())
    return "";
  std::string which;
  if (group.recall_gap)
    which = english(language) ? "recall" : "召回率";
  if (group.precision_gap) {
    which += which.empty() ? "" : (english(language) ? ", " : "、");
    which += english(language) ? "precision" : "精确率";
  }
  return english(language) ? fmt::format("large gap ({})", which)
                           : fmt::format("差距较大（{}）", which);
}

// A section: a title line and rows of cells aligned with every other section's.
struct Section {
  std::string title;
  std::vector<Cells> rows;
};

class Table {
 public:
  void add(Section section) { sections_.push_back(std::move(section)); }

  std::string render() const {
    std::vector<int> widths;
    for (const Section& section : sections_) {
      for (const Cells& row : section.rows)
        widen(widths, row);
    }
    std::string out;
    for (const Section& section : sections_) {
      out += section.title + "\n";
      for (const Cells& row : section.rows)
        out += render_row(row, widths);
    }
    return out;
  }

 private:
  static void widen(std::vector<int>& widths, const Cells& row) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t column = 0; column < row.size(); ++column)
      widths[column] = std::max(widths[column], display_width(row[column]));
  }

  // The first column left-aligned, numbers right-aligned, the last (the flag) as it is.
  static std::string render_row(const Cells& row, const std::vector<int>& widths) {
    std::string line = "  ";
    for (size_t column = 0; column < row.size(); ++column) {
      const std::string padding(widths[column] - display_width(row[column]), ' ');
      if (column == 0)
        line += row[column] + padding;
      else if (column == kFlagColumn)
        line += "  " + row[column];
      else
        line += "  " + padding + row[column];
    }
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    return line + "\n";
  }

  std::vector<Section> sections_;
};

Cells header_cells(MessageLanguage language) {
  if (english(language))
    return {"", "TP", "FP", "FN", "TN", "recall", "precision", "F1"};
  return {"", "真阳性", "假阳性", "假阴性", "真阴性", "召回率", "精确率", "F1"};
}

// What names a group in the first column: township names are Chinese in both languages;
// ethnicity and age band show their English keys in English.
std::string group_name(const GroupEval& group, bool by_key) {
  return by_key ? group.key : group.label;
}

Section group_section(std::string title, const std::vector<GroupEval>& groups, bool by_key,
                      MessageLanguage language) {
  Section section{std::move(title), {}};
  for (const GroupEval& group : groups) {
    Cells row = metric_cells(group_name(group, by_key), group.counts);
    row.push_back(gap_text(group, language));
    section.rows.push_back(std::move(row));
  }
  return section;
}

std::string summary_line(const EvalReport& report, MessageLanguage language) {
  if (english(language)) {
    return fmt::format(
        "Evaluation: {} households in the truth file, {} with a warning ({} not in the truth "
        "file), {} without attributes\n",
        grouped(report.truth_households), grouped(report.predicted_households),
        grouped(report.unknown_to_truth), grouped(report.without_attributes));
  }
  return fmt::format(
      "评估结果：真值文件 {} 户，有预警 {} 户（其中真值文件中没有的 {} 户），"
      "分组属性缺失 {} 户\n",
      grouped(report.truth_households), grouped(report.predicted_households),
      grouped(report.unknown_to_truth), grouped(report.without_attributes));
}

std::string days(std::optional<double> value) {
  return value ? fmt::format("{:g}", *value) : "—";
}

std::string latency_lines(const EvalReport& report, MessageLanguage language) {
  const EvalLatency& latency = report.latency;
  const std::string max = latency.max_days ? std::to_string(*latency.max_days) : "—";
  const double gap_points = report.gap_basis_points / 100.0;
  if (english(language)) {
    return fmt::format(
        "Days from the event to the first warning: median {}, max {} ({} correct need warnings "
        "with an event date)\n\"large gap\": recall or precision more than {:g} percentage "
        "points below overall; \"—\": undefined (denominator 0)\n",
        days(latency.median_days), max, grouped(latency.warnings), gap_points);
  }
  return fmt::format(
      "从需求发生到首次预警：中位数 {} 天，最长 {} 天（{} 条有事件日期的正确需救助预警）\n"
      "“差距较大”：召回率或精确率比总体低 {:g} 个百分点以上；“—”：分母为 0，无定义\n",
      days(latency.median_days), max, grouped(latency.warnings), gap_points);
}

}  // namespace

std::string format_eval_table(const EvalReport& report, MessageLanguage language) {
  const bool en = english(language);
  Table table;
  Section overall{en ? "Need warnings by household" : "需救助预警（按户）",
                  {header_cells(language), metric_cells(en ? "overall" : "总体", report.overall)}};
  table.add(std::move(overall));
  Section rules{en ? "By rule" : "按规则", {}};
  for (const RuleEval& rule : report.by_rule)
    rules.rows.push_back(metric_cells(std::string(rule_code(rule.rule)), rule.counts));
  table.add(std::move(rules));
  table.add(
      group_section(en ? "By township" : "按乡镇（街道）", report.by_township, false, language));
  table.add(group_section(en ? "By ethnicity of the head" : "按户主民族", report.by_ethnicity, en,
                          language));
  table.add(group_section(en ? "By age band of the head" : "按户主年龄段", report.by_age_band, en,
                          language));
  return summary_line(report, language) + table.render() + latency_lines(report, language);
}

}  // namespace faxian::screen
