// The readers' bad-input corpus (70-quality.md): the committed files of tests/fixtures/bad/
// checked against expected.csv, and the large cases generated here — a 100 MB single line
// (of text, of commas, and inside quotes) read in bounded memory with recovery at the next line.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "common/source_dir_for_tests.hpp"
#include "ingest/table_reader_test_util.hpp"

namespace faxian::ingest {
namespace {

const std::string kBadDir = faxian_source_dir() + "/tests/fixtures/bad";

struct Expectation {
  std::string file;
  std::string outcome;
  size_t rows = 0;
  std::vector<int64_t> problem_lines;
  std::string message;
};

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(line);
  std::string part;
  while (std::getline(stream, part, separator))
    parts.push_back(part);
  if (!line.empty() && line.back() == separator)
    parts.emplace_back();
  return parts;
}

std::vector<Expectation> load_expectations() {
  std::ifstream in(kBadDir + "/expected.csv");
  std::vector<Expectation> expectations;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto parts = split(line, ',');
    if (parts.size() != 5)
      continue;
    Expectation expectation{parts[0], parts[1], std::stoul(parts[2]), {}, parts[4]};
    for (const std::string& number : split(parts[3], ' ')) {
      if (!number.empty())
        expectation.problem_lines.push_back(std::stoll(number));
    }
    expectations.push_back(expectation);
  }
  return expectations;
}

TEST(BadInputCorpus, EveryFileGivesItsExpectedErrorOrRowProblems) {
  const auto expectations = load_expectations();
  ASSERT_GE(expectations.size(), 15u);
  std::set<std::string> listed;
  for (const Expectation& expected : expectations) {
    SCOPED_TRACE(expected.file);
    listed.insert(expected.file);
    const auto result = testing::read_path(kBadDir + "/" + expected.file);
    EXPECT_EQ(result.rows.size(), expected.rows);
    std::vector<int64_t> problem_lines;
    std::string first_problem;
    for (const TableRow& row : result.rows) {
      if (!row.problem.empty()) {
        problem_lines.push_back(row.line);
        if (first_problem.empty())
          first_problem = row.problem;
      }
    }
    EXPECT_EQ(problem_lines, expected.problem_lines);
    if (expected.outcome == "error") {
      ASSERT_TRUE(result.error);
      EXPECT_NE(result.error->message.find(expected.message), std::string::npos)
          << result.error->message;
    } else {
      EXPECT_FALSE(result.error) << result.error->to_string();
      EXPECT_NE(first_problem.find(expected.message), std::string::npos) << first_problem;
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    const std::string name = entry.path().filename().string();
    const bool is_case = name != "expected.csv" && name != "README.md" && name != "make_bad.sh";
    EXPECT_TRUE(!is_case || listed.count(name) == 1) << name << " is not in expected.csv";
  }
}

TEST(BadInputCorpus, FormulaLikeTextIsHandedOverUnchanged) {
  const auto result = testing::read_path(kBadDir + "/formula_injection.csv");
  ASSERT_EQ(result.rows.size(), 4u);
  EXPECT_EQ(result.rows[1].cells[1].text, "=cmd|' /C calc'!A0");
  EXPECT_EQ(result.rows[2].cells[2].text, "@user");
  EXPECT_EQ(result.rows[3].cells[2].text, "=HYPERLINK(\"http://x\",\"点我\")");
}

constexpr int64_t kHugeLine = 100 << 20;

// header, a 100 MB line made of `unit` (wrapped in `open`/`close`), then one good row.
std::string write_huge_line_file(const std::string& name, const std::string& unit,
                                 const std::string& open, const std::string& close) {
  const std::string path = testing::temp_dir(name) + "/huge.csv";
  std::ofstream out(path, std::ios::binary);
  out << "身份证号,姓名\n" << open;
  std::string block;
  while (block.size() < (1 << 20))
    block += unit;
  for (int64_t written = 0; written < kHugeLine; written += static_cast<int64_t>(block.size()))
    out << block;
  out << close << "\n500241199001011234,冉秀山\n";
  return path;
}

// Reads the file in a child process: 0 when the huge line is a problem row between a clean
// header and a clean last row.
int check_huge_line(const std::string& path, const std::string& expected_problem) {
  const auto result = testing::read_path(path);
  if (result.error || result.rows.size() != 3)
    return 1;
  if (result.rows[1].problem.find(expected_problem) == std::string::npos)
    return 2;
  const TableRow& last = result.rows[2];
  if (!last.problem.empty() || last.line != 3 || last.cells[1].text != "冉秀山")
    return 3;
  return 0;
}

void expect_bounded(const std::string& name, const std::string& unit, const std::string& open,
                    const std::string& close, const std::string& expected_problem) {
  const std::string path = write_huge_line_file(name, unit, open, close);
  const testing::ChildRun run =
      testing::run_in_child([&] { return check_huge_line(path, expected_problem); });
  std::filesystem::remove_all(std::filesystem::path(path).parent_path());
  EXPECT_EQ(run.exit_code, 0) << name;
  // The reader keeps at most one field (1 MiB) and its buffers; a reader that held the line
  // would grow by more than 100 MB.
  EXPECT_LT(run.peak_rss_growth_kb, 48 * 1024) << name;
  std::cout << name << ": peak RSS growth " << run.peak_rss_growth_kb << " KiB\n";
}

TEST(BadInputCorpus, AHundredMegabyteLineIsRefusedInBoundedMemory) {
  expect_bounded("huge-text", "秀山土家族苗族自治县", "", "", "超过 1048576 字节");
}

TEST(BadInputCorpus, AHundredMegabyteLineOfCommasIsRefusedInBoundedMemory) {
  expect_bounded("huge-commas", ",,,,,,,,", "x", "", "超过 1000 列");
}

TEST(BadInputCorpus, AHundredMegabyteQuotedFieldIsRefusedInBoundedMemory) {
  expect_bounded("huge-quoted", "ab\"\"cd", "500241199001011234,\"", "\"", "超过 1048576 字节");
}

}  // namespace
}  // namespace faxian::ingest
