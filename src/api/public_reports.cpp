// The public report form's fields, status codes and stored rows (see public_reports.hpp).

#include "api/public_reports.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include "common/text.hpp"
#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::api {
namespace {

// No 0/O, 1/I/L, and no U (read as V): 30 characters that survive being read over the phone.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kCodeLength = 10;

Error invalid(std::string message, std::string_view field) {
  return Error(ErrorCode::kInvalidArgument, std::move(message),
               fmt::format("public report field {}", field));
}

// The trimmed text of an optional string field; kInvalidArgument for a non-string value, an
// invalid UTF-8 text or one longer than `max` characters.
Result<std::string> text_field(const nlohmann::json& body, std::string_view field,
                               std::string_view label, size_t max) {
  auto found = body.find(field);
  if (found == body.end() || found->is_null())
    return std::string();
  if (!found->is_string())
    return tl::unexpected(invalid(fmt::format("{}应为文本", label), field));
  const std::string& raw = found->get_ref<const std::string&>();
  if (!is_valid_utf8(raw))
    return tl::unexpected(invalid(fmt::format("{}含有无效字符", label), field));
  std::string text(trim(raw));
  if (code_point_count(text) > max)
    return tl::unexpected(invalid(fmt::format("{}不能超过 {} 个字", label, max), field));
  return text;
}

// "0-9 + - space", 5–20 characters with at least 5 digits: mobile and landline numbers.
bool plausible_phone(std::string_view phone) {
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '-' && c != ' ' && c != '+')
      return false;
  }
  return digits >= 5 && phone.size() <= 20;
}

// kInvalidArgument unless `code` is a region of `level` in the county.
Result<void> check_region(Database& db, std::string_view code, std::string_view level,
                          std::string_view field, std::string_view label) {
  int64_t found = 0;
  FAXIAN_TRY_ASSIGN(found,
                    query_int(db, "SELECT count(*) FROM regions WHERE code = ? AND level = ?",
                              [&](Statement& s) { ParamBinder(s).text(code).text(level); }));
  if (found == 0)
    return tl::unexpected(invalid(fmt::format("所选{}不是本县的{}", label, label), field));
  return ok();
}

Result<void> check_place(Database& db, PublicReportForm& form) {
  if (!form.village_code.empty()) {
    FAXIAN_TRY(check_region(db, form.village_code, "village", "village", "村（社区）"));
    form.township_code.clear();  // the village decides the township
    return ok();
  }
  if (form.township_code.empty()) {
    return tl::unexpected(
        invalid("请选择困难群众所在的乡镇（街道）或村（社区）", "village/township"));
  }
  return check_region(db, form.township_code, "township", "township", "乡镇（街道）");
}

}  // namespace

Result<PublicReportForm> read_report_form(Database& db, const nlohmann::json& body) {
  PublicReportForm form;
  FAXIAN_TRY_ASSIGN(form.subject_name, text_field(body, "subject_name", "姓名", 50));
  if (form.subject_name.empty())
    return tl::unexpected(invalid("请填写困难群众的姓名（或称呼）", "subject_name"));
  FAXIAN_TRY_ASSIGN(form.village_code, text_field(body, "village", "村（社区）", 20));
  FAXIAN_TRY_ASSIGN(form.township_code, text_field(body, "township", "乡镇（街道）", 20));
  FAXIAN_TRY_ASSIGN(form.address, text_field(body, "address", "地址", 200));
  FAXIAN_TRY_ASSIGN(form.description, text_field(body, "description", "困难情况", 2000));
  if (code_point_count(form.description) < 5)
    return tl::unexpected(invalid("请用至少 5 个字说明遇到的困难", "description"));
  FAXIAN_TRY_ASSIGN(form.reporter_phone, text_field(body, "reporter_phone", "联系电话", 20));
  if (!form.reporter_phone.empty() && !plausible_phone(form.reporter_phone))
    return tl::unexpected(invalid("联系电话格式不正确", "reporter_phone"));
  FAXIAN_TRY_ASSIGN(form.challenge_id, text_field(body, "challenge_id", "验证题编号", 200));
  auto answer = body.find("challenge_answer");
  if (answer != body.end() && answer->is_number_integer()) {
    form.challenge_answer = std::to_string(answer->get<int64_t>());
  } else {
    FAXIAN_TRY_ASSIGN(form.challenge_answer,
                      text_field(body, "challenge_answer", "验证题答案", 10));
  }
  if (form.challenge_id.empty() || form.challenge_answer.empty())
    return tl::unexpected(invalid("请先回答验证题", "challenge"));
  FAXIAN_TRY(check_place(db, form));
  return form;
}

std::string new_report_code() {
  std::string raw;
  for (size_t i = 0; i < kCodeLength; ++i)
    raw += kCodeAlphabet[randombytes_uniform(static_cast<uint32_t>(kCodeAlphabet.size()))];
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8);
}

std::optional<std::string> normalise_report_code(std::string_view typed) {
  if (typed.size() > 40)
    return std::nullopt;
  std::string raw;
  for (char c : typed) {
    if (c == '-' || c == ' ')
      continue;
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kCodeAlphabet.find(upper) == std::string_view::npos)
      return std::nullopt;
    raw += upper;
  }
  if (raw.size() != kCodeLength)
    return std::nullopt;
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8);
}

ReportStage report_stage(LeadStatus status) {
  switch (status) {
    case LeadStatus::kNew:
      return {"received", "已受理，等待乡镇（街道）处理"};
    case LeadStatus::kAssigned:
    case LeadStatus::kVerifying:
      return {"in_progress", "正在核实处理中"};
    case LeadStatus::kDecided:
    case LeadStatus::kClosed:
      break;
  }
  return {"handled", "已处理完毕"};
}

Result<void> PublicReportStore::insert(std::string_view code, int64_t lead_id,
                                       std::string_view contact_phone) {
  return run_bound(
      db_,
      "INSERT INTO public_reports (code, lead_id, contact_phone, created_at) "
      "VALUES (?, ?, ?, ?)",
      [&](Statement& s) {
        ParamBinder(s).text(code).integer(lead_id).text(contact_phone).integer(clock_.now_unix());
      });
}

Result<std::optional<int64_t>> PublicReportStore::lead_of(std::string_view code) {
  return query_one<int64_t>(
      db_, "SELECT lead_id FROM public_reports WHERE code = ?",
      [&](Statement& s) { s.bind_text(1, code); },
      [](const Statement& row) -> Result<int64_t> { return row.column_int64(0); });
}

}  // namespace faxian::api
