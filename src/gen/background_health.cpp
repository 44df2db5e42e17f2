// Background health records: 残疾人证 (with re-issued and revoked certificates) and 医保结算
// (outpatient visits, chronic-disease outpatient care, hospital stays, serious illnesses with
// several expensive stays, and the occasional 冲销 with its re-settlement).

#include <algorithm>
#include <array>

#include "gen/background_records.hpp"
#include "gen/catalogues.hpp"

namespace faxian::gen {
namespace {

constexpr int kMedicalWindowDays = 420;

DisabilityCategory disability_category(Rng& rng, int age) {
  using C = DisabilityCategory;
  if (age < 18) {
    static constexpr std::array<uint32_t, 7> kChild = {5, 15, 10, 20, 35, 0, 15};
    return static_cast<C>(rng.weighted(kChild));
  }
  if (age < 60) {
    static constexpr std::array<uint32_t, 7> kAdult = {12, 12, 3, 45, 6, 12, 10};
    return static_cast<C>(rng.weighted(kAdult));
  }
  static constexpr std::array<uint32_t, 7> kOld = {25, 20, 0, 45, 0, 0, 10};
  return static_cast<C>(rng.weighted(kOld));
}

int disability_grade(Rng& rng) {
  static constexpr std::array<uint32_t, 4> kGrades = {10, 22, 30, 38};
  return static_cast<int>(rng.weighted(kGrades)) + 1;
}

uint16_t common_diagnosis(Rng& rng, int age, Sex sex, bool inpatient) {
  if (inpatient) {
    if (sex == Sex::kFemale && age >= 20 && age <= 40 && rng.chance(0.35))
      return dx::kDelivery;
    static constexpr std::array<uint16_t, 8> kYoung = {
        dx::kPneumonia,  dx::kAppendicitis,     dx::kGallstones,     dx::kHipFracture,
        dx::kBronchitis, dx::kUrinaryInfection, dx::kBenignNeoplasm, dx::kGastritis};
    static constexpr std::array<uint16_t, 10> kOld = {
        dx::kPneumonia, dx::kCopd,           dx::kCoronary,       dx::kHipFracture,
        dx::kCataract,  dx::kGallstones,     dx::kUnstableAngina, dx::kCkdStage4,
        dx::kCirrhosis, dx::kCarotidStenosis};
    return age >= 60 ? kOld[rng.below(kOld.size())] : kYoung[rng.below(kYoung.size())];
  }
  static constexpr std::array<uint16_t, 9> kOutpatient = {
      dx::kUpperRespiratory, dx::kUpperRespiratory, dx::kBronchitis,
      dx::kDiarrhoea,        dx::kGastritis,        dx::kLowBackPain,
      dx::kKneeArthrosis,    dx::kHypertension,     dx::kUrinaryInfection};
  return kOutpatient[rng.below(age < 18 ? 4 : kOutpatient.size())];
}

// Annual outpatient/inpatient visits (per ten persons) by age.
int64_t visits_per_ten(int age) {
  if (age < 6)
    return 20;
  if (age < 18)
    return 8;
  if (age < 45)
    return 7;
  if (age < 60)
    return 12;
  if (age < 75)
    return 22;
  return 30;
}

uint16_t hospital_for(Rng& rng, const UnitBuilder& b, VisitType visit, uint16_t diagnosis) {
  const auto township = static_cast<uint16_t>(
      b.context()
          .county->villages()[static_cast<size_t>(b.unit().households.front().village)]
          .township);
  if (visit != VisitType::kInpatient) {
    return rng.chance(0.6) ? static_cast<uint16_t>(kFirstTownshipClinic + township)
                           : kCountyHospital;
  }
  if (diagnosis == dx::kDelivery)
    return kMaternityHospital;
  if (diagnoses()[diagnosis].serious && diagnoses()[diagnosis].code[0] == 'C' && rng.chance(0.5)) {
    return kCancerHospital;
  }
  static constexpr std::array<uint32_t, 4> kWeights = {60, 15, 15, 10};
  static constexpr std::array<uint16_t, 4> kHospitals = {kCountyHospital, kCountyTcmHospital,
                                                         kChongqingHospital, kTongrenHospital};
  return kHospitals[rng.weighted(kWeights)];
}

// One settlement with realistic shares paid by the fund, 大病保险 and 医疗救助.
void settle(UnitBuilder& b, PersonIndex person, Date date, VisitType visit, uint16_t diagnosis,
            int64_t total_yuan_lo, int64_t total_yuan_hi, bool recipient) {
  Rng& rng = b.rng();
  const int64_t total = rng.skewed_low(total_yuan_lo * 100, total_yuan_hi * 100);
  const int64_t fund_share = visit == VisitType::kOutpatient ? rng.between(0, 55)
                             : visit == VisitType::kChronic  ? rng.between(65, 85)
                                                             : rng.between(50, 72);
  const int64_t fund = total * fund_share / 100;
  int64_t rest = total - fund;
  int64_t critical = 0;
  if (visit == VisitType::kInpatient && rest > 1500000)
    critical = (rest - 1500000) * 6 / 10;
  rest -= critical;
  const int64_t aid =
      recipient && visit != VisitType::kOutpatient ? rest * rng.between(40, 70) / 100 : 0;
  const int32_t serial =
      b.medical_full(person, date, visit, fen(total), fen(fund), fen(critical), fen(aid), diagnosis,
                     hospital_for(rng, b, visit, diagnosis));
  // About 1 % of hospital bills are reversed (冲销) and settled again under a new number.
  if (visit == VisitType::kInpatient && rng.chance(0.01)) {
    const Date reversed = date.add_days(static_cast<int32_t>(rng.between(1, 20)));
    if (reversed <= b.as_of()) {
      b.reversal(serial, reversed, rng.chance(0.5));
      b.medical_full(person, reversed, visit, fen(total), fen(fund), fen(critical), fen(aid),
                     diagnosis, hospital_for(rng, b, visit, diagnosis));
    }
  }
}

}  // namespace

void background_disability(UnitBuilder& b, HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const Date earliest_issue = *Date::from_ymd(2008, 1, 1);
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    const PersonRecord& record = b.person(person);
    const int age = age_on(record, b.as_of());
    const double prevalence = age < 18 ? 0.012 : age < 60 ? 0.045 : age < 80 ? 0.09 : 0.14;
    if (!rng.chance(prevalence))
      continue;
    const DisabilityCategory category = disability_category(rng, age);
    const int grade = disability_grade(rng);
    Date last = b.as_of();
    if (auto death = b.death_of(person))
      last = std::min(last, *death);
    const Date first = std::max(earliest_issue, years_before(record.birth, -1));
    if (last < first)
      continue;
    const Date issued = draw_date(rng, first, last);
    const bool dead = b.death_of(person).has_value();
    const bool revoked = dead ? rng.chance(0.6) : rng.chance(0.02);
    // Some people hold an older certificate (re-assessed since, or replaced by the 第二代 card).
    if (rng.chance(0.12) && issued.add_days(-730) >= first) {
      const Date older = draw_date(rng, first, issued.add_days(-730));
      const int older_grade = std::clamp(grade + static_cast<int>(rng.between(-1, 1)), 1, 4);
      b.disability(person, older_grade, older, rng.chance(0.5), category);
    }
    b.disability(person, grade, issued, revoked, category);
    if (!revoked && grade <= 2 && !dead)
      sketch.persons[p].severe_grade = grade;
  }
}

void background_medical(UnitBuilder& b, HouseholdSketch& sketch) {
  Rng& rng = b.rng();
  const bool recipient = sketch.recipient();
  const Date window_start = b.days_ago(kMedicalWindowDays - 1);
  for (size_t p = 0; p < b.unit().persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    const PersonRecord& record = b.person(person);
    Date last = b.as_of();
    if (auto death = b.death_of(person))
      last = std::min(last, death->add_days(-1));
    if (auto left = b.left_on(person))
      last = std::min(last, left->add_days(-1));
    const Date first = std::max(window_start, record.birth);
    if (last < first)
      continue;
    const int age = age_on(record, b.as_of());
    // Ordinary visits: 14 monthly chances.
    const int64_t per_ten = visits_per_ten(age);
    for (int slot = 0; slot < 14; ++slot) {
      if (rng.below(120) >= static_cast<uint64_t>(per_ten))
        continue;
      const bool inpatient = rng.chance(age >= 60 ? 0.14 : 0.06);
      const VisitType visit = inpatient ? VisitType::kInpatient : VisitType::kOutpatient;
      const uint16_t diagnosis = common_diagnosis(rng, age, record.sex, inpatient);
      if (inpatient) {
        settle(b, person, draw_date(rng, first, last), visit, diagnosis, 2500, 25000, recipient);
      } else {
        settle(b, person, draw_date(rng, first, last), visit, diagnosis, 30, 500, recipient);
      }
    }
    // Chronic-disease outpatient care (门诊慢特病), quarterly.
    if (age >= 45 && rng.chance(age >= 60 ? 0.35 : 0.18)) {
      static constexpr std::array<uint16_t, 4> kChronic = {dx::kHypertension, dx::kDiabetes,
                                                           dx::kCopd, dx::kCoronary};
      const uint16_t diagnosis = kChronic[rng.below(kChronic.size())];
      for (Date date = first.add_days(static_cast<int32_t>(rng.below(90))); date <= last;
           date = date.add_days(static_cast<int32_t>(rng.between(80, 100)))) {
        settle(b, person, date, VisitType::kChronic, diagnosis, 150, 900, recipient);
      }
    }
    // Serious illness: several expensive stays after the onset.
    const double incidence = age < 40 ? 0.002 : age < 60 ? 0.01 : 0.025;
    if (rng.chance(incidence)) {
      const auto serious = serious_diagnoses();
      uint16_t diagnosis = serious[rng.below(serious.size())];
      if (age < 18 && diagnosis == dx::kSchizophrenia)
        diagnosis = dx::kAplasticAnaemia;
      const Date onset = draw_date(rng, first, last);
      const int64_t stays = rng.between(1, 5);
      for (int64_t stay = 0; stay < stays; ++stay) {
        const Date date = draw_date(rng, onset, last);
        settle(b, person, date, VisitType::kInpatient, diagnosis, 12000, 80000, recipient);
      }
      sketch.persons[p].serious = true;
    }
  }
}

}  // namespace faxian::gen
