#include "ingest/xlsx_workbook.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "ingest/xlsx_xml.hpp"

namespace faxian::ingest {
namespace {

constexpr int64_t kMaxSmallPart = 64 << 20;

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

class RelationshipsHandler final : public XmlHandler {
 public:
  void on_start(std::string_view name, const char** attributes) override {
    if (name != "Relationship")
      return;
    const char* id = xml_attribute(attributes, "Id");
    const char* type = xml_attribute(attributes, "Type");
    const char* target = xml_attribute(attributes, "Target");
    if (id != nullptr && type != nullptr && target != nullptr)
      relationships.push_back({id, type, target});
  }
  void on_end(std::string_view) override {}
  void on_text(std::string_view) override {}
  std::vector<Relationship> relationships;
};

class WorkbookHandler final : public XmlHandler {
 public:
  void on_start(std::string_view name, const char** attributes) override {
    if (name == "sheet") {
      // The relationship id is the prefixed `r:id` (any prefix); `sheetId` is another thing.
      for (size_t index = 0; attributes[index] != nullptr; index += 2) {
        const std::string_view key = attributes[index];
        if (key != "id" && xml_local_name(key) == "id")
          sheet_relationship_ids.emplace_back(attributes[index + 1]);
      }
    } else if (name == "workbookPr") {
      const char* value = xml_attribute(attributes, "date1904");
      date1904 =
          value != nullptr && (std::string_view(value) == "1" || std::string_view(value) == "true");
    }
  }
  void on_end(std::string_view) override {}
  void on_text(std::string_view) override {}
  std::vector<std::string> sheet_relationship_ids;
  bool date1904 = false;
};

// Reads a small part by name; nullopt when absent.
Result<std::optional<std::string>> read_part(ZipArchive& archive, const std::string& name) {
  const std::optional<int64_t> index = archive.find(name);
  if (!index)
    return std::optional<std::string>();
  auto bytes = archive.read_entry(*index, kMaxSmallPart);
  if (!bytes)
    return tl::unexpected(bytes.error());
  return std::optional<std::string>(std::move(*bytes));
}

Result<std::vector<Relationship>> read_relationships(ZipArchive& archive, const std::string& name) {
  auto bytes = read_part(archive, name);
  if (!bytes)
    return tl::unexpected(bytes.error());
  RelationshipsHandler handler;
  if (*bytes)
    FAXIAN_TRY(parse_xml_document(**bytes, handler, name));
  return std::move(handler.relationships);
}

std::string directory_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string file_name_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The workbook part named by the package relations; "xl/workbook.xml" by default.
Result<std::string> workbook_path(ZipArchive& archive) {
  auto relationships = read_relationships(archive, "_rels/.rels");
  if (!relationships)
    return tl::unexpected(relationships.error());
  for (const Relationship& relationship : *relationships) {
    if (ends_with(relationship.type, "/officeDocument"))
      return resolve_part_path("", relationship.target);
  }
  return std::string("xl/workbook.xml");
}

// The target of the first relationship of `type` (by suffix), resolved; `fallback` if none
// and the fallback part exists; empty otherwise.
std::string part_of_type(ZipArchive& archive, const std::vector<Relationship>& relationships,
                         std::string_view base_dir, std::string_view type,
                         const std::string& fallback) {
  for (const Relationship& relationship : relationships) {
    if (ends_with(relationship.type, type))
      return resolve_part_path(base_dir, relationship.target);
  }
  return archive.find(fallback) ? fallback : std::string();
}

}  // namespace

std::string resolve_part_path(std::string_view base_dir, std::string_view target) {
  std::string joined = !target.empty() && target[0] == '/'
                           ? std::string(target.substr(1))
                           : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    const size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty())
        parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string path;
  for (const std::string& part : parts) {
    path += path.empty() ? part : "/" + part;
  }
  return path;
}

Result<WorkbookParts> locate_workbook_parts(ZipArchive& archive) {
  auto workbook_name = workbook_path(archive);
  if (!workbook_name)
    return tl::unexpected(workbook_name.error());
  auto workbook = read_part(archive, *workbook_name);
  if (!workbook)
    return tl::unexpected(workbook.error());
  if (!*workbook) {
    return fail(ErrorCode::kInvalidArgument, "不是有效的 XLSX 文件：找不到工作簿（workbook.xml）",
                "no workbook part " + *workbook_name);
  }
  WorkbookHandler handler;
  FAXIAN_TRY(parse_xml_document(**workbook, handler, *workbook_name));
  const std::string base_dir = directory_of(*workbook_name);
  auto relationships =
      read_relationships(archive, base_dir + "_rels/" + file_name_of(*workbook_name) + ".rels");
  if (!relationships)
    return tl::unexpected(relationships.error());
  WorkbookParts parts;
  parts.date1904 = handler.date1904;
  for (const std::string& id : handler.sheet_relationship_ids) {
    for (const Relationship& relationship : *relationships) {
      if (relationship.id == id && ends_with(relationship.type, "/worksheet") &&
          parts.sheet.empty())
        parts.sheet = resolve_part_path(base_dir, relationship.target);
    }
  }
  if (parts.sheet.empty() && archive.find(base_dir + "worksheets/sheet1.xml"))
    parts.sheet = base_dir + "worksheets/sheet1.xml";
  if (parts.sheet.empty() || !archive.find(parts.sheet)) {
    return fail(ErrorCode::kInvalidArgument, "XLSX 文件中没有工作表",
                "no worksheet found through " + *workbook_name);
  }
  parts.shared_strings = part_of_type(archive, *relationships, base_dir, "/sharedStrings",
                                      base_dir + "sharedStrings.xml");
  parts.styles =
      part_of_type(archive, *relationships, base_dir, "/styles", base_dir + "styles.xml");
  return parts;
}

}  // namespace faxian::ingest
