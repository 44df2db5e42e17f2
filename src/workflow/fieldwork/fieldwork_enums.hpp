#pragma once
// The enumerations of field work (40-workflow.md "Campaigns", "Visits", "Supervision and
// publicity"): campaign events, checklist answers, the needs a visit can find, the target groups
// of routine visit plans and the kinds of publicity activity. Each has a stable English key (what
// the store and the API write) and a Chinese label.

#include <cstdint>

#include "domain/enum_table.hpp"

namespace faxian {

// The event behind a 集中排查.
enum class CampaignEvent : uint8_t {
  kFlood,       // 洪涝
  kGeological,  // 地质灾害
  kDrought,     // 干旱
  kFire,        // 火灾
  kEarthquake,  // 地震
  kColdWave,    // 低温雨雪冰冻
  kEpidemic,    // 疫情
  kOther,       // 其他
};
FAXIAN_DECLARE_ENUM_TABLE(CampaignEvent, "排查事由", std::nullopt);

enum class CampaignStatus : uint8_t { kOpen, kClosed };
FAXIAN_DECLARE_ENUM_TABLE(CampaignStatus, "排查状态", std::nullopt);

// One answer to a checklist item.
enum class ChecklistAnswer : uint8_t { kYes, kNo, kNotApplicable };
FAXIAN_DECLARE_ENUM_TABLE(ChecklistAnswer, "排查结果", std::nullopt);

// A need a coordinator found at a visit.
enum class VisitNeed : uint8_t {
  kBasicLiving,  // 基本生活困难
  kMedical,      // 医疗
  kHousing,      // 住房
  kEducation,    // 教育
  kEmployment,   // 就业
  kCare,         // 照护
  kDisability,   // 残疾康复
  kEmergency,    // 急难 (needs help at once)
  kOther,        // 其他
};
FAXIAN_DECLARE_ENUM_TABLE(VisitNeed, "发现需求", std::nullopt);

// A target group of the routine visit plan (standards.md "Visit frequencies", 40-workflow.md
// "Visits").
enum class VisitTarget : uint8_t {
  kDibao,              // 低保 (a stable 低保 household)
  kDibaoEdge,          // 低保边缘
  kTekun,              // 特困 (dispersed: those living at home are the ones with a household)
  kChildInDifficulty,  // 困境儿童 (孤儿/事实无人抚养儿童)
  kSeriousIllness,     // a member with a serious illness (重大疾病)
  kDisabled,           // a member with a disability certificate
  kNoWorkCapacity,     // a member without work capacity (无劳动能力)
  kElderlyAlone,       // 高龄独居: the only member, aged 80 or more
};
FAXIAN_DECLARE_ENUM_TABLE(VisitTarget, "走访对象", std::nullopt);

enum class PublicityType : uint8_t {
  kMeeting,            // 政策宣讲会
  kDoorToDoor,         // 入户宣传
  kLeaflet,            // 发放宣传资料
  kPoster,             // 张贴公示/海报
  kBroadcast,          // 广播
  kOnline,             // 微信群/新媒体
  kConsultationStall,  // 集市咨询点
  kTraining,           // 业务培训
  kOther,              // 其他
};
FAXIAN_DECLARE_ENUM_TABLE(PublicityType, "宣传形式", std::nullopt);

}  // namespace faxian
