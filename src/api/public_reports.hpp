#pragma once
// 社会力量报告 from the public form (50-api-security.md "Privacy"): what a report may carry
// (only what the township needs to find and help the person), its status code — 10 characters
// from an alphabet without look-alikes, grouped for reading aloud ("K7PM-3QXR-9T", about 49
// bits, so codes cannot be guessed) — and the public_reports rows that tie a code to its lead.
// A status lookup answers only the lead's stage: received / in_progress / handled.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"

namespace faxian::api {

struct PublicReportForm {
  std::string subject_name;    // 1–50 characters
  std::string village_code;    // a village of the county, or ""
  std::string township_code;   // a township of the county when no village is given, or ""
  std::string address;         // optional, at most 200 characters
  std::string description;     // the difficulty, 5–2000 characters
  std::string reporter_phone;  // optional, for a callback
  std::string challenge_id;
  std::string challenge_answer;
};

// Reads and checks the form's fields (lengths, phone shape, a village or township given, the
// codes real regions of the right level); kInvalidArgument with a Chinese message naming the
// field.
Result<PublicReportForm> read_report_form(Database& db, const nlohmann::json& body);

// A fresh random code, e.g. "K7PM-3QXR-9T".
std::string new_report_code();
// The canonical form of what a reporter typed (case, blanks and dashes ignored); nullopt when
// it cannot be a code.
std::optional<std::string> normalise_report_code(std::string_view typed);

// The stage a reporter sees.
struct ReportStage {
  std::string key;    // received | in_progress | handled
  std::string label;  // Chinese
};
ReportStage report_stage(LeadStatus status);

class PublicReportStore {
 public:
  PublicReportStore(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Stores a report's code; kAlreadyExists when the code is taken (the caller draws another).
  Result<void> insert(std::string_view code, int64_t lead_id, std::string_view contact_phone);
  // The lead id of a code; nullopt when unknown.
  Result<std::optional<int64_t>> lead_of(std::string_view code);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::api
