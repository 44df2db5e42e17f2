#include "gen/cell_render.hpp"

#include <cctype>

namespace faxian::gen {
namespace {

void append_alias(std::string& out, std::string_view alias, Rng& rng) {
  const uint64_t roll = rng.below(4);
  for (size_t i = 0; i < alias.size(); ++i) {
    const auto c = static_cast<unsigned char>(alias[i]);
    if (roll == 1) {
      out += static_cast<char>(std::toupper(c));
    } else if (roll == 2 && i == 0) {
      out += static_cast<char>(std::toupper(c));
    } else {
      out += static_cast<char>(c);
    }
  }
}

void render_enum(const Label& label, const FileStyle& style, Rng& rng, std::string& out) {
  if (style.vary && (!label.alias.empty() || !label.code.empty())) {
    const bool digit_grade = style.digit_grades && label.alias.size() == 1 &&
                             label.alias[0] >= '1' && label.alias[0] <= '4';
    if (digit_grade ? rng.chance(0.6) : rng.chance(style.alias_rate)) {
      if (!label.code.empty() && (label.alias.empty() || rng.chance(0.5))) {
        out += label.code;
      } else {
        append_alias(out, label.alias, rng);
      }
      return;
    }
  }
  out += label.zh;
}

IdForm pick_id_form(const FileStyle& style, Rng& rng) {
  if (!style.vary || !rng.chance(style.id_variation))
    return IdForm::kPlain;
  return static_cast<IdForm>(rng.between(1, kIdForms - 1));
}

}  // namespace

DateFormat pick_date_format(const FileStyle& style, Rng& rng) {
  if (!style.vary || rng.chance(0.75))
    return style.date_format;
  return static_cast<DateFormat>(rng.below(kDateFormats));
}

void render_cell_text(const Cell& cell, const FileStyle& style, Rng& rng, std::string& out) {
  switch (cell.kind) {
    case CellKind::kBlank:
      return;
    case CellKind::kText:
    case CellKind::kCode:
      out += cell.text;
      return;
    case CellKind::kId:
      append_id(out, *cell.id, pick_id_form(style, rng));
      return;
    case CellKind::kDate:
      append_date(out, cell.date, pick_date_format(style, rng));
      return;
    case CellKind::kDateTime:
      append_date(out, cell.date, pick_date_format(style, rng));
      append_time(out, cell.seconds, !style.vary || rng.chance(0.5));
      return;
    case CellKind::kMonth: {
      MonthFormat format = style.month_format;
      if (style.vary && rng.chance(0.2))
        format = static_cast<MonthFormat>(rng.below(kMonthFormats));
      append_month(out, cell.month, format);
      return;
    }
    case CellKind::kMoney: {
      MoneyFormat format = style.money_format;
      if (style.vary && rng.chance(0.3))
        format = static_cast<MoneyFormat>(rng.below(kMoneyFormats));
      append_money(out, cell.fen, format);
      return;
    }
    case CellKind::kEnum:
      render_enum(cell.label, style, rng, out);
      return;
  }
}

}  // namespace faxian::gen
