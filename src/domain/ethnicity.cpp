#include "domain/ethnicity.hpp"

namespace faxian {
namespace {

using E = Ethnicity;
// GB 3304-1991: code, Chinese name, romanised name (accepted case-insensitively).
constexpr EnumEntry<Ethnicity> kEthnicities[] = {
    {E::kHan, "han", "汉族", "Han", "01"},
    {E::kMongol, "mongol", "蒙古族", "Mongol", "02"},
    {E::kHui, "hui", "回族", "Hui", "03"},
    {E::kZang, "zang", "藏族", "Zang", "04"},
    {E::kUygur, "uygur", "维吾尔族", "Uygur", "05"},
    {E::kMiao, "miao", "苗族", "Miao", "06"},
    {E::kYi, "yi", "彝族", "Yi", "07"},
    {E::kZhuang, "zhuang", "壮族", "Zhuang", "08"},
    {E::kBuyei, "buyei", "布依族", "Buyei", "09"},
    {E::kChosen, "chosen", "朝鲜族", "Chosen", "10"},
    {E::kMan, "man", "满族", "Man", "11"},
    {E::kDong, "dong", "侗族", "Dong", "12"},
    {E::kYao, "yao", "瑶族", "Yao", "13"},
    {E::kBai, "bai", "白族", "Bai", "14"},
    {E::kTujia, "tujia", "土家族", "Tujia", "15"},
    {E::kHani, "hani", "哈尼族", "Hani", "16"},
    {E::kKazak, "kazak", "哈萨克族", "Kazak", "17"},
    {E::kDai, "dai", "傣族", "Dai", "18"},
    {E::kLi, "li", "黎族", "Li", "19"},
    {E::kLisu, "lisu", "傈僳族", "Lisu", "20"},
    {E::kVa, "va", "佤族", "Va", "21"},
    {E::kShe, "she", "畲族", "She", "22"},
    {E::kGaoshan, "gaoshan", "高山族", "Gaoshan", "23"},
    {E::kLahu, "lahu", "拉祜族", "Lahu", "24"},
    {E::kSui, "sui", "水族", "Sui", "25"},
    {E::kDongxiang, "dongxiang", "东乡族", "Dongxiang", "26"},
    {E::kNaxi, "naxi", "纳西族", "Naxi", "27"},
    {E::kJingpo, "jingpo", "景颇族", "Jingpo", "28"},
    {E::kKirgiz, "kirgiz", "柯尔克孜族", "Kirgiz", "29"},
    {E::kTu, "tu", "土族", "Tu", "30"},
    {E::kDaur, "daur", "达斡尔族", "Daur", "31"},
    {E::kMulao, "mulao", "仫佬族", "Mulao", "32"},
    {E::kQiang, "qiang", "羌族", "Qiang", "33"},
    {E::kBlang, "blang", "布朗族", "Blang", "34"},
    {E::kSalar, "salar", "撒拉族", "Salar", "35"},
    {E::kMaonan, "maonan", "毛南族", "Maonan", "36"},
    {E::kGelao, "gelao", "仡佬族", "Gelao", "37"},
    {E::kXibe, "xibe", "锡伯族", "Xibe", "38"},
    {E::kAchang, "achang", "阿昌族", "Achang", "39"},
    {E::kPumi, "pumi", "普米族", "Pumi", "40"},
    {E::kTajik, "tajik", "塔吉克族", "Tajik", "41"},
    {E::kNu, "nu", "怒族", "Nu", "42"},
    {E::kUzbek, "uzbek", "乌孜别克族", "Uzbek", "43"},
    {E::kRuss, "russ", "俄罗斯族", "Russ", "44"},
    {E::kEwenki, "ewenki", "鄂温克族", "Ewenki", "45"},
    {E::kDeang, "deang", "德昂族", "Deang", "46"},
    {E::kBonan, "bonan", "保安族", "Bonan", "47"},
    {E::kYugur, "yugur", "裕固族", "Yugur", "48"},
    {E::kGin, "gin", "京族", "Gin", "49"},
    {E::kTatar, "tatar", "塔塔尔族", "Tatar", "50"},
    {E::kDerung, "derung", "独龙族", "Derung", "51"},
    {E::kOroqen, "oroqen", "鄂伦春族", "Oroqen", "52"},
    {E::kHezhen, "hezhen", "赫哲族", "Hezhen", "53"},
    {E::kMonba, "monba", "门巴族", "Monba", "54"},
    {E::kLhoba, "lhoba", "珞巴族", "Lhoba", "55"},
    {E::kJino, "jino", "基诺族", "Jino", "56"},
    {E::kOther, "other", "其他", "", "97"},
    {E::kForeignOrigin, "foreign_origin", "外国血统中国籍人士", "", "98"},
};

}  // namespace

std::span<const EnumEntry<Ethnicity>> EnumTable<Ethnicity>::entries() {
  return kEthnicities;
}

std::optional<Ethnicity> EnumTable<Ethnicity>::code_fallback(std::string_view code) {
  if (code.size() != 1 || code[0] < '1' || code[0] > '9')
    return std::nullopt;
  return static_cast<Ethnicity>(code[0] - '0');
}

}  // namespace faxian
