#include "common/resident_id.hpp"

#include <array>

#include <fmt/format.h>

#include "common/text.hpp"

// Decisions where 20-feeds.md is silent:
// * Birth dates in the future are accepted (up to the Date range end, 2200): parse() has no
//   clock, and a wrongly typed future year usually also breaks the check character. Callers
//   that know today (ingest, with its Clock) may warn about a birth date after the import date.
//   Birth dates before 1800-01-01 are rejected (Date's range).
// * The 15-digit (first-generation) form always means 19xx: those cards were issued
//   1984–2004 to people born in the 1900s.
// * The region code (first 6 digits) is not checked against GB/T 2260: codes are abolished and
//   merged over time, and residence permits for Hong Kong/Macau/Taiwan residents (81/82/83)
//   and the 2023 foreigners' permanent residence card (9…) share the same number format.
// * Besides ASCII and U+3000 spaces and '-', the separators people paste from Word or web
//   pages are removed too: tab, no-break space U+00A0 and the dashes U+2010–U+2015.
// * No message or detail ever repeats the full number (it is PII); the scientific-notation
//   message repeats the text, which no longer holds the full number anyway.

namespace faxian {
namespace {

constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckCharacters = "10X98765432";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

tl::unexpected<Error> id_error(std::string zh, std::string en) {
  return fail(ErrorCode::kInvalidArgument, std::move(zh), std::move(en));
}

// "5.00241E+17", "1.10101199001011E+017", "5E17": how Excel shows a long number it stored as a
// floating-point value (only 15 significant digits survive).
bool looks_like_scientific_notation(std::string_view text) {
  std::size_t pos = 0;
  auto skip_digits = [&] {
    const std::size_t begin = pos;
    while (pos < text.size() && is_digit(text[pos]))
      ++pos;
    return pos > begin;
  };
  if (!skip_digits())
    return false;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (!skip_digits())
      return false;
  }
  if (pos >= text.size() || (text[pos] != 'E' && text[pos] != 'e'))
    return false;
  ++pos;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    ++pos;
  return skip_digits() && pos == text.size();
}

bool is_separator(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '-' || cp == 0x00A0 || cp == 0x3000 ||
         (cp >= 0x2010 && cp <= 0x2015);
}

// Keeps digits and X (x upper-cased); drops separators; an error names any other character.
Result<std::string> keep_id_characters(std::string_view text) {
  std::string kept;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_separator(cp))
      continue;
    if (cp < 0x80 && (is_digit(static_cast<char>(cp)) || cp == 'X' || cp == 'x')) {
      kept += cp == 'x' ? 'X' : static_cast<char>(cp);
      continue;
    }
    if (cp == kInvalidUtf8) {
      return id_error("身份证号含有无法识别的字符（文件编码错误？）",
                      "resident_id.bad_character: invalid UTF-8");
    }
    return id_error(
        fmt::format("身份证号含有不允许的字符「{}」：只能是数字，18位号码的最后一位可以是 X",
                    text.substr(start, pos - start)),
        "resident_id.bad_character");
  }
  return kept;
}

Result<void> check_shape(const std::string& id) {
  if (id.size() != 18 && id.size() != 15) {
    return id_error(fmt::format("身份证号应为18位（或旧版15位），实际为{}位", id.size()),
                    fmt::format("resident_id.bad_length: {} characters", id.size()));
  }
  const std::size_t x_pos = id.find('X');
  if (x_pos != std::string::npos && (id.size() == 15 || x_pos != 17)) {
    return id_error("身份证号中的 X 只能出现在18位号码的最后一位", "resident_id.misplaced_x");
  }
  return ok();
}

Result<Date> check_birth_date(std::string_view yyyymmdd) {
  const int year = std::stoi(std::string(yyyymmdd.substr(0, 4)));
  const int month = std::stoi(std::string(yyyymmdd.substr(4, 2)));
  const int day = std::stoi(std::string(yyyymmdd.substr(6, 2)));
  auto date = Date::from_ymd(year, month, day);
  if (!date) {
    return id_error(
        fmt::format("身份证号中的出生日期 {}年{}月{}日 不是真实存在的日期（支持1800年至2200年）",
                    yyyymmdd.substr(0, 4), yyyymmdd.substr(4, 2), yyyymmdd.substr(6, 2)),
        fmt::format("resident_id.bad_birth_date: {}", yyyymmdd));
  }
  return *date;
}

std::string check_character_error_zh(std::string_view id) {
  std::string message = "身份证号校验位不符（GB 11643），号码中至少有一位录错，请与证件核对";
  // Excel keeps 15 significant digits and turns the rest into zeros.
  if (id.substr(15, 3) == "000") {
    message +=
        "；若该列曾在 Excel 中保存为数字，第15位以后的数字会变成0，请把该列设为文本后重新导出";
  }
  return message;
}

}  // namespace

char ResidentId::check_character(std::string_view first17) {
  int sum = 0;
  for (std::size_t idx = 0; idx < kWeights.size(); ++idx) {
    sum += (first17[idx] - '0') * kWeights[idx];
  }
  return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

Result<ResidentId> ResidentId::parse(std::string_view text) {
  const std::string half_width = to_half_width(trim(text));
  const std::string_view trimmed = trim(half_width);
  if (trimmed.empty())
    return id_error("身份证号为空", "resident_id.empty");
  if (looks_like_scientific_notation(trimmed)) {
    return id_error(fmt::format("身份证号被 Excel 存成了科学计数法（{}），后几位数字已丢失，"
                                "请把该列设为文本后重新导出",
                                trimmed),
                    "resident_id.scientific_notation: digits lost by Excel");
  }
  auto kept = keep_id_characters(trimmed);
  if (!kept)
    return tl::unexpected(kept.error());
  std::string id = std::move(*kept);
  FAXIAN_TRY(check_shape(id));
  if (id.size() == 15) {
    FAXIAN_TRY(check_birth_date("19" + id.substr(6, 6)));
    id = id.substr(0, 6) + "19" + id.substr(6);
    id += check_character(id);
    return ResidentId(std::move(id));
  }
  FAXIAN_TRY(check_birth_date(std::string_view(id).substr(6, 8)));
  if (check_character(std::string_view(id).substr(0, 17)) != id[17]) {
    return id_error(check_character_error_zh(id), "resident_id.bad_check_character");
  }
  return ResidentId(std::move(id));
}

Date ResidentId::birth_date() const {
  return *Date::from_ymd(std::stoi(value_.substr(6, 4)), std::stoi(value_.substr(10, 2)),
                         std::stoi(value_.substr(12, 2)));
}

Sex ResidentId::sex() const {
  return (value_[16] - '0') % 2 == 1 ? Sex::kMale : Sex::kFemale;
}

std::string ResidentId::masked() const {
  return value_.substr(0, 6) + "********" + value_.substr(14);
}

}  // namespace faxian
