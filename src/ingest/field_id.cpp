#include "ingest/field_id.hpp"

#include <array>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "common/text.hpp"
#include "ingest/field_cell.hpp"

namespace faxian::ingest {
namespace {

constexpr std::string_view kExcelHint = "请把该列设为文本格式后重新导出";

// A number cell as Excel's General format shows a long number ("5.00241E+17"): what the
// clerk sees in the sheet, and no more than 6 of the ID's digits.
std::string excel_display(const Cell& cell) {
  if (!std::isfinite(cell.number))
    return shown_masked(trim(cell.text));
  return fmt::format("{:.5E}", cell.number);
}

FieldError id_stored_as_number(const Cell& cell) {
  const std::string shown_number = excel_display(cell);
  return {issue_code::kScientificId,
          fmt::format("身份证号被 Excel 存成了数字（{}），数字超过15位的部分和末位 X 已丢失，{}",
                      shown_number, kExcelHint),
          fmt::format("the resident ID was stored by Excel as a number ({}): digits after the "
                      "15th and a final X are lost; format the column as text and export again",
                      shown_number)};
}

// The 18 characters ResidentId::parse kept (digits, X), for the expected check character.
std::string id_characters(std::string_view text) {
  const std::string half = to_half_width(text);
  std::string kept;
  for (char c : half) {
    if ((c >= '0' && c <= '9') || c == 'X' || c == 'x')
      kept += c == 'x' ? 'X' : c;
  }
  return kept;
}

FieldError check_character_error(std::string_view text) {
  const std::string kept = id_characters(text);
  std::string zh = "校验位错误";
  if (kept.size() == 18) {
    zh += fmt::format("（按前17位计算应为 {}）", ResidentId::check_character(kept.substr(0, 17)));
  }
  zh += "，号码中至少有一位录错，请与证件核对";
  if (kept.size() == 18 && kept.substr(15) == "000") {
    zh += fmt::format("；若该列曾在 Excel 中保存为数字，第15位以后会变成0，{}", kExcelHint);
  }
  return {issue_code::kBadResidentId, std::move(zh),
          fmt::format("resident ID “{}”: wrong check character (GB 11643); a digit was mistyped",
                      shown_masked(text))};
}

// English for ResidentId::parse's detail codes ("resident_id.bad_length: 17 characters").
std::string english_reason(std::string_view detail) {
  if (detail.starts_with("resident_id.bad_length"))
    return "must have 18 characters (or the old 15 digits)";
  if (detail.starts_with("resident_id.misplaced_x"))
    return "an X may only be the last character of an 18-character ID";
  if (detail.starts_with("resident_id.bad_birth_date"))
    return "the birth date in the ID is not a real date";
  if (detail.starts_with("resident_id.bad_character"))
    return "holds a character other than digits and a final X";
  return "not a valid resident ID";
}

FieldError from_parse_error(std::string_view text, const Error& error) {
  if (error.detail.starts_with("resident_id.scientific_notation")) {
    return {issue_code::kScientificId, error.message,
            fmt::format("the resident ID “{}” is in scientific notation: Excel lost its digits; "
                        "format the column as text and export again",
                        shown(text))};
  }
  if (error.detail.starts_with("resident_id.bad_check_character"))
    return check_character_error(text);
  return {issue_code::kBadResidentId, fmt::format("{}（{}）", error.message, shown_masked(text)),
          fmt::format("resident ID “{}”: {}", shown_masked(text), english_reason(error.detail))};
}

// The same person appears in many rows of a file (16 income months, every medical settlement),
// and ResidentId::parse costs ~450 ns on the reference machine, a tenth of a row's budget at
// 250,000 rows/s. A small direct-mapped memo per thread of text → valid ID skips the repeats;
// parse is a pure function, so the memo changes no result. Invalid IDs are never stored.
class IdMemo {
 public:
  const ResidentId* find(std::string_view text) const {
    const Slot& slot = slots_[slot_of(text)];
    return slot.id && slot.text == text ? &*slot.id : nullptr;
  }
  const ResidentId& store(std::string_view text, ResidentId id) {
    Slot& slot = slots_[slot_of(text)];
    slot.text.assign(text);
    slot.id = std::move(id);
    return *slot.id;
  }

 private:
  static constexpr std::size_t kSlots = 1024;  // a power of two
  struct Slot {
    std::string text;
    std::optional<ResidentId> id;
  };
  static std::size_t slot_of(std::string_view text) {
    uint64_t hash = 14695981039346656037ULL;  // FNV-1a
    for (char c : text)
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return static_cast<std::size_t>(hash ^ (hash >> 29)) & (kSlots - 1);
  }
  std::array<Slot, kSlots> slots_;
};

IdMemo& id_memo() {
  thread_local IdMemo memo;
  return memo;
}

}  // namespace

std::string_view unwrap_id_text(std::string_view text) {
  text = trim(text);
  if (text.size() >= 3 && text.starts_with("=\"") && text.ends_with("\"")) {
    text = trim(text.substr(2, text.size() - 3));
  } else if (text.starts_with("'")) {
    text = trim(text.substr(1));
  }
  return text;
}

namespace {

// The valid ID of a text (from the memo when seen lately), valid until the next call on this
// thread; or the error.
tl::expected<const ResidentId*, FieldError> find_id(std::string_view text) {
  const std::string_view unwrapped = unwrap_id_text(text);
  if (unwrapped.empty())
    return tl::unexpected(missing_value_error());
  IdMemo& memo = id_memo();
  if (const ResidentId* known = memo.find(unwrapped))
    return known;
  auto id = ResidentId::parse(unwrapped);
  if (!id)
    return tl::unexpected(from_parse_error(unwrapped, id.error()));
  return &memo.store(unwrapped, std::move(*id));
}

tl::expected<const ResidentId*, FieldError> find_id(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kText:
    case CellKind::kEmpty:
      return find_id(cell.text);
    case CellKind::kNumber:
      return tl::unexpected(id_stored_as_number(cell));
    default:
      return tl::unexpected(wrong_kind_error(cell, issue_code::kBadResidentId, "文本格式的身份证号",
                                             "a resident ID as text"));
  }
}

}  // namespace

FieldResult<ResidentId> parse_resident_id_text(std::string_view text) {
  auto id = find_id(text);
  if (!id)
    return tl::unexpected(std::move(id.error()));
  return **id;
}

FieldResult<void> parse_resident_id_into(const Cell& cell, ResidentId& out) {
  auto id = find_id(cell);
  if (!id)
    return tl::unexpected(std::move(id.error()));
  out = **id;  // copy-assignment keeps out's storage: no allocation per row
  return {};
}

FieldResult<ResidentId> parse_resident_id(const Cell& cell) {
  auto id = find_id(cell);
  if (!id)
    return tl::unexpected(std::move(id.error()));
  return **id;
}

}  // namespace faxian::ingest
