#include "gen/names.hpp"

#include <array>
#include <vector>

namespace faxian::gen {
namespace {

// Roughly the national ranking of surnames (most common first).
constexpr std::array<std::string_view, 100> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "邓", "冯", "曹",
    "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏",
    "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
    "石", "金", "韦", "贾", "夏", "付", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江",
    "尹", "薛", "闫", "段", "雷", "龙", "黎", "史", "陶", "贺", "毛", "郝", "顾", "龚", "邵",
    "万", "覃", "武", "钱", "戴", "严", "莫", "孔", "向", "常"};

constexpr std::array<std::string_view, 12> kTujiaSurnames = {"田", "彭", "向", "冉", "杨", "白",
                                                             "龙", "覃", "黄", "吴", "姚", "胡"};
constexpr std::array<std::string_view, 9> kMiaoSurnames = {"龙", "石", "吴", "麻", "杨",
                                                           "滕", "田", "欧", "隆"};

// Cumulative Zipf–Mandelbrot weights (1/(rank + 5), scaled to integers) over kSurnames.
const std::vector<uint64_t>& zipf_cumulative() {
  static const std::vector<uint64_t> table = [] {
    std::vector<uint64_t> cumulative;
    uint64_t total = 0;
    for (size_t rank = 1; rank <= kSurnames.size(); ++rank) {
      total += 1000000 / (rank + 5);  // Zipf–Mandelbrot: 王 ≈ 5.6 %, not 19 %
      cumulative.push_back(total);
    }
    return cumulative;
  }();
  return table;
}

// Characters of given names by era (born before 1965, 1965–1989, 1990–2004, 2005 on) and sex.
struct NamePool {
  std::string_view male;
  std::string_view female;
};
constexpr std::array<NamePool, 4> kPools = {{
    {"国建德志明华文忠成福贵发祥顺军正兴光荣富海清树学培",
     "秀英兰芳珍玉桂凤翠琼淑菊梅花香春莲素娥"},
    {"伟强军勇杰涛明华斌波辉刚平林峰建春海洪亮成文志鹏兵",
     "丽艳娟敏静霞燕玲红萍英琴芳梅秀莉群慧云"},
    {"浩宇鹏超磊杰俊飞涛旭帆阳晨斌凯鑫航博宁东伟", "婷雪琳颖倩欣怡佳静丹蕾瑶璐娜婧晶露蓉"},
    {"子浩宇轩睿泽梓豪俊熙一诺铭辰逸晨锦瑞航皓", "梓涵欣怡雨萱诗语桐若汐可馨彤佳悦琪瑶晴"},
}};

size_t era_of(int birth_year) {
  if (birth_year < 1965)
    return 0;
  if (birth_year < 1990)
    return 1;
  if (birth_year < 2005)
    return 2;
  return 3;
}

// The n-th UTF-8 character (all pool characters are 3 bytes).
std::string_view nth_char(std::string_view pool, size_t n) {
  return pool.substr(n * 3, 3);
}

}  // namespace

std::string_view draw_surname(Rng& rng, Ethnicity ethnicity) {
  if (ethnicity == Ethnicity::kTujia && rng.chance(0.35)) {
    return kTujiaSurnames[rng.below(kTujiaSurnames.size())];
  }
  if (ethnicity == Ethnicity::kMiao && rng.chance(0.45)) {
    return kMiaoSurnames[rng.below(kMiaoSurnames.size())];
  }
  return kSurnames[rng.cumulative(zipf_cumulative())];
}

std::string draw_given_name(Rng& rng, Sex sex, int birth_year) {
  const NamePool& pool = kPools[era_of(birth_year)];
  const std::string_view chars = sex == Sex::kMale ? pool.male : pool.female;
  const size_t count = chars.size() / 3;
  // Single-character given names were most common among people born 1970–1995.
  const bool single = rng.chance(birth_year >= 1970 && birth_year < 1995 ? 0.25 : 0.10);
  std::string name(nth_char(chars, rng.below(count)));
  if (!single)
    name += nth_char(chars, rng.below(count));
  return name;
}

std::string draw_full_name(Rng& rng, std::string_view surname, Sex sex, int birth_year) {
  std::string name(surname);
  name += draw_given_name(rng, sex, birth_year);
  return name;
}

}  // namespace faxian::gen
