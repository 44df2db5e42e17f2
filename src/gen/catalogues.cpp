#include "gen/catalogues.hpp"

#include <array>

#include <fmt/format.h>

#include "gen/county_map.hpp"

namespace faxian::gen {
namespace {

constexpr std::array<Diagnosis, 38> kDiagnoses = {{
    {"J06.9", "急性上呼吸道感染", false},
    {"J20.9", "急性支气管炎", false},
    {"A09", "感染性腹泻", false},
    {"K29.7", "胃炎", false},
    {"M54.5", "腰痛", false},
    {"I10", "原发性高血压", false},
    {"E11.9", "2型糖尿病", false},
    {"J44.9", "慢性阻塞性肺病", false},
    {"I25.1", "冠状动脉粥样硬化性心脏病", false},
    {"M17.9", "膝关节病", false},
    {"K80.2", "胆囊结石", false},
    {"S72.0", "股骨颈骨折", false},
    {"O80.0", "单胎顺产", false},
    {"H25.9", "老年性白内障", false},
    {"K35.8", "急性阑尾炎", false},
    {"J18.9", "肺炎", false},
    {"N39.0", "泌尿道感染", false},
    {"D36.9", "良性肿瘤", false},
    {"N18.4", "慢性肾脏病4期", false},
    {"I65.2", "颈动脉闭塞和狭窄", false},
    {"I20.0", "不稳定性心绞痛", false},
    {"K74.6", "肝硬化", false},
    {"C34.9", "支气管和肺恶性肿瘤", true},
    {"C16.9", "胃恶性肿瘤", true},
    {"C22.0", "肝细胞癌", true},
    {"C50.9", "乳房恶性肿瘤", true},
    {"C18.9", "结肠恶性肿瘤", true},
    {"C97", "独立（原发）多个部位的恶性肿瘤", true},
    {"N18.5", "慢性肾脏病5期", true},
    {"N18.6", "终末期肾病", true},
    {"I21.9", "急性心肌梗死", true},
    {"I63.9", "脑梗死", true},
    {"I61.9", "脑内出血", true},
    {"D61.9", "再生障碍性贫血", true},
    {"F20.0", "偏执型精神分裂症", true},
    {"B20", "人类免疫缺陷病毒病", true},
    {"I60.9", "蛛网膜下腔出血", true},
    {"C53.9", "子宫颈恶性肿瘤", true},
}};

constexpr std::array<uint16_t, 16> kSerious = {dx::kLungCancer,
                                               dx::kStomachCancer,
                                               dx::kLiverCancer,
                                               dx::kBreastCancer,
                                               dx::kColonCancer,
                                               dx::kCervicalCancer,
                                               dx::kCkdStage5,
                                               dx::kEndStageRenal,
                                               dx::kMyocardialInfarction,
                                               dx::kCerebralInfarction,
                                               dx::kIntracerebralHaemorrhage,
                                               dx::kCerebralInfarction,
                                               dx::kAplasticAnaemia,
                                               dx::kSchizophrenia,
                                               dx::kLungCancer,
                                               dx::kSubarachnoid};

constexpr std::array<std::string_view, 6> kHospitals = {
    "秀山土家族苗族自治县人民医院",   "秀山土家族苗族自治县中医医院",
    "秀山土家族苗族自治县妇幼保健院", "重庆医科大学附属第一医院",
    "重庆大学附属肿瘤医院",           "铜仁市人民医院"};

constexpr std::array<std::string_view, 24> kEmployers = {"秀山县华兴建筑工程有限公司",
                                                         "重庆武陵山农业开发有限公司",
                                                         "秀山县物流园区管理有限公司",
                                                         "秀山县城市建设投资有限公司",
                                                         "重庆秀山锰业有限公司",
                                                         "秀山县边城旅游发展有限公司",
                                                         "秀山县人民医院",
                                                         "秀山县中和镇农贸市场服务中心",
                                                         "秀山县第一中学",
                                                         "秀山县金丰电子厂",
                                                         "浙江义乌恒达工艺品有限公司",
                                                         "广东东莞新力电子有限公司",
                                                         "福建晋江鸿星鞋业有限公司",
                                                         "江苏苏州精密机械有限公司",
                                                         "广东深圳宏基电子科技有限公司",
                                                         "浙江宁波海天塑业有限公司",
                                                         "上海浦东物流有限公司",
                                                         "重庆两江新区建筑劳务有限公司",
                                                         "成都双流食品有限公司",
                                                         "广东佛山陶瓷有限公司",
                                                         "浙江温州服装有限公司",
                                                         "湖南长沙建工劳务有限公司",
                                                         "贵州铜仁物流有限公司",
                                                         "北京大兴家政服务有限公司"};

constexpr std::array<std::string_view, 9> kReasons = {"",
                                                      "家庭人均收入高于低保标准",
                                                      "家庭财产状况不符合规定",
                                                      "申请人主动撤回申请",
                                                      "符合救助条件",
                                                      "申请材料不全，经告知后未补齐",
                                                      "因病导致基本生活暂时困难",
                                                      "因灾导致基本生活暂时困难",
                                                      "有法定赡养人且具备赡养能力"};

}  // namespace

std::span<const Diagnosis> diagnoses() {
  return kDiagnoses;
}
std::span<const uint16_t> serious_diagnoses() {
  return kSerious;
}

std::string hospital_name(uint16_t hospital, const CountyMap& county) {
  if (hospital < kFirstTownshipClinic)
    return std::string(kHospitals[hospital]);
  const auto& townships = county.townships();
  const auto& township = townships[(hospital - kFirstTownshipClinic) % townships.size()];
  if (township.is_street)
    return township.name + "社区卫生服务中心";
  return township.name + "卫生院";
}

std::span<const std::string_view> employers() {
  return kEmployers;
}

std::string_view application_reason(uint8_t index) {
  return index < kReasons.size() ? kReasons[index] : kReasons[0];
}

std::string hotline_content(HotlineCategory category, std::string_view subject, uint64_t variant) {
  switch (category) {
    case HotlineCategory::kLiving:
      if (variant % 3 == 0) {
        return fmt::format("{}家里收入少，老人身体不好，生活困难，想了解能不能申请低保。", subject);
      }
      if (variant % 3 == 1) {
        return fmt::format("反映{}一家\"吃饭都成问题\"，请村里去看看。", subject);
      }
      return fmt::format("{}家里主要劳动力外出务工失联半年,两个孩子读书,生活无着落。", subject);
    case HotlineCategory::kMedical:
      if (variant % 2 == 0) {
        return fmt::format("{}住院花了很多钱，自付部分负担不起，询问医疗救助。", subject);
      }
      return fmt::format("{}长期透析，每月自付医药费约两千元，家里已借遍亲戚。\n请求帮助。",
                         subject);
    case HotlineCategory::kHousing:
      return fmt::format("{}的房子是老木房，下雨漏水，墙体开裂，担心住不安全。", subject);
    case HotlineCategory::kEducation:
      return fmt::format("{}考上大学，学费住宿费交不起，询问有没有教育救助。", subject);
    case HotlineCategory::kEmployment:
      return fmt::format("{}在外地工厂被辞退，回乡后找不到工作，家里没有收入。", subject);
    case HotlineCategory::kDisability:
      return fmt::format("{}是重度残疾，生活不能自理，家里没人照顾，申请残疾人补贴。", subject);
    case HotlineCategory::kElderly:
      if (variant % 2 == 0) {
        return fmt::format("邻居{}八十多岁一个人住，子女在外地，最近几天没见出门，请去看看。",
                           subject);
      }
      return fmt::format("{}独居，行动不便，做饭困难，询问居家养老服务。", subject);
    case HotlineCategory::kOther:
      return fmt::format("咨询{}的救助申请进度。", subject);
  }
  return fmt::format("咨询{}的救助政策。", subject);
}

}  // namespace faxian::gen
