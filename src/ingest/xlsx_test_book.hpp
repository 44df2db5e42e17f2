#pragma once
// For tests and fuzzers only (header-only): a minimal .xlsx assembled from hand-written XML,
// the way Excel lays it out, so each test states just the parts it is about.

#include <string>
#include <vector>

#include "ingest/zip_test_writer.hpp"

namespace faxian::ingest::testing {

inline constexpr const char* kSpreadsheetNs =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kRelationshipNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct TestBook {
  std::string rows;            // the content of <sheetData>
  std::string shared_strings;  // the <si> items; no part when empty and !force_shared_strings
  bool force_shared_strings = false;
  std::string styles;          // the whole styles.xml; no part when empty
  std::string workbook_extra;  // e.g. <workbookPr date1904="1"/>
  std::string sheet_xml;       // the whole first sheet, overriding `rows` when set
  std::string workbook_xml;    // the whole workbook.xml, overriding the default when set
  std::string workbook_rels;   // the whole workbook.xml.rels, overriding the default when set
  std::vector<ZipTestEntry> extra_entries;
};

inline std::string xml_head() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
}

// A styles.xml whose cellXfs use the given number-format ids, with custom formats
// `custom` (<numFmt .../> elements).
inline std::string styles_xml(const std::vector<int>& xf_format_ids, const std::string& custom) {
  std::string xml = xml_head() + "<styleSheet xmlns=\"" + kSpreadsheetNs + "\">";
  if (!custom.empty())
    xml += "<numFmts>" + custom + "</numFmts>";
  xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>";
  for (const int id : xf_format_ids)
    xml += "<xf numFmtId=\"" + std::to_string(id) + "\" fontId=\"0\"/>";
  return xml + "</cellXfs></styleSheet>";
}

inline std::string make_xlsx(const TestBook& book) {
  std::vector<ZipTestEntry> entries;
  entries.push_back(stored_entry(
      "[Content_Types].xml",
      xml_head() +
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
  entries.push_back(stored_entry(
      "_rels/.rels",
      xml_head() +
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"" +
          kRelationshipNs + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
  const std::string workbook =
      !book.workbook_xml.empty()
          ? book.workbook_xml
          : xml_head() + "<workbook xmlns=\"" + kSpreadsheetNs + "\" xmlns:r=\"" + kRelationshipNs +
                "\">" + book.workbook_extra +
                "<sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  entries.push_back(stored_entry("xl/workbook.xml", workbook));
  std::string rels = book.workbook_rels;
  if (rels.empty()) {
    rels = xml_head() +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"" +
           kRelationshipNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    rels += "<Relationship Id=\"rId2\" Type=\"" + std::string(kRelationshipNs) +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    rels += "<Relationship Id=\"rId3\" Type=\"" + std::string(kRelationshipNs) +
            "/styles\" Target=\"styles.xml\"/></Relationships>";
  }
  entries.push_back(stored_entry("xl/_rels/workbook.xml.rels", rels));
  const std::string sheet = !book.sheet_xml.empty()
                                ? book.sheet_xml
                                : xml_head() + "<worksheet xmlns=\"" + kSpreadsheetNs +
                                      "\"><sheetData>" + book.rows + "</sheetData></worksheet>";
  entries.push_back(stored_entry("xl/worksheets/sheet1.xml", sheet));
  if (!book.shared_strings.empty() || book.force_shared_strings) {
    entries.push_back(stored_entry(
        "xl/sharedStrings.xml",
        xml_head() + "<sst xmlns=\"" + kSpreadsheetNs + "\">" + book.shared_strings + "</sst>"));
  }
  if (!book.styles.empty())
    entries.push_back(stored_entry("xl/styles.xml", book.styles));
  for (const ZipTestEntry& entry : book.extra_entries)
    entries.push_back(entry);
  return make_zip(entries);
}

}  // namespace faxian::ingest::testing
