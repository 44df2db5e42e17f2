// medical 医保结算 (医保局) — key: 结算单号 + 结算类型. Amounts may be negative only on a 冲销
// row (written negative or positive; screening subtracts their absolute value). A blank or
// absent 个人自付 is derived: total − fund − critical − aid.
#include <fmt/format.h>

#include "ingest/schemas.hpp"

namespace faxian::ingest {
namespace {

using R = MedicalRecord;

// Schema column positions used by the cross-field rules.
enum Index : std::size_t {
  kSettleKind = 4,
  kTotalCost = 6,
  kFundPaid = 7,
  kCriticalPaid = 8,
  kAidPaid = 9,
  kSelfPaid = 10,
};

bool apply_self_paid(const Cell& cell, R& record, RowState& row) {
  record.self_paid_derived = is_blank(cell) && cell.kind != CellKind::kError;
  if (record.self_paid_derived)
    return true;
  return apply_cell<&R::self_paid, &parse_money_any_sign>(cell, record, row);
}

constexpr Column<R> kColumns[] = {
    text_column<&R::settlement_no>("结算单号", "settlement_no", kRequired),
    id_column<&R::id_number>("身份证号", "id_number", kRequired),
    text_column<&R::name>("姓名", "name", kRequired),
    date_column<&R::settle_date>("结算日期", "settle_date", kRequired),
    enum_column<&R::settle_kind>("结算类型", "settle_kind", kOptional),
    enum_column<&R::visit_type>("就诊类型", "visit_type", kOptional),
    signed_money_column<&R::total_cost>("医疗总费用", "total_cost", kRequired),
    signed_money_column<&R::fund_paid>("统筹支付", "fund_paid", kOptional),
    signed_money_column<&R::critical_paid>("大病保险支付", "critical_paid", kOptional),
    signed_money_column<&R::aid_paid>("医疗救助支付", "aid_paid", kOptional),
    {"个人自付", "self_paid", kOptional, &apply_self_paid, &hash_member<&R::self_paid>},
    text_column<&R::diagnosis_code>("诊断编码", "diagnosis_code", kOptional),
    text_column<&R::diagnosis_name>("诊断名称", "diagnosis_name", kOptional),
    text_column<&R::hospital>("医疗机构", "hospital", kOptional),
};

bool amounts_ok(const RowState& row) {
  for (std::size_t index : {kTotalCost, kFundPaid, kCriticalPaid, kAidPaid}) {
    if (!row.column_ok(index))
      return false;
  }
  return true;
}

FieldError negative_derived_error(Money derived) {
  return {issue_code::kNegativeAmount,
          fmt::format("个人自付为空，按 医疗总费用 − 统筹支付 − 大病保险支付 − 医疗救助支付 计算为 "
                      "{} 元，不能为负数，请核对各项金额",
                      derived.yuan_display()),
          fmt::format("self_paid is blank and total − fund − critical − aid is {} yuan, which "
                      "must not be negative on a normal settlement",
                      derived.yuan_string())};
}

// Records every written amount that is negative; true when there was one.
bool check_signs(const R& record, RowState& row) {
  const std::pair<std::size_t, std::optional<Money>> amounts[] = {
      {kTotalCost, record.total_cost},
      {kFundPaid, record.fund_paid},
      {kCriticalPaid, record.critical_paid},
      {kAidPaid, record.aid_paid},
      {kSelfPaid, record.self_paid_derived ? std::nullopt : std::optional(record.self_paid)},
  };
  bool negative = false;
  for (const auto& [index, amount] : amounts) {
    if (row.column_ok(index) && amount && *amount < Money()) {
      row.fail_at(index, negative_amount_error(*amount));
      negative = true;
    }
  }
  return negative;
}

void finish(R& record, RowState& row) {
  if (record.self_paid_derived && amounts_ok(row)) {
    record.self_paid = R::derive_self_paid(record.total_cost, record.fund_paid,
                                           record.critical_paid, record.aid_paid);
  }
  if (!row.column_ok(kSettleKind) || record.settle_kind == SettleKind::kReversal)
    return;
  const bool negative_written = check_signs(record, row);
  if (!negative_written && record.self_paid_derived && amounts_ok(row) &&
      record.self_paid < Money())
    row.fail_at(kSelfPaid, negative_derived_error(record.self_paid));
}

void natural_key(const R& record, KeyBuilder& key) {
  key.part(record.settlement_no);
  key.part(record.settle_kind);
}

constexpr FeedSchema<R> kSchema{kColumns, &natural_key, &finish};

}  // namespace

const FeedSchema<MedicalRecord>& medical_schema() {
  return kSchema;
}

}  // namespace faxian::ingest
