#pragma once
// Fixed lists the generator draws from: ICD-10 diagnoses, hospitals, employers, application
// reasons and hotline wording. Records store indices into these tables; writers print the
// text.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "gen/model.hpp"

namespace faxian::gen {

class CountyMap;

struct Diagnosis {
  std::string_view code;  // ICD-10, upper case
  std::string_view name;
  bool serious;  // in the default 重大疾病 list of 30-screening.md (documentation only;
                 // the oracle reads the code, never this flag)
};

// Index constants for diagnoses the planting code names directly.
namespace dx {
inline constexpr uint16_t kUpperRespiratory = 0, kBronchitis = 1, kDiarrhoea = 2, kGastritis = 3,
                          kLowBackPain = 4, kHypertension = 5, kDiabetes = 6, kCopd = 7,
                          kCoronary = 8, kKneeArthrosis = 9, kGallstones = 10, kHipFracture = 11,
                          kDelivery = 12, kCataract = 13, kAppendicitis = 14, kPneumonia = 15,
                          kUrinaryInfection = 16, kBenignNeoplasm = 17, kCkdStage4 = 18,
                          kCarotidStenosis = 19, kUnstableAngina = 20, kCirrhosis = 21,
                          kLungCancer = 22, kStomachCancer = 23, kLiverCancer = 24,
                          kBreastCancer = 25, kColonCancer = 26, kMultipleCancer = 27,
                          kCkdStage5 = 28, kEndStageRenal = 29, kMyocardialInfarction = 30,
                          kCerebralInfarction = 31, kIntracerebralHaemorrhage = 32,
                          kAplasticAnaemia = 33, kSchizophrenia = 34, kHiv = 35, kSubarachnoid = 36,
                          kCervicalCancer = 37;
}

std::span<const Diagnosis> diagnoses();
// Serious diagnoses, for drawing background serious illness.
std::span<const uint16_t> serious_diagnoses();

// Hospital names: a few county and city hospitals, then one 卫生院 per township.
inline constexpr uint16_t kCountyHospital = 0, kCountyTcmHospital = 1, kMaternityHospital = 2,
                          kChongqingHospital = 3, kCancerHospital = 4, kTongrenHospital = 5;
inline constexpr uint16_t kFirstTownshipClinic = 6;
std::string hospital_name(uint16_t hospital, const CountyMap& county);

// 单位名称; local employers first, then employers of migrant workers elsewhere.
std::span<const std::string_view> employers();
inline constexpr int kLocalEmployers = 10;

// 原因 of applications; index 0 is blank.
namespace reason {
inline constexpr uint8_t kNone = 0, kIncomeOver = 1, kAssetsOver = 2, kWithdrawnByApplicant = 3,
                         kEligible = 4, kIncompleteMaterials = 5, kIllnessHardship = 6,
                         kDisasterHardship = 7, kSupporterAble = 8;
}
std::string_view application_reason(uint8_t index);

// A believable 诉求内容 for a hotline ticket about `subject_name` (may contain commas,
// quotes or a line break, as real tickets do; `variant` picks the wording).
std::string hotline_content(HotlineCategory category, std::string_view subject_name,
                            uint64_t variant);

}  // namespace faxian::gen
