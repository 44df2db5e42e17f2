// Entries of the field-work enumerations (keys as in migration 10's CHECK constraints).

#include "workflow/fieldwork/fieldwork_enums.hpp"

namespace faxian {
namespace {

using E = CampaignEvent;
constexpr EnumEntry<CampaignEvent> kEvents[] = {
    {E::kFlood, "flood", "洪涝", "flood", ""},
    {E::kGeological, "geological", "地质灾害", "geological", ""},
    {E::kDrought, "drought", "干旱", "drought", ""},
    {E::kFire, "fire", "火灾", "fire", ""},
    {E::kEarthquake, "earthquake", "地震", "earthquake", ""},
    {E::kColdWave, "cold_wave", "低温雨雪冰冻", "cold_wave", ""},
    {E::kEpidemic, "epidemic", "疫情", "epidemic", ""},
    {E::kOther, "other", "其他", "other", ""},
};

constexpr EnumEntry<CampaignStatus> kCampaignStatuses[] = {
    {CampaignStatus::kOpen, "open", "进行中", "open", ""},
    {CampaignStatus::kClosed, "closed", "已结束", "closed", ""},
};

constexpr EnumEntry<ChecklistAnswer> kAnswers[] = {
    {ChecklistAnswer::kYes, "yes", "是", "yes", ""},
    {ChecklistAnswer::kNo, "no", "否", "no", ""},
    {ChecklistAnswer::kNotApplicable, "not_applicable", "不适用", "not_applicable", ""},
};

using N = VisitNeed;
constexpr EnumEntry<VisitNeed> kNeeds[] = {
    {N::kBasicLiving, "basic_living", "基本生活困难", "basic_living", ""},
    {N::kMedical, "medical", "医疗", "medical", ""},
    {N::kHousing, "housing", "住房", "housing", ""},
    {N::kEducation, "education", "教育", "education", ""},
    {N::kEmployment, "employment", "就业", "employment", ""},
    {N::kCare, "care", "照护", "care", ""},
    {N::kDisability, "disability", "残疾康复", "disability", ""},
    {N::kEmergency, "emergency", "急难", "emergency", ""},
    {N::kOther, "other", "其他", "other", ""},
};

using T = VisitTarget;
constexpr EnumEntry<VisitTarget> kTargets[] = {
    {T::kDibao, "dibao", "低保", "dibao", ""},
    {T::kDibaoEdge, "dibao_edge", "低保边缘", "dibao_edge", ""},
    {T::kTekun, "tekun", "分散供养特困", "tekun", ""},
    {T::kChildInDifficulty, "child_in_difficulty", "困境儿童", "child_in_difficulty", ""},
    {T::kSeriousIllness, "serious_illness", "重病患者", "serious_illness", ""},
    {T::kDisabled, "disabled", "残疾人", "disabled", ""},
    {T::kNoWorkCapacity, "no_work_capacity", "无劳动能力", "no_work_capacity", ""},
    {T::kElderlyAlone, "elderly_alone", "高龄独居", "elderly_alone", ""},
};

using P = PublicityType;
constexpr EnumEntry<PublicityType> kPublicity[] = {
    {P::kMeeting, "meeting", "政策宣讲会", "meeting", ""},
    {P::kDoorToDoor, "door_to_door", "入户宣传", "door_to_door", ""},
    {P::kLeaflet, "leaflet", "发放宣传资料", "leaflet", ""},
    {P::kPoster, "poster", "张贴公示海报", "poster", ""},
    {P::kBroadcast, "broadcast", "广播", "broadcast", ""},
    {P::kOnline, "online", "微信群/新媒体", "online", ""},
    {P::kConsultationStall, "consultation_stall", "集市咨询点", "consultation_stall", ""},
    {P::kTraining, "training", "业务培训", "training", ""},
    {P::kOther, "other", "其他", "other", ""},
};

}  // namespace

std::span<const EnumEntry<CampaignEvent>> EnumTable<CampaignEvent>::entries() {
  return kEvents;
}
std::span<const EnumEntry<CampaignStatus>> EnumTable<CampaignStatus>::entries() {
  return kCampaignStatuses;
}
std::span<const EnumEntry<ChecklistAnswer>> EnumTable<ChecklistAnswer>::entries() {
  return kAnswers;
}
std::span<const EnumEntry<VisitNeed>> EnumTable<VisitNeed>::entries() {
  return kNeeds;
}
std::span<const EnumEntry<VisitTarget>> EnumTable<VisitTarget>::entries() {
  return kTargets;
}
std::span<const EnumEntry<PublicityType>> EnumTable<PublicityType>::entries() {
  return kPublicity;
}

}  // namespace faxian
