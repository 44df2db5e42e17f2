#pragma once
// 民族 — GB 3304-1991 《中国各民族名称的罗马字母拼写法和代码》: the 56 groups with their
// two-digit codes and romanised names (the English alias), plus the standard's two extra codes
// 97 其他 (not yet identified) and 98 外国血统中国籍人士. 秀山 is a Tujia and Miao county.

#include <optional>
#include <span>
#include <string_view>

#include "domain/enum_table.hpp"

namespace faxian {

// The numeric value is the GB 3304 code.
enum class Ethnicity {
  kHan = 1,
  kMongol = 2,
  kHui = 3,
  kZang = 4,
  kUygur = 5,
  kMiao = 6,
  kYi = 7,
  kZhuang = 8,
  kBuyei = 9,
  kChosen = 10,
  kMan = 11,
  kDong = 12,
  kYao = 13,
  kBai = 14,
  kTujia = 15,
  kHani = 16,
  kKazak = 17,
  kDai = 18,
  kLi = 19,
  kLisu = 20,
  kVa = 21,
  kShe = 22,
  kGaoshan = 23,
  kLahu = 24,
  kSui = 25,
  kDongxiang = 26,
  kNaxi = 27,
  kJingpo = 28,
  kKirgiz = 29,
  kTu = 30,
  kDaur = 31,
  kMulao = 32,
  kQiang = 33,
  kBlang = 34,
  kSalar = 35,
  kMaonan = 36,
  kGelao = 37,
  kXibe = 38,
  kAchang = 39,
  kPumi = 40,
  kTajik = 41,
  kNu = 42,
  kUzbek = 43,
  kRuss = 44,
  kEwenki = 45,
  kDeang = 46,
  kBonan = 47,
  kYugur = 48,
  kGin = 49,
  kTatar = 50,
  kDerung = 51,
  kOroqen = 52,
  kHezhen = 53,
  kMonba = 54,
  kLhoba = 55,
  kJino = 56,
  kOther = 97,          // 其他 (未识别民族)
  kForeignOrigin = 98,  // 外国血统中国籍人士
};

// Number of recognised ethnic groups (codes 01–56).
inline constexpr int kEthnicGroupCount = 56;

template <>
struct EnumTable<Ethnicity> {
  static std::span<const EnumEntry<Ethnicity>> entries();
  static constexpr std::string_view kName = "民族";
  static constexpr std::optional<Ethnicity> kDefault = std::nullopt;
  // "1" … "9" for codes whose leading zero a spreadsheet dropped.
  static std::optional<Ethnicity> code_fallback(std::string_view code);
};

}  // namespace faxian
