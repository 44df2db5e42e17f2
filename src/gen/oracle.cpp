#include "gen/oracle.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "gen/catalogues.hpp"
#include "gen/oracle_features.hpp"

namespace faxian::gen {
namespace {

// Rule parameters: the defaults of the rule table in 30-screening.md.
constexpr int64_t kPoorMultipleBp = 20000;              // "pc_income < 2 × standard"
const Money kHighSelfPay = Money::from_yuan(10000);     // R03
const Money kChangeSelfPay = Money::from_yuan(5000);    // R11, R12
const Money kEducationBurden = Money::from_yuan(8000);  // R13

bool three_char_in(std::string_view code, char letter, int lo, int hi) {
  if (code.size() < 3 || std::toupper(static_cast<unsigned char>(code[0])) != letter)
    return false;
  if (!std::isdigit(static_cast<unsigned char>(code[1])) ||
      !std::isdigit(static_cast<unsigned char>(code[2]))) {
    return false;
  }
  const int number = (code[1] - '0') * 10 + (code[2] - '0');
  return number >= lo && number <= hi;
}

bool has_prefix_ci(std::string_view code, std::string_view prefix) {
  if (code.size() < prefix.size())
    return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(code[i])) != prefix[i])
      return false;
  }
  return true;
}

// The default 重大疾病 list: C00–C97, I60–I64, B20–B24 by three-character category; N18.5,
// N18.6, I21, D61, F20 as prefixes.
bool is_serious_code(std::string_view code) {
  return three_char_in(code, 'C', 0, 97) || three_char_in(code, 'I', 60, 64) ||
         three_char_in(code, 'B', 20, 24) || has_prefix_ci(code, "N18.5") ||
         has_prefix_ci(code, "N18.6") || has_prefix_ci(code, "I21") || has_prefix_ci(code, "D61") ||
         has_prefix_ci(code, "F20");
}

bool severe_damage(Damage damage) {
  return damage == Damage::kHouseCollapsed || damage == Damage::kHouseSevere ||
         damage == Damage::kCropTotalLoss || damage == Damage::kCasualty;
}

class RuleEvaluator {
 public:
  RuleEvaluator(const HouseholdView& h, const OracleReadings& readings)
      : h_(h), readings_(readings) {}

  RuleMask evaluate() {
    RuleMask mask;
    if (h_.n() == 0)
      return mask;  // a household with no member on D is not screened
    const auto fire = [&mask](RuleId rule, bool fires) {
      if (fires)
        mask.set(rule);
    };
    fire(RuleId::kR01, r01());
    fire(RuleId::kR02, r02());
    fire(RuleId::kR03, r03());
    fire(RuleId::kR04, r04());
    fire(RuleId::kR05, r05());
    fire(RuleId::kR06, r06());
    fire(RuleId::kR07, r07());
    fire(RuleId::kR08, r08());
    fire(RuleId::kR09, r09());
    fire(RuleId::kR10, r10());
    fire(RuleId::kR11, r11());
    fire(RuleId::kR12, r12());
    fire(RuleId::kR13, r13());
    fire(RuleId::kR14, r14());
    fire(RuleId::kR15, r15());
    fire(RuleId::kV01, v01());
    return mask;
  }

 private:
  Date d() const { return h_.as_of(); }
  bool dibao_or_tekun() const {
    return h_.holds(RegistryCategory::kDibao) || h_.holds(RegistryCategory::kTekun);
  }
  bool poor() const { return h_.income_below(kPoorMultipleBp); }

  bool r01() const {
    return !dibao_or_tekun() && h_.income_below(10000) && !h_.excluded_by_assets();
  }

  bool r02() const {
    if (dibao_or_tekun() || h_.holds(RegistryCategory::kDibaoEdge) ||
        h_.holds(RegistryCategory::kExpenditureHardship) || h_.excluded_by_assets()) {
      return false;
    }
    auto reference = h_.standards().disposable_for_year(d().year() - 1);
    if (!reference)
      return false;
    const Money disposable = h_.area() == AreaType::kUrban ? reference->urban : reference->rural;
    // pc_income × 12 < disposable_ref  ⇔  income_12m < disposable_ref × n
    if (!(h_.income_12m() < disposable * h_.n()))
      return false;
    const Money rigid = h_.medical_selfpay_12m() + h_.education_net_12m();
    return rigid.fen() > 0 &&
           rigid.fen() * 10000 >= h_.standards().rigid_share_bp * h_.income_12m().fen();
  }

  bool r03() const {
    const Money self_paid = h_.medical_selfpay_12m();
    if (self_paid < kHighSelfPay)
      return false;
    return poor() || self_paid.fen() * 2 >= h_.income_12m().fen();
  }

  bool r04() const {
    return !h_.holds_low_income_category() && !h_.income_below(10000) &&
           h_.income_below(h_.standards().edge_multiple_bp) && !h_.excluded_by_assets();
  }

  bool r05() const {
    const bool qualifies = h_.holds_monitoring() || h_.holds_alleviated() ||
                           h_.holds(RegistryCategory::kDibaoEdge) ||
                           h_.holds_rejected_applicant() || poor();
    return qualifies && h_.job_loss_after(d().add_days(-180));
  }

  bool r06() const {
    const Unit& unit = h_.unit();
    for (size_t p = 0; p < unit.persons.size(); ++p) {
      const auto person = static_cast<PersonIndex>(p);
      const auto& death = h_.timeline(person).death;
      if (!death || !in_window(*death, d(), 180))
        continue;
      if (!h_.timeline(person).member_at_death(h_.household()))
        continue;
      const int age_at_death = death->years_since(unit.persons[p].birth);
      if (age_at_death < 18 || age_at_death > 59)
        continue;
      std::vector<PersonIndex> then = h_.members_on(*death);
      if (std::find(then.begin(), then.end(), person) == then.end())
        then.push_back(person);
      const Money household = h_.income_12m(then, *death);
      const Money deceased = h_.income_12m({person}, *death);
      if (household.fen() > 0 && deceased.fen() * 2 >= household.fen())
        return true;
      if (h_.has_dependent() && !h_.has_working_age_member())
        return true;
    }
    return false;
  }

  bool r07() const {
    const bool severe =
        std::any_of(h_.members().begin(), h_.members().end(), [this](PersonIndex p) {
          const int grade = h_.disability_grade(p, d());
          return grade == 1 || grade == 2;
        });
    return severe && !h_.has_working_age_member();
  }

  bool r08() const { return h_.n() == 1 && h_.age(h_.members().front()) >= 80 && poor(); }

  bool r09() const {
    if (!poor())
      return false;
    for (const MedicalRow& row : h_.unit().medical) {
      if (h_.is_member(row.person) && in_window(row.date, d(), 365) &&
          is_serious_code(diagnoses()[row.diagnosis].code)) {
        return true;
      }
    }
    return false;
  }

  bool r10() const {
    for (const DisasterRow& row : h_.unit().disasters) {
      if (h_.is_member(row.person) && in_window(row.date, d(), 90) && severe_damage(row.damage)) {
        return true;
      }
    }
    return false;
  }

  bool r11() const {
    const Unit& unit = h_.unit();
    for (const ApplicationRow& row : unit.applications) {
      if (row.result != ApplicationResult::kRejected || !h_.is_member(row.person))
        continue;
      const Date rejected = row.result_date ? *row.result_date : row.applied;
      if (!in_window(rejected, d(), 730) || ended_by_approval(rejected))
        continue;
      if (changed_after(rejected))
        return true;
    }
    return false;
  }

  bool ended_by_approval(Date rejected) const {
    for (const ApplicationRow& other : h_.unit().applications) {
      if (other.result != ApplicationResult::kApproved || !h_.is_member(other.person))
        continue;
      const Date approved = other.result_date ? *other.result_date : other.applied;
      if (approved > rejected && approved <= d())
        return true;
    }
    return false;
  }

  bool changed_after(Date rejected) const {
    Date medical_from = rejected;
    if (readings_.r11_medical_within_365_days)
      medical_from = std::max(medical_from, d().add_days(-365));
    if (h_.self_paid_between(medical_from, d()) >= kChangeSelfPay)
      return true;
    Date job_from = rejected;
    if (readings_.r11_job_loss_within_180_days)
      job_from = std::max(job_from, d().add_days(-180));
    if (h_.job_loss_after(job_from))
      return true;
    if (h_.member_death_after(rejected))
      return true;
    // pc_income(D) ≤ 0.8 × pc_income(result date), the latter for the members then and > 0:
    // income(D) × n(r) × 10 ≤ 8 × income(r) × n(D).
    const std::vector<PersonIndex> then = h_.members_on(rejected);
    const Money before = h_.income_12m(then, rejected);
    if (then.empty() || before.fen() <= 0)
      return false;
    return h_.income_12m().fen() * static_cast<int64_t>(then.size()) * 10 <=
           8 * before.fen() * h_.n();
  }

  bool r12() const {
    if (!h_.holds_monitoring())
      return false;
    const Date from = d().add_days(-180);
    if (h_.self_paid_between(from, d()) >= kChangeSelfPay)
      return true;
    if (h_.job_loss_after(from) || h_.member_death_after(from))
      return true;
    for (const DisasterRow& row : h_.unit().disasters) {
      if (h_.is_member(row.person) && in_window(row.date, d(), 180) && severe_damage(row.damage)) {
        return true;
      }
    }
    return false;
  }

  bool r13() const {
    if (!poor())
      return false;
    for (const EducationRow& row : h_.unit().education) {
      if (!h_.is_member(row.person))
        continue;
      if (row.stage != SchoolStage::kSeniorHigh && row.stage != SchoolStage::kSecondaryVocational &&
          row.stage != SchoolStage::kHigherVocational && row.stage != SchoolStage::kUndergraduate) {
        continue;
      }
      const auto start = Date::from_ymd(row.first_year, 9, 1);
      if (!start || !in_window(*start, d(), 365))
        continue;
      const Money net = row.fees - (row.aid ? *row.aid : Money());
      if (net >= kEducationBurden)
        return true;
    }
    return false;
  }

  bool r14() const {
    std::vector<int32_t> tickets;
    for (const HotlineRow& row : h_.unit().hotline) {
      if (!row.person || !h_.is_member(*row.person) || !in_window(row.date, d(), 90))
        continue;
      if (std::find(tickets.begin(), tickets.end(), row.serial) == tickets.end()) {
        tickets.push_back(row.serial);
      }
    }
    return tickets.size() >= 2;
  }

  bool r15() const {
    if (!poor())
      return false;
    const Unit& unit = h_.unit();
    for (PersonIndex person : h_.members()) {
      const DisabilityRow* current = nullptr;
      for (const DisabilityRow& row : unit.disability) {
        if (row.person != person || row.issued > d())
          continue;
        if (!current || row.issued > current->issued)
          current = &row;
      }
      if (!current || current->revoked || current->grade > 2 ||
          !in_window(current->issued, d(), 180)) {
        continue;
      }
      const bool earlier = std::any_of(
          unit.disability.begin(), unit.disability.end(), [&](const DisabilityRow& row) {
            return row.person == person && row.issued < current->issued && row.grade <= 2;
          });
      if (!earlier)
        return true;
    }
    return false;
  }

  bool v01() const {
    if (!dibao_or_tekun())
      return false;
    if (h_.member_death_after(d().add_days(-180)))
      return true;
    if (h_.recent_excluding_asset())
      return true;
    const int64_t bp = h_.standards().edge_multiple_bp;
    for (int back = 0; back < 6; ++back) {
      const Money month = h_.income_in(h_.members(), Month::of(d()).add_months(-back));
      if (month.fen() * 10000 < bp * h_.standard().fen() * h_.n())
        return false;
    }
    return true;
  }

  const HouseholdView& h_;
  const OracleReadings& readings_;
};

}  // namespace

TruthOracle::TruthOracle(const Standards& standards, const CountyMap& county, Date as_of,
                         OracleReadings readings)
    : standards_(standards), county_(county), as_of_(as_of), readings_(readings) {}

std::vector<RuleMask> TruthOracle::evaluate(const Unit& unit) const {
  const std::vector<PersonTimeline> timelines = build_timelines(unit, as_of_);
  std::vector<RuleMask> masks;
  for (size_t h = 0; h < unit.households.size(); ++h) {
    // Every population row of a household carries that household's village, so the head's
    // latest row and the smallest-ID member's row name the same village.
    const AreaType area = county_.villages()[static_cast<size_t>(unit.households[h].village)].area;
    const HouseholdView view(unit, timelines, static_cast<int>(h), standards_, area, as_of_);
    masks.push_back(RuleEvaluator(view, readings_).evaluate());
  }
  return masks;
}

}  // namespace faxian::gen
