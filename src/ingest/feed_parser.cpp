#include "ingest/feed_parser.hpp"

#include "ingest/schema_parser.hpp"
#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

template <typename R>
std::unique_ptr<FeedParser> make(const FeedSchema<R>& schema, const ParseContext& context) {
  return std::make_unique<SchemaParser<R>>(schema, context);
}

}  // namespace

const ResidentId& placeholder_resident_id() {
  // The sample number of GB 11643-1999 itself.
  static const ResidentId kPlaceholder = *ResidentId::parse("11010519491231002X");
  return kPlaceholder;
}

BatchRowIssue bad_row_issue(const TableRow& row, MessageLanguage language) {
  bool bad_bytes = false;
  for (const Cell& cell : row.cells) {
    if (cell.kind == CellKind::kError && error_cell_error(cell).code == issue_code::kBadEncoding)
      bad_bytes = true;
  }
  const FieldError error{bad_bytes ? issue_code::kBadEncoding : issue_code::kBadRow, row.problem,
                         "the row could not be read (bad encoding, an unterminated quote or an "
                         "oversized field): " +
                             row.problem};
  return make_issue(row.line, "", error, language);
}

bool is_blank_row(const TableRow& row) {
  if (!row.problem.empty())
    return false;
  for (const Cell& cell : row.cells) {
    if (!is_blank(cell))
      return false;
  }
  return true;
}

std::unique_ptr<FeedParser> make_feed_parser(FeedKind feed, const ParseContext& context) {
  switch (feed) {
    case FeedKind::kPopulation:
      return make(population_schema(), context);
    case FeedKind::kMedical:
      return make(medical_schema(), context);
    case FeedKind::kEmployment:
      return make(employment_schema(), context);
    case FeedKind::kIncome:
      return make(income_schema(), context);
    case FeedKind::kDisability:
      return make(disability_schema(), context);
    case FeedKind::kDeath:
      return make(death_schema(), context);
    case FeedKind::kDisaster:
      return make(disaster_schema(), context);
    case FeedKind::kPovertyMonitoring:
      return make(poverty_monitoring_schema(), context);
    case FeedKind::kEducation:
      return make(education_schema(), context);
    case FeedKind::kAssets:
      return make(assets_schema(), context);
    case FeedKind::kHotline:
      return make(hotline_schema(), context);
    case FeedKind::kApplications:
      return make(applications_schema(), context);
    case FeedKind::kRegistry:
      return make(registry_schema(), context);
  }
  return nullptr;
}

}  // namespace faxian::ingest
