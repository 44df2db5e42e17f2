#pragma once
// What an .xlsx number format says about a numeric cell: a date/time (the value is an Excel
// serial), text (`@`: the cell was formatted as text), or an ordinary number.

#include <string_view>

namespace faxian::ingest {

enum class NumberFormatKind { kNumber, kDate, kText };

// A built-in format id (ECMA-376 18.8.30, with the ids Chinese, Japanese and Korean Excel
// use for dates: 27–36, 50–58): 14–22, 27–36, 45–47, 50–58 are dates/times, 49 is text.
NumberFormatKind classify_builtin_format(int id);

// A format code: a date/time when it has y, m, d, h or s outside quoted text, [...] sections
// (colours, locales, conditions; but [h], [mm], [ss] elapsed-time tokens count) and escaped
// characters; text when it is only `@` (with optional literal text); otherwise a number.
// "General" and "G/通用格式" are numbers.
NumberFormatKind classify_format_code(std::string_view code);

}  // namespace faxian::ingest
