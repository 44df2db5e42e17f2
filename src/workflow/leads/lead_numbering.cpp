#include "workflow/leads/lead_numbering.hpp"

#include <memory>

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "domain/ethnicity.hpp"
#include "store/issued_numbers.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

// The place's own name: without its 县/区/市 suffix and, for an autonomous county, without the
// peoples named before 自治县 (秀山土家族苗族自治县 → 秀山).
std::string_view strip_suffix(std::string_view name) {
  size_t cut = name.size();
  for (const auto& entry : EnumTable<Ethnicity>::entries()) {
    const size_t at = name.find(entry.label);
    if (at != std::string_view::npos && at > 0 && at < cut && entry.label.ends_with("族"))
      cut = at;
  }
  if (cut < name.size() && name.find("自治") != std::string_view::npos)
    return name.substr(0, cut);
  for (std::string_view suffix : {"自治县", "县", "区", "市"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

Result<std::optional<std::string>> setting(Database& db, std::string_view key) {
  return query_one<std::string>(
      db, "SELECT value FROM workflow_settings WHERE key = ?",
      [&](Statement& statement) { statement.bind_text(1, key); },
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
}

}  // namespace

std::string pinyin_initials(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_latin(
      icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !to_latin)
    return "";
  std::string initials;
  const std::string_view stem = strip_suffix(name);
  // Syllable by syllable: one Han character at a time gives one pinyin syllable each.
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(stem.data(), static_cast<int32_t>(stem.size())));
  for (int32_t index = 0; index < text.length();) {
    const UChar32 code_point = text.char32At(index);
    const int32_t width = U16_LENGTH(code_point);
    icu::UnicodeString syllable(text, index, width);
    index += width;
    if (code_point < 0x3400)
      continue;  // not a Han character
    to_latin->transliterate(syllable);
    std::string latin;
    syllable.toUTF8String(latin);
    if (!latin.empty() && latin[0] >= 'a' && latin[0] <= 'z')
      initials += static_cast<char>(latin[0] - 'a' + 'A');
  }
  return initials;
}

Result<std::string> lead_number_prefix(Database& db) {
  auto configured = setting(db, "lead.number_prefix");
  if (!configured)
    return tl::unexpected(configured.error());
  if (*configured && !(*configured)->empty())
    return **configured;
  auto county = query_one<std::string>(
      db, "SELECT name FROM regions WHERE level = 'county' ORDER BY code LIMIT 1",
      [](Statement&) {},
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
  if (!county)
    return tl::unexpected(county.error());
  if (*county) {
    std::string initials = pinyin_initials(**county);
    if (!initials.empty())
      return initials;
  }
  return std::string("XS");
}

Result<std::string> next_lead_number(Database& db, std::string_view prefix, Date day) {
  const std::string compact = fmt::format("{:04d}{:02d}{:02d}", day.year(), day.month(), day.day());
  auto last = issue_number(db, "lead", compact);
  if (!last)
    return tl::unexpected(last.error());
  if (!*last)
    return fail(ErrorCode::kInternal, "线索编号生成失败", "lead counter returned no row");
  return fmt::format("{}{}-{:04d}", prefix, compact, **last);
}

}  // namespace faxian::workflow
