// ResidentId::parse against an independent implementation: validator@13's
// isIdentityCard(s, 'zh-CN'), run with node (tests/oracles/check_ids.mjs).
//
// Where validator's rules and 20-feeds.md agree (18-digit numbers with a province code it knows
// and a birth date between 1800 and today; 15-digit numbers), every generated input must get
// the same verdict. Where they genuinely differ, DocumentedDifferences pins both behaviours:
// * region codes: validator accepts only its list of province prefixes (11…82, 91); the spec
//   checks no region (Taiwan residents' residence permits start with 83, codes change);
// * birth year before 1800: validator accepts any year ≥ 1000; Faxian's dates start in 1800;
// * birth date after today: validator rejects it (wall clock); ResidentId::parse has no clock
//   and accepts real dates up to 2200 (see resident_id.cpp);
// * full-width digits, inner spaces, U+3000, hyphens, surrounding spaces: validator rejects
//   the raw text; the spec normalises them first (the canonical result must then satisfy it);
// * 15-digit numbers: validator accepts them as they are (no check digit to test); the spec
//   converts them to 18 digits — validator must accept the converted number too.
// Lowercase x as check character: both accept (no difference).

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/node_oracle_for_tests.hpp"
#include "common/resident_id.hpp"

namespace faxian {
namespace {

// The province prefixes validator 13.15 knows.
const std::vector<std::string> kValidatorProvinces = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
    "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
    "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "91"};

// ISO 7064 MOD 11-2 from its definition (weights 2^(17-i) mod 11), independent of the
// production table.
char reference_check_character(const std::string& first17) {
  int sum = 0;
  for (int idx = 0; idx < 17; ++idx)
    sum += (first17[idx] - '0') * ((1 << (17 - idx)) % 11);
  const int value = (12 - sum % 11) % 11;
  return value == 10 ? 'X' : static_cast<char>('0' + value);
}

std::string with_reference_check(const std::string& first17) {
  return first17 + reference_check_character(first17);
}

struct IdCase {
  std::string input;
  std::string kind;
  bool spec_valid = false;
  std::string canonical;  // expected ResidentId::str() when spec_valid
};

// Deterministic (splitmix64), identical on every machine and run.
class IdCaseGenerator {
 public:
  std::vector<IdCase> generate() {
    add_fixed_cases();
    for (int idx = 0; idx < 4000; ++idx)
      add_valid18();
    for (int idx = 0; idx < 1500; ++idx)
      add_wrong_check();
    for (int idx = 0; idx < 2000; ++idx)
      add_bad_date18(idx);
    for (int idx = 0; idx < 800; ++idx)
      add_wrong_length();
    for (int idx = 0; idx < 800; ++idx)
      add_letter();
    for (int idx = 0; idx < 600; ++idx)
      add_valid15();
    for (int idx = 0; idx < 300; ++idx)
      add_bad_date15(idx);
    return std::move(cases_);
  }

 private:
  uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  std::string digits(int count) {
    std::string out;
    for (int idx = 0; idx < count; ++idx)
      out += static_cast<char>('0' + below(10));
    return out;
  }
  std::string region() { return kValidatorProvinces[below(35)] + digits(4); }
  // A real date from first_year to last_year as YYYYMMDD.
  std::string date_between(int first_year, int last_year) {
    const int32_t first = Date::from_ymd(first_year, 1, 1)->days_since_epoch();
    const int32_t last = Date::from_ymd(last_year, 12, 31)->days_since_epoch();
    const std::string iso = Date::from_days(first + below(last - first + 1)).iso();
    return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  }
  // A real birth date from 1800 to 2023 (always in the past); half of them after 1930.
  std::string birth_date() {
    return below(2) == 0 ? date_between(1800, 2023) : date_between(1930, 2023);
  }
  std::string with_check(const std::string& first17) { return with_reference_check(first17); }
  void add(std::string input, std::string kind, bool valid, std::string canonical = {}) {
    cases_.push_back({std::move(input), std::move(kind), valid, std::move(canonical)});
  }

  void add_fixed_cases() {
    add("11010519491231002X", "fixed", true, "11010519491231002X");
    add(with_check("50024120000229003"), "fixed_2000_02_29", true, with_check("50024120000229003"));
    add(with_check("50024119000229001"), "fixed_1900_02_29", false);
    add(with_check("50024119850230001"), "fixed_1985_02_30", false);
    add(with_check("50024119851301001"), "fixed_month_13", false);
    add(with_check("50024119850100001"), "fixed_day_00", false);
  }
  void add_valid18() {
    const std::string id = with_check(region() + birth_date() + digits(3));
    if (id.back() == 'X' && below(2) == 0) {
      add(id.substr(0, 17) + "x", "valid_lowercase_x", true, id);
    } else {
      add(id, "valid", true, id);
    }
  }
  void add_wrong_check() {
    const std::string id = with_check(region() + birth_date() + digits(3));
    const std::string alphabet = "0123456789X";
    char wrong = id.back();
    while (wrong == id.back())
      wrong = alphabet[below(11)];
    add(id.substr(0, 17) + wrong, "wrong_check", false);
  }
  // YYYYMMDD strings that are not real dates.
  std::string bad_date(int variant, bool two_digit_year) {
    const std::string year = two_digit_year ? "19" + digits(2) : std::to_string(1800 + below(224));
    const int month = 1 + below(12);
    const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
    switch (variant % 6) {
      case 0: {  // past the month's end: 1985-02-30, 2023-04-31
        const int last = days_in_month(std::stoi(year), month);
        return year + mm + std::to_string(last + 1 + below(31 - last + 1));
      }
      case 1: {  // 29 February of a common year (1800, 1900 and ordinary years)
        static const char* kYears[] = {"1800", "1900", "1985", "2023", "1901", "1999"};
        return std::string(two_digit_year ? "1900" : kYears[below(6)]) + "0229";
      }
      case 2:
        return year + std::to_string(13 + below(7)) + "10";  // month 13..19
      case 3:
        return year + "0015";  // month 00
      case 4:
        return year + mm + "00";  // day 00
      default:
        return year + mm + std::to_string(32 + below(8));  // day 32..39
    }
  }
  void add_bad_date18(int variant) {
    add(with_check(region() + bad_date(variant, false) + digits(3)), "bad_date", false);
  }
  void add_wrong_length() {
    const std::string id = with_check(region() + birth_date() + digits(3));
    static const int kLengths[] = {14, 16, 17, 19, 20};
    const int length = kLengths[below(5)];
    add(length < 18 ? id.substr(0, static_cast<std::size_t>(length)) : id + digits(length - 18),
        "wrong_length", false);
  }
  void add_letter() {
    std::string id = with_check(region() + birth_date() + digits(3));
    const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    id[static_cast<std::size_t>(below(17))] = letters[below(52)];
    add(id, "letter", false);
  }
  void add_valid15() {
    const std::string birth19 = date_between(1900, 1999);
    const std::string region_code = region();
    const std::string sequence = digits(3);
    add(region_code + birth19.substr(2) + sequence, "valid15", true,
        with_check(region_code + birth19 + sequence));
  }
  void add_bad_date15(int variant) {
    const std::string date = bad_date(variant, true);
    add(region() + date.substr(2) + digits(3), "bad_date15", false);
  }

  uint64_t state_ = 20240229;
  std::vector<IdCase> cases_;
};

std::string write_temp_lines(const std::vector<std::string>& lines) {
  std::string path = (std::filesystem::temp_directory_path() / "faxian_ids_XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd >= 0)
    ::close(fd);
  std::ofstream out(path, std::ios::binary);
  for (const std::string& line : lines)
    out << line << '\n';
  return path;
}

// Validator's verdict ("1"/"0") for each line, or empty after a recorded failure.
std::vector<bool> validator_verdicts(const std::vector<std::string>& lines) {
  const std::string path = write_temp_lines(lines);
  auto output = testing_support::run_node_oracle("check_ids.mjs", "'" + path + "'", "validator");
  std::filesystem::remove(path);
  if (!output)
    return {};
  if (output->size() != lines.size()) {
    ADD_FAILURE() << "check_ids.mjs printed " << output->size() << " verdicts for " << lines.size()
                  << " lines";
    return {};
  }
  std::vector<bool> verdicts;
  for (const std::string& verdict : *output)
    verdicts.push_back(verdict == "1");
  return verdicts;
}

TEST(ResidentIdOracle, AgreesWithValidatorOnTenThousandGeneratedNumbers) {
  const std::vector<IdCase> cases = IdCaseGenerator().generate();
  ASSERT_GE(cases.size(), 10000u);
  std::vector<std::string> lines;
  std::vector<std::string> canonicals;
  int spec_mismatches = 0;
  for (const IdCase& id_case : cases) {
    lines.push_back(id_case.input);
    auto parsed = ResidentId::parse(id_case.input);
    if (parsed)
      canonicals.push_back(parsed->str());
    const bool spec_ok =
        parsed.has_value() == id_case.spec_valid && (!parsed || parsed->str() == id_case.canonical);
    if (!spec_ok && ++spec_mismatches <= 10) {
      ADD_FAILURE() << id_case.kind << " [" << id_case.input << "] expected "
                    << (id_case.spec_valid ? id_case.canonical : "an error") << ", got "
                    << (parsed ? parsed->str() : parsed.error().to_string());
    }
  }
  EXPECT_EQ(spec_mismatches, 0);
  const std::size_t accepted = canonicals.size();
  EXPECT_GE(accepted, 4000u);
  EXPECT_GE(cases.size() - accepted, 5000u);

  lines.insert(lines.end(), canonicals.begin(), canonicals.end());
  const std::vector<bool> verdicts = validator_verdicts(lines);
  ASSERT_EQ(verdicts.size(), lines.size());
  int disagreements = 0;
  for (std::size_t idx = 0; idx < cases.size(); ++idx) {
    const bool ours = ResidentId::parse(cases[idx].input).has_value();
    if (ours != verdicts[idx] && ++disagreements <= 10) {
      ADD_FAILURE() << cases[idx].kind << " [" << cases[idx].input << "]: ResidentId "
                    << (ours ? "accepts" : "rejects") << ", validator "
                    << (verdicts[idx] ? "accepts" : "rejects");
    }
  }
  EXPECT_EQ(disagreements, 0);
  int rejected_canonicals = 0;
  for (std::size_t idx = cases.size(); idx < lines.size(); ++idx) {
    if (!verdicts[idx] && ++rejected_canonicals <= 10) {
      ADD_FAILURE() << "validator rejects the canonical number " << lines[idx];
    }
  }
  EXPECT_EQ(rejected_canonicals, 0);
}

struct Difference {
  std::string input;
  bool faxian_accepts;
  bool validator_accepts;
  const char* why;
};

TEST(ResidentIdOracle, DocumentedDifferences) {
  const std::string valid = "500241199001011236";
  const std::vector<Difference> differences = {
      {with_reference_check("83000019900101123"), true, false,
       "region 83 (Taiwan residents' residence permit) not in validator's list"},
      {with_reference_check("00000019900101123"), true, false,
       "region 00: the spec checks no region code"},
      {with_reference_check("39010119900101123"), true, false,
       "province 39 does not exist: the spec checks no region code"},
      {with_reference_check("50024117991231123"), false, true,
       "born 1799: before Faxian's date range"},
      {with_reference_check("50024110000101123"), false, true,
       "born 1000: before Faxian's date range"},
      {with_reference_check("50024121000101123"), true, false,
       "born 2100: parse has no clock; validator rejects future dates"},
      {"５００２４１１９９００１０１１２３６", true, false, "full-width digits are normalised"},
      {"500241 19900101 1236", true, false, "inner spaces are removed"},
      {"500241-19900101-1236", true, false, "hyphens are removed"},
      {" " + valid + " ", true, false, "surrounding spaces are trimmed"},
      {"\xE3\x80\x80" + valid, true, false, "U+3000 is trimmed"},
      {"830000900101123", true, false, "15-digit number with region 83"},
  };
  std::vector<std::string> lines;
  for (const Difference& difference : differences)
    lines.push_back(difference.input);
  const std::vector<bool> verdicts = validator_verdicts(lines);
  ASSERT_EQ(verdicts.size(), lines.size());
  for (std::size_t idx = 0; idx < differences.size(); ++idx) {
    const Difference& difference = differences[idx];
    EXPECT_EQ(ResidentId::parse(difference.input).has_value(), difference.faxian_accepts)
        << difference.why << " [" << difference.input << "]";
    EXPECT_EQ(verdicts[idx], difference.validator_accepts)
        << difference.why << " [" << difference.input << "]";
  }
}

TEST(ResidentIdOracle, ReferenceCheckCharacterMatchesProduction) {
  EXPECT_EQ(reference_check_character("11010519491231002"), 'X');
  IdCaseGenerator generator;
  for (const IdCase& id_case : generator.generate()) {
    if (id_case.kind != "valid")
      continue;
    const std::string first17 = id_case.input.substr(0, 17);
    ASSERT_EQ(ResidentId::check_character(first17), reference_check_character(first17));
  }
}

}  // namespace
}  // namespace faxian
