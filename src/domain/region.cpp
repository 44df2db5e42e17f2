#include "domain/region.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "common/file_util.hpp"
#include "common/text.hpp"

namespace faxian {
namespace {

constexpr std::array<std::string_view, 5> kColumns = {"code", "name", "level", "parent_code",
                                                      "urban_rural_code"};
constexpr std::array<std::string_view, 7> kUrbanRuralCodes = {"111", "112", "121", "122",
                                                              "123", "210", "220"};

tl::unexpected<Error> line_error(int line, const std::string& zh, const std::string& en) {
  return fail(ErrorCode::kInvalidArgument, fmt::format("区划文件第 {} 行：{}", line, zh),
              fmt::format("regions CSV line {}: {}", line, en));
}

// Splits one CSV line; fields may be quoted ("a,b", "" for a quote). nullopt on a bad quote.
std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    const char c = line[pos];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (pos + 1 < line.size() && line[pos + 1] == '"') {
        fields.back() += '"';
        ++pos;
      } else {
        quoted = false;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted)
    return std::nullopt;
  for (auto& field : fields)
    field = std::string(trim(field));
  return fields;
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t code_length(RegionLevel level) {
  switch (level) {
    case RegionLevel::kCounty:
      return 6;
    case RegionLevel::kTownship:
      return 9;
    case RegionLevel::kVillage:
      return 12;
  }
  return 0;
}

// Column positions of the header, in kColumns order.
Result<std::array<std::size_t, 5>> header_positions(const std::vector<std::string>& header) {
  std::array<std::size_t, 5> positions{};
  for (std::size_t column_idx = 0; column_idx < kColumns.size(); ++column_idx) {
    auto found = std::find(header.begin(), header.end(), kColumns[column_idx]);
    if (found == header.end()) {
      return line_error(1, fmt::format("缺少列 {}", kColumns[column_idx]),
                        fmt::format("missing column {}", kColumns[column_idx]));
    }
    positions[column_idx] = static_cast<std::size_t>(found - header.begin());
  }
  return positions;
}

struct NumberedRegion {
  Region region;
  int line = 0;
};

Result<Region> parse_region_fields(const std::vector<std::string>& fields,
                                   const std::array<std::size_t, 5>& positions, int line) {
  const std::size_t needed = *std::max_element(positions.begin(), positions.end()) + 1;
  if (fields.size() < needed) {
    return line_error(line, "列数不足", "too few columns");
  }
  auto level = parse_region_level(fields[positions[2]]);
  if (!level)
    return line_error(line, level.error().message, "bad level");
  Region region{.code = fields[positions[0]],
                .name = fields[positions[1]],
                .level = *level,
                .parent_code = fields[positions[3]],
                .urban_rural_code = fields[positions[4]]};
  if (!all_digits(region.code) || region.code.size() != code_length(region.level)) {
    return line_error(
        line, fmt::format("代码 {} 应为 {} 位数字", region.code, code_length(region.level)),
        fmt::format("code {} must be {} digits", region.code, code_length(region.level)));
  }
  if (region.name.empty())
    return line_error(line, "名称为空", "empty name");
  return region;
}

Result<void> check_urban_rural(const Region& region, int line) {
  const bool is_village = region.level == RegionLevel::kVillage;
  const bool listed = std::find(kUrbanRuralCodes.begin(), kUrbanRuralCodes.end(),
                                region.urban_rural_code) != kUrbanRuralCodes.end();
  if (is_village && !listed) {
    return line_error(
        line,
        fmt::format("村（社区）{} 的城乡分类代码“{}”无效（应为 111 112 121 122 123 210 220）",
                    region.code, region.urban_rural_code),
        fmt::format("village {} has an invalid urban-rural code", region.code));
  }
  if (!is_village && !region.urban_rural_code.empty()) {
    return line_error(line, fmt::format("只有村（社区）才有城乡分类代码：{}", region.code),
                      fmt::format("only villages carry an urban-rural code: {}", region.code));
  }
  return ok();
}

Result<void> check_parent(const NumberedRegion& child,
                          const std::map<std::string, const Region*>& by_code) {
  const Region& region = child.region;
  if (region.level == RegionLevel::kCounty) {
    if (region.parent_code.empty())
      return ok();
    return line_error(child.line, "县级区划不应有上级代码", "county must have no parent");
  }
  auto parent = by_code.find(region.parent_code);
  const RegionLevel expected =
      region.level == RegionLevel::kVillage ? RegionLevel::kTownship : RegionLevel::kCounty;
  if (parent == by_code.end() || parent->second->level != expected ||
      !region.code.starts_with(region.parent_code)) {
    return line_error(child.line,
                      fmt::format("{} 的上级 {} 不存在、不是上一级或不是其代码前缀", region.code,
                                  region.parent_code),
                      fmt::format("parent {} of {} missing, wrong level or not a prefix",
                                  region.parent_code, region.code));
  }
  return ok();
}

Result<void> check_tree(const std::vector<NumberedRegion>& rows) {
  std::map<std::string, const Region*> by_code;
  int counties = 0;
  for (const NumberedRegion& row : rows) {
    if (!by_code.emplace(row.region.code, &row.region).second) {
      return line_error(row.line, fmt::format("代码 {} 重复", row.region.code),
                        fmt::format("duplicate code {}", row.region.code));
    }
    if (row.region.level == RegionLevel::kCounty)
      ++counties;
  }
  if (counties != 1) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("区划文件应恰好有一个县级区划，实际 {} 个", counties),
                fmt::format("regions CSV must have exactly one county, found {}", counties));
  }
  for (const NumberedRegion& row : rows)
    FAXIAN_TRY(check_parent(row, by_code));
  return ok();
}

}  // namespace

const char* region_level_name(RegionLevel level) {
  switch (level) {
    case RegionLevel::kCounty:
      return "county";
    case RegionLevel::kTownship:
      return "township";
    case RegionLevel::kVillage:
      return "village";
  }
  return "village";
}

Result<RegionLevel> parse_region_level(std::string_view text) {
  for (RegionLevel level : {RegionLevel::kCounty, RegionLevel::kTownship, RegionLevel::kVillage}) {
    if (text == region_level_name(level))
      return level;
  }
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("区划级别“{}”无效（应为 county、township 或 village）", text),
              fmt::format("bad region level: {}", text));
}

Result<std::vector<Region>> parse_regions_csv(std::string_view csv_text) {
  csv_text = strip_utf8_bom(csv_text);
  std::vector<NumberedRegion> rows;
  std::optional<std::array<std::size_t, 5>> positions;
  int line_no = 0;
  while (!csv_text.empty()) {
    const std::size_t end = csv_text.find('\n');
    std::string_view line = csv_text.substr(0, end);
    csv_text = end == std::string_view::npos ? std::string_view() : csv_text.substr(end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (trim(line).empty())
      continue;
    auto fields = split_csv_line(line);
    if (!fields)
      return line_error(line_no, "引号不匹配", "unbalanced quote");
    if (!positions) {
      auto found = header_positions(*fields);
      if (!found)
        return tl::unexpected(found.error());
      positions = *found;
      continue;
    }
    auto region = parse_region_fields(*fields, *positions, line_no);
    if (!region)
      return tl::unexpected(region.error());
    FAXIAN_TRY(check_urban_rural(*region, line_no));
    rows.push_back({std::move(*region), line_no});
  }
  if (!positions)
    return line_error(1, "缺少表头", "missing header");
  FAXIAN_TRY(check_tree(rows));
  std::vector<Region> regions;
  regions.reserve(rows.size());
  for (auto& row : rows)
    regions.push_back(std::move(row.region));
  return regions;
}

Result<std::vector<Region>> load_regions_file(const std::string& path) {
  auto text = read_file(path);
  if (!text)
    return tl::unexpected(text.error());
  return parse_regions_csv(*text);
}

}  // namespace faxian
