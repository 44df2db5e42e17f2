#include "ingest/xlsx_number_format.hpp"

namespace faxian::ingest {
namespace {

bool is_date_letter(char c) {
  switch (c) {
    case 'y':
    case 'Y':
    case 'm':
    case 'M':
    case 'd':
    case 'D':
    case 'h':
    case 'H':
    case 's':
    case 'S':
      return true;
    default:
      return false;
  }
}

// Whether a bracketed section ([h], [mm], [ss]) is an elapsed-time token.
bool is_elapsed_time(std::string_view inside) {
  if (inside.empty())
    return false;
  const char first = static_cast<char>(inside[0] | 0x20);
  if (first != 'h' && first != 'm' && first != 's')
    return false;
  for (const char c : inside) {
    if ((c | 0x20) != first)
      return false;
  }
  return true;
}

struct Scan {
  bool date = false;
  bool at_sign = false;
  bool digit_placeholder = false;
};

Scan scan_code(std::string_view code) {
  Scan scan;
  size_t pos = 0;
  while (pos < code.size()) {
    const char c = code[pos];
    if (c == '"') {
      const size_t close = code.find('"', pos + 1);
      pos = close == std::string_view::npos ? code.size() : close + 1;
    } else if (c == '[') {
      const size_t close = code.find(']', pos + 1);
      const size_t end = close == std::string_view::npos ? code.size() : close;
      scan.date = scan.date || is_elapsed_time(code.substr(pos + 1, end - pos - 1));
      pos = end + 1;
    } else if (c == '\\' || c == '_' || c == '*') {
      pos += 2;  // an escaped character, a space the width of one, a fill character
    } else {
      scan.date = scan.date || is_date_letter(c);
      scan.at_sign = scan.at_sign || c == '@';
      scan.digit_placeholder = scan.digit_placeholder || c == '0' || c == '#' || c == '?';
      ++pos;
    }
  }
  return scan;
}

bool is_general(std::string_view code) {
  if (code.size() != 7)
    return code == "G/通用格式";
  for (size_t index = 0; index < code.size(); ++index) {
    if ((code[index] | 0x20) != "general"[index])
      return false;
  }
  return true;
}

}  // namespace

NumberFormatKind classify_builtin_format(int id) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    return NumberFormatKind::kDate;
  }
  return id == 49 ? NumberFormatKind::kText : NumberFormatKind::kNumber;
}

NumberFormatKind classify_format_code(std::string_view code) {
  if (is_general(code))
    return NumberFormatKind::kNumber;
  const Scan scan = scan_code(code);
  if (scan.date)
    return NumberFormatKind::kDate;
  if (scan.at_sign && !scan.digit_placeholder)
    return NumberFormatKind::kText;
  return NumberFormatKind::kNumber;
}

}  // namespace faxian::ingest
