// LeadService::intake and the candidates of an unidentified subject.

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"
#include "workflow/leads/lead_journal.hpp"
#include "workflow/leads/lead_numbering.hpp"
#include "workflow/leads/lead_rows.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/lead_state_machine.hpp"

namespace faxian::workflow {
namespace {

struct Place {
  std::string township_code;
  std::string village_code;
};

// The household's village and township.
Result<Place> household_place(Database& db, int64_t household_id) {
  auto place = query_one<Place>(
      db,
      "SELECT v.parent_code, h.village_code FROM households h "
      "JOIN regions v ON v.code = h.village_code WHERE h.id = ?",
      [&](Statement& statement) { statement.bind_int64(1, household_id); },
      [](const Statement& row) -> Result<Place> {
        return Place{std::string(row.column_text(0)), std::string(row.column_text(1))};
      });
  if (!place)
    return tl::unexpected(place.error());
  if (!*place) {
    return fail(ErrorCode::kInvalidArgument, "线索对象户不存在",
                fmt::format("household {} not found", household_id));
  }
  return **place;
}

// The township of an unidentified subject: its village's parent, or the township given.
Result<Place> subject_place(Database& db, const IntakeRequest& request) {
  const std::string code =
      request.village_code.empty() ? request.township_code : request.village_code;
  const std::string_view level = request.village_code.empty() ? "township" : "village";
  auto parent = query_one<std::string>(
      db, "SELECT COALESCE(parent_code, '') FROM regions WHERE code = ? AND level = ?",
      [&](Statement& statement) { ParamBinder(statement).text(code).text(level); },
      [](const Statement& row) -> Result<std::string> { return std::string(row.column_text(0)); });
  if (!parent)
    return tl::unexpected(parent.error());
  if (!*parent || code.empty()) {
    return fail(ErrorCode::kInvalidArgument,
                code.empty() ? "未指明线索所在的村（社区）或乡镇（街道）"
                             : fmt::format("区划代码 {} 不是本县的{}", code,
                                           level == "village" ? "村（社区）" : "乡镇（街道）"),
                fmt::format("unknown {} code '{}'", level, code));
  }
  if (request.village_code.empty())
    return Place{code, ""};
  return Place{**parent, code};
}

LeadSourceEntry source_entry(const Actor& actor, const IntakeRequest& request, int64_t now) {
  return LeadSourceEntry{.id = 0,
                         .source = request.source,
                         .reference = request.reference,
                         .level = request.level,
                         .description = request.description,
                         .reported_on = request.reported_on,
                         .actor = actor.name,
                         .at = now};
}

std::string source_detail(const IntakeRequest& request) {
  nlohmann::json detail = {{"source", enum_key(request.source)},
                           {"reference", request.reference},
                           {"level", level_key(request.level)}};
  return detail.dump();
}

std::string digits_only(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      digits += c;
  }
  return digits;
}

std::optional<Date> earlier(std::optional<Date> a, std::optional<Date> b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return std::min(*a, *b);
}

}  // namespace

Result<IntakeResult> LeadService::intake(const Actor& actor, const IntakeRequest& request) {
  if (!request.household_id && trim(request.subject.name).empty()) {
    return fail(ErrorCode::kInvalidArgument, "线索须关联到户，或至少写明当事人姓名",
                "lead without household or subject name");
  }
  return in_transaction(db_, [&]() -> Result<IntakeResult> {
    Place place;
    if (request.household_id) {
      FAXIAN_TRY_ASSIGN(place, household_place(db_, *request.household_id));
      std::optional<Lead> open;
      FAXIAN_TRY_ASSIGN(open, open_lead_of(*request.household_id));
      if (open)
        return attach(actor, std::move(*open), request);
    } else {
      FAXIAN_TRY_ASSIGN(place, subject_place(db_, request));
    }
    const int64_t now = clock_.now_unix();
    Lead lead;
    std::string prefix;
    FAXIAN_TRY_ASSIGN(prefix, number_prefix());
    FAXIAN_TRY_ASSIGN(lead.lead_no, next_lead_number(db_, prefix, request.reported_on));
    lead.household_id = request.household_id;
    if (!request.household_id) {
      lead.subject = UnidentifiedSubject{std::string(trim(request.subject.name)),
                                         std::string(trim(request.subject.phone)),
                                         std::string(trim(request.subject.address))};
    }
    lead.township_code = place.township_code;
    lead.village_code = place.village_code;
    lead.description = request.description;
    lead.level = request.level;
    lead.status = LeadStatus::kNew;
    lead.warning_id = request.warning_id;
    lead.created_on = request.reported_on;
    const LeadDeadlines due = lead_deadlines(calendar_, policy_, lead.created_on, lead.level);
    lead.first_contact_due = due.first_contact;
    lead.verification_due = due.verification;
    FAXIAN_TRY_ASSIGN(lead.id, insert_lead(db_, lead, now));
    FAXIAN_TRY(insert_source(db_, lead.id, source_entry(actor, request, now)));
    FAXIAN_TRY(record_lead_change(db_, clock_, actor, lead,
                                  LeadChange{.action = "intake",
                                             .from = std::nullopt,
                                             .to = LeadStatus::kNew,
                                             .reason = "",
                                             .detail = source_detail(request),
                                             .on = request.reported_on}));
    std::optional<Lead> stored;
    FAXIAN_TRY_ASSIGN(stored, find_by_id(lead.id));
    return IntakeResult{std::move(*stored), false};
  });
}

Result<std::string> LeadService::number_prefix() {
  if (!prefix_) {
    std::string prefix;
    FAXIAN_TRY_ASSIGN(prefix, lead_number_prefix(db_));
    prefix_ = std::move(prefix);
  }
  return *prefix_;
}

Result<IntakeResult> LeadService::attach(const Actor& actor, Lead lead,
                                         const IntakeRequest& request) {
  const int64_t now = clock_.now_unix();
  for (const LeadSourceEntry& source : lead.sources) {
    if (source.source == request.source && !request.reference.empty() &&
        source.reference == request.reference) {
      return IntakeResult{std::move(lead), true};  // the same report again: nothing new
    }
  }
  FAXIAN_TRY(insert_source(db_, lead.id, source_entry(actor, request, now)));
  if (request.level > lead.level) {
    lead.level = request.level;
    const LeadDeadlines due = lead_deadlines(calendar_, policy_, request.reported_on, lead.level);
    lead.first_contact_due = earlier(lead.first_contact_due, due.first_contact);
    lead.verification_due = earlier(lead.verification_due, due.verification);
  }
  if (!lead.warning_id && request.warning_id)
    lead.warning_id = request.warning_id;
  FAXIAN_TRY(save_lead(db_, lead, now));
  FAXIAN_TRY(
      record_lead_change(db_, clock_, actor, lead,
                         LeadChange{.action = std::string(lead_action_key(LeadAction::kAddSource)),
                                    .from = lead.status,
                                    .to = lead.status,
                                    .reason = "",
                                    .detail = source_detail(request),
                                    .on = request.reported_on}));
  std::optional<Lead> stored;
  FAXIAN_TRY_ASSIGN(stored, find_by_id(lead.id));
  return IntakeResult{std::move(*stored), true};
}

Result<std::vector<SubjectCandidate>> LeadService::candidates(std::string_view lead_no) {
  std::optional<Lead> lead;
  FAXIAN_TRY_ASSIGN(lead, find(lead_no));
  if (!lead)
    return tl::unexpected(lead_not_found(lead_no));
  if (lead->household_id)
    return std::vector<SubjectCandidate>{};
  const std::string& name = lead->subject.name;
  const std::string phone = digits_only(lead->subject.phone);
  auto rows = query_rows<SubjectCandidate>(
      db_,
      "SELECT p.id, h.id, h.household_no, p.name, p.phone, h.village_code FROM persons p "
      "JOIN memberships m ON m.person_id = p.id AND m.to_date IS NULL "
      "JOIN households h ON h.id = m.household_id "
      "JOIN regions v ON v.code = h.village_code "
      "WHERE (p.name = ? AND v.parent_code = ?) OR (? <> '' AND p.phone = ?) LIMIT 200",
      [&](Statement& statement) {
        ParamBinder(statement).text(name).text(lead->township_code).text(phone).text(phone);
      },
      [&](const Statement& row) -> Result<SubjectCandidate> {
        SubjectCandidate candidate;
        candidate.person_id = row.column_int64(0);
        candidate.household_id = row.column_int64(1);
        candidate.household_no = std::string(row.column_text(2));
        candidate.name = std::string(row.column_text(3));
        const std::string candidate_phone(row.column_text(4));
        candidate.masked_phone = mask_phone(candidate_phone);
        candidate.village_code = std::string(row.column_text(5));
        candidate.name_matches = candidate.name == name;
        candidate.phone_matches = !phone.empty() && candidate_phone == phone;
        candidate.village_matches =
            !lead->village_code.empty() && candidate.village_code == lead->village_code;
        return candidate;
      });
  if (!rows)
    return tl::unexpected(rows.error());
  auto strength = [](const SubjectCandidate& candidate) {
    return int(candidate.name_matches) + int(candidate.phone_matches) +
           int(candidate.village_matches);
  };
  std::stable_sort(rows->begin(), rows->end(),
                   [&](const auto& a, const auto& b) { return strength(a) > strength(b); });
  if (rows->size() > 20)
    rows->resize(20);
  return rows;
}

}  // namespace faxian::workflow
