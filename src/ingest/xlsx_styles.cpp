#include "ingest/xlsx_styles.hpp"

#include <charconv>
#include <map>
#include <string>

#include "ingest/xlsx_xml.hpp"

namespace faxian::ingest {
namespace {

constexpr size_t kMaxStyles = 1 << 20;  // Excel allows 64,000

int parse_id(const char* text) {
  int value = -1;
  if (text != nullptr)
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
  return value;
}

class StylesHandler final : public XmlHandler {
 public:
  void on_start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const int id = parse_id(xml_attribute(attributes, "numFmtId"));
      const char* code = xml_attribute(attributes, "formatCode");
      if (id >= 0 && code != nullptr)
        custom_formats[id] = classify_format_code(code);
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs && xf_format_ids.size() < kMaxStyles) {
      xf_format_ids.push_back(parse_id(xml_attribute(attributes, "numFmtId")));
    }
  }
  void on_end(std::string_view name) override {
    if (name == "cellXfs")
      in_cell_xfs = false;
  }
  void on_text(std::string_view) override {}

  std::map<int, NumberFormatKind> custom_formats;
  std::vector<int> xf_format_ids;
  bool in_cell_xfs = false;
};

}  // namespace

Result<CellStyles> parse_cell_styles(std::string_view styles_xml) {
  StylesHandler handler;
  FAXIAN_TRY(parse_xml_document(styles_xml, handler, "styles.xml"));
  std::vector<NumberFormatKind> kinds;
  kinds.reserve(handler.xf_format_ids.size());
  for (const int id : handler.xf_format_ids) {
    const auto custom = handler.custom_formats.find(id);
    kinds.push_back(custom != handler.custom_formats.end() ? custom->second
                                                           : classify_builtin_format(id));
  }
  return CellStyles(std::move(kinds));
}

}  // namespace faxian::ingest
