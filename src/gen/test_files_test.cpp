// Helpers for the generator tests (see test_files.hpp); no tests here.

#include <unicode/ucnv.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/source_dir_for_tests.hpp"
#include "common/text.hpp"
#include "gen/test_files.hpp"

namespace faxian::gen::testing {
namespace {

uint32_t u16(const std::string& s, size_t at) {
  return static_cast<uint8_t>(s[at]) | static_cast<uint32_t>(static_cast<uint8_t>(s[at + 1])) << 8;
}
uint32_t u32(const std::string& s, size_t at) {
  return u16(s, at) | u16(s, at + 2) << 16;
}
uint64_t u64(const std::string& s, size_t at) {
  return u32(s, at) | static_cast<uint64_t>(u32(s, at + 4)) << 32;
}

std::string inflate_raw(std::string_view data, size_t expected) {
  std::string out(expected, '\0');
  z_stream stream{};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
    return {};
  inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

std::string xml_unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const size_t end = text.find(';', i);
    const std::string_view entity = text.substr(i + 1, end - i - 1);
    if (entity == "amp")
      out += '&';
    if (entity == "lt")
      out += '<';
    if (entity == "gt")
      out += '>';
    if (entity == "quot")
      out += '"';
    if (entity == "apos")
      out += '\'';
    i = end;
  }
  return out;
}

// The text of every <t> element between `from` and `to`.
std::string collect_text(const std::string& xml, size_t from, size_t to) {
  std::string text;
  for (size_t at = xml.find("<t", from); at != std::string::npos && at < to;
       at = xml.find("<t", at + 1)) {
    if (xml[at + 2] != '>' && xml[at + 2] != ' ')
      continue;
    const size_t open_end = xml.find('>', at);
    if (xml[open_end - 1] == '/')
      continue;
    const size_t close = xml.find("</t>", open_end);
    text += xml_unescape(std::string_view(xml).substr(open_end + 1, close - open_end - 1));
  }
  return text;
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = " ";
  key.append(name);
  key.append("=\"");
  const size_t at = tag.find(key);
  if (at == std::string_view::npos)
    return {};
  const size_t start = at + key.size();
  return std::string(tag.substr(start, tag.find('"', start) - start));
}

size_t column_of(const std::string& ref) {
  size_t column = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z')
      break;
    column = column * 26 + static_cast<size_t>(c - 'A' + 1);
  }
  return column - 1;
}

// Which cell styles (index into cellXfs) are date formats.
std::vector<bool> date_styles(const std::string& styles) {
  std::map<int, std::string> custom;
  for (size_t at = styles.find("<numFmt "); at != std::string::npos;
       at = styles.find("<numFmt ", at + 1)) {
    const std::string_view tag(styles.data() + at, styles.find('>', at) - at);
    custom[std::stoi(attribute(tag, "numFmtId"))] = attribute(tag, "formatCode");
  }
  std::vector<bool> dates;
  const size_t xfs = styles.find("<cellXfs");
  const size_t xfs_end = styles.find("</cellXfs>");
  for (size_t at = styles.find("<xf ", xfs); at != std::string::npos && at < xfs_end;
       at = styles.find("<xf ", at + 1)) {
    const std::string_view tag(styles.data() + at, styles.find('>', at) - at);
    const int id = std::stoi(attribute(tag, "numFmtId"));
    const bool builtin_date = id >= 14 && id <= 22;
    const bool custom_date = custom.count(id) && custom[id].find("yy") != std::string::npos;
    dates.push_back(builtin_date || custom_date);
  }
  return dates;
}

std::string excel_date(double serial) {
  const Date date = Date::from_days(static_cast<int32_t>(serial) - 25569);
  return date.iso();
}

}  // namespace

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string to_utf8(std::string_view bytes, bool* was_gb18030) {
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) {
    if (was_gb18030)
      *was_gb18030 = false;
    return std::string(bytes);
  }
  if (was_gb18030)
    *was_gb18030 = true;
  std::string out(bytes.size() * 2 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      ucnv_convert("utf-8", "gb18030", out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                   static_cast<int32_t>(bytes.size()), &status);
  out.resize(U_FAILURE(status) ? 0 : static_cast<size_t>(length));
  return out;
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string unzip_entry(const std::string& path, const std::string& entry) {
  const std::string zip = read_bytes(path);
  size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos)
    return {};
  const uint32_t entries = u16(zip, eocd + 10);
  size_t at = u32(zip, eocd + 16);
  for (uint32_t i = 0; i < entries; ++i) {
    const uint32_t method = u16(zip, at + 10);
    uint64_t compressed = u32(zip, at + 20);
    uint64_t size = u32(zip, at + 24);
    const uint32_t name_length = u16(zip, at + 28);
    const uint32_t extra_length = u16(zip, at + 30);
    const uint32_t comment_length = u16(zip, at + 32);
    uint64_t local = u32(zip, at + 42);
    const std::string name = zip.substr(at + 46, name_length);
    // ZIP64: the real sizes and offset are in extra field 0x0001.
    size_t extra = at + 46 + name_length;
    const size_t extra_end = extra + extra_length;
    while (extra + 4 <= extra_end) {
      const uint32_t id = u16(zip, extra), length = u16(zip, extra + 2);
      if (id == 1) {
        size_t field = extra + 4;
        if (size == 0xFFFFFFFF)
          size = u64(zip, field), field += 8;
        if (compressed == 0xFFFFFFFF)
          compressed = u64(zip, field), field += 8;
        if (local == 0xFFFFFFFF)
          local = u64(zip, field);
      }
      extra += 4 + length;
    }
    if (name == entry) {
      const size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
      const std::string_view bytes(zip.data() + data, compressed);
      return method == 0 ? std::string(bytes) : inflate_raw(bytes, size);
    }
    at += 46 + name_length + extra_length + comment_length;
  }
  return {};
}

Table read_xlsx(const std::string& path) {
  const std::string sheet = unzip_entry(path, "xl/worksheets/sheet1.xml");
  const std::string shared_xml = unzip_entry(path, "xl/sharedStrings.xml");
  const std::vector<bool> dates = date_styles(unzip_entry(path, "xl/styles.xml"));
  std::vector<std::string> shared;
  for (size_t at = shared_xml.find("<si>"); at != std::string::npos;
       at = shared_xml.find("<si>", at + 1)) {
    shared.push_back(collect_text(shared_xml, at, shared_xml.find("</si>", at)));
  }
  std::vector<std::vector<std::string>> rows;
  for (size_t row = sheet.find("<row "); row != std::string::npos;
       row = sheet.find("<row ", row + 1)) {
    const size_t row_end = sheet.find("</row>", row);
    std::vector<std::string> values;
    for (size_t c = sheet.find("<c ", row); c != std::string::npos && c < row_end;
         c = sheet.find("<c ", c + 1)) {
      const size_t tag_end = sheet.find('>', c);
      const std::string_view tag(sheet.data() + c, tag_end - c);
      const size_t column = column_of(attribute(tag, "r"));
      const std::string type = attribute(tag, "t");
      const std::string style = attribute(tag, "s");
      std::string value;
      const bool self_closing = sheet[tag_end - 1] == '/';
      const size_t cell_end = self_closing ? tag_end : sheet.find("</c>", c);
      if (type == "inlineStr") {
        value = collect_text(sheet, c, cell_end);
      } else if (!self_closing) {
        const size_t v = sheet.find("<v>", c);
        const std::string raw = sheet.substr(v + 3, sheet.find("</v>", v) - v - 3);
        if (type == "s") {
          value = shared[std::stoul(raw)];
        } else if (type == "str") {
          value = xml_unescape(raw);
        } else if (!style.empty() && dates[std::stoul(style)]) {
          value = excel_date(std::stod(raw));
        } else {
          value = fmt::format("{:.2f}", std::stod(raw));
        }
      }
      if (values.size() <= column)
        values.resize(column + 1);
      values[column] = value;
    }
    rows.push_back(std::move(values));
  }
  Table table;
  if (rows.empty())
    return table;
  for (const std::string& name : rows.front())
    table.header.emplace_back(trim(name));
  for (size_t r = 1; r < rows.size(); ++r) {
    rows[r].resize(std::max(rows[r].size(), table.header.size()));
    table.rows.push_back(std::move(rows[r]));
  }
  return table;
}

Table read_table(const std::string& path) {
  if (path.ends_with(".xlsx"))
    return read_xlsx(path);
  auto rows = parse_csv(to_utf8(read_bytes(path)));
  Table table;
  if (rows.empty())
    return table;
  for (const std::string& name : rows.front())
    table.header.emplace_back(trim(name));
  for (size_t r = 1; r < rows.size(); ++r)
    table.rows.push_back(std::move(rows[r]));
  return table;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("faxian-gen-test-{}-{}", static_cast<long>(getpid()), name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

GenerateSummary generate_small(const std::string& dir, uint64_t seed, bool messy, int threads,
                               int64_t households) {
  GenerateOptions options;
  options.scale = Scale::kSmall;
  options.seed = seed;
  options.out_dir = dir;
  options.as_of = default_as_of();
  options.messy = messy;
  options.threads = threads;
  options.households = households;
  options.regions_path = faxian_source_dir() + "/data/regions/500241.csv";
  options.standards_path = faxian_source_dir() + "/data/standards/chongqing.toml";
  auto summary = generate(options);
  EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error().to_string());
  return summary ? *summary : GenerateSummary{};
}

}  // namespace faxian::gen::testing
