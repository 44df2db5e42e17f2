// Planted cases for R08 高龄独居, R11 曾申请未获批且情况变化, R13 教育负担, R14 多次求助.

#include "gen/plant_catalog.hpp"

namespace faxian::gen {
namespace {

using namespace plant;
using R = Relation;

void pension(UnitBuilder& b, PersonIndex person, int64_t yuan_per_month) {
  b.income(person, b.month().add_months(-15), b.month(), yuan(yuan_per_month), IncomeType::kPension,
           IncomeSource::kHrss);
}

void add_r08(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR08, true, "r08_80_today", "今日满80岁独居", [](UnitBuilder& b) {
                   pension(b, b.add(R::kHead, b.turns_on(b.as_of(), 80), kF), 200);
                 }});
  out.push_back({RuleId::kR08, true, "r08_aged_92", "92岁独居无收入",
                 [](UnitBuilder& b) { b.add(R::kHead, b.age(92), kM); }});
  out.push_back({RuleId::kR08, true, "r08_one_fen_below", "收入比2倍标准低1分", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(85), kF);
                   b.income_12m(head, b.standard() * 24 - fen(1), IncomeType::kOther,
                                IncomeSource::kAgriculture);
                 }});
  out.push_back({RuleId::kR08, true, "r08_widowed", "丧偶（D-400）后独居", [](UnitBuilder& b) {
                   const Date death = b.days_ago(400);
                   const auto head = b.add(R::kHead, b.age_at(death, 85), kM);
                   const auto wife = b.add(R::kSpouse, b.age(84), kF);
                   pension(b, wife, 180);
                   b.died(head, death, 20);
                 }});
  out.push_back({RuleId::kR08, true, "r08_spouse_died_unregistered", "配偶D-10死亡、尚未注销户籍",
                 [](UnitBuilder& b) {
                   const Date death = b.days_ago(10);
                   const auto head = b.add(R::kHead, b.age_at(death, 86), kM);
                   const auto wife = b.add(R::kSpouse, b.age(83), kF);
                   pension(b, wife, 190);
                   b.died(head, death, -1);
                 }});
  out.push_back(
      {RuleId::kR08, true, "r08_spouse_died_today", "配偶于D当日死亡", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(85), kM);
         const auto wife = b.add(R::kSpouse, b.age(81), kF);
         pension(b, wife, 170);
         b.died(head, b.as_of(), -1);
       }});
  out.push_back({RuleId::kR08, true, "r08_grandson_moved_out_today", "同住孙子于D当日迁出",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(88), kF);
                   const auto grandson = b.add(R::kGrandchild, b.age(25), kM);
                   pension(b, head, 200);
                   b.moved_out(grandson, b.as_of());
                 }});
  out.push_back({RuleId::kR08, false, "r08_aged_79", "79岁（明日满80）独居", [](UnitBuilder& b) {
                   pension(b, b.add(R::kHead, b.turns_on(b.as_of().add_days(1), 80), kF), 200);
                 }});
  out.push_back(
      {RuleId::kR08, false, "r08_at_double_standard", "收入恰为2倍标准", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(85), kF);
         b.income_12m(head, b.standard() * 24, IncomeType::kOther, IncomeSource::kAgriculture);
       }});
  out.push_back({RuleId::kR08, false, "r08_with_spouse", "85岁与配偶同住", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(85), kM);
                   b.add(R::kSpouse, b.age(83), kF);
                   pension(b, head, 200);
                 }});
  out.push_back({RuleId::kR08, false, "r08_with_grandchild", "85岁与孙辈同住", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(85), kF);
                   b.add(R::kGrandchild, b.age(12), kM);
                   pension(b, head, 200);
                 }});
  out.push_back(
      {RuleId::kR08, false, "r08_widower_with_son", "丧偶但与儿子同住", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(82), kM);
         const auto wife = b.add(R::kSpouse, b.age_at(b.days_ago(100), 80), kF);
         b.add(R::kSon, b.age(50), kM);
         pension(b, head, 200);
         b.died(wife, b.days_ago(100), 20);
       }});
}

// A family of three living steadily at 1.2 × standard for 24 months, with a 低保 application
// rejected `days` ago (applied 25 days before) — or a blank result date when told.
PersonIndex rejected_family(UnitBuilder& b, int days, bool blank_result = false,
                            ApplicationType type = ApplicationType::kDibao) {
  const auto head = b.add(R::kHead, b.age(55), kM);
  b.add(R::kSpouse, b.age(53), kF);
  b.add(R::kSon, b.age(25), kM);
  steady_pc(b, head, 3, 120);
  const Date result = b.days_ago(days);
  if (blank_result) {
    b.application(head, type, result, ApplicationResult::kRejected, std::nullopt,
                  reason::kIncomeOver);
  } else {
    b.application(head, type, result.add_days(-25), ApplicationResult::kRejected, result,
                  reason::kIncomeOver);
  }
  return head;
}

// Income A a month for the 12 months ending with the rejection month, B a month afterwards.
void income_drop(UnitBuilder& b, Money before, Money after) {
  const Date result = b.days_ago(400);
  const auto head = b.add(R::kHead, b.age(50), kM);
  b.add(R::kSpouse, b.age(48), kF);
  b.add(R::kSon, b.age(18), kM);
  b.income(head, Month::of(result).add_months(-11), Month::of(result), before);
  b.income(head, Month::of(result).add_months(1), b.month(), after);
  b.application(head, ApplicationType::kDibao, result.add_days(-25), ApplicationResult::kRejected,
                result, reason::kIncomeOver);
}

void add_r11(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR11, true, "r11_medical_after", "未获批后自付5,000元", [](UnitBuilder& b) {
         rejected_family(b, 400);
         b.medical(1, b.days_ago(200), yuan(5000), dx::kGallstones);
       }});
  out.push_back(
      {RuleId::kR11, true, "r11_job_loss_after", "未获批后儿子失业登记", [](UnitBuilder& b) {
         rejected_family(b, 100);
         b.employment(2, EmploymentEvent::kUnemployed, b.days_ago(50), 14, yuan(3800));
       }});
  out.push_back({RuleId::kR11, true, "r11_death_after_day_729", "D-729未获批，其后老人死亡",
                 [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(55), kM);
                   b.add(R::kSpouse, b.age(53), kF);
                   const auto father = b.add(R::kParent, b.age_at(b.days_ago(300), 82), kM);
                   steady_pc(b, head, 2, 150);
                   b.application(head, ApplicationType::kDibao, b.days_ago(760),
                                 ApplicationResult::kRejected, b.days_ago(729),
                                 reason::kIncomeOver);
                   b.died(father, b.days_ago(300), 20);
                 }});
  out.push_back({RuleId::kR11, true, "r11_income_drop_exact", "人均收入恰降至未获批时的80%",
                 [](UnitBuilder& b) { income_drop(b, yuan(2000), yuan(1600)); }});
  out.push_back({RuleId::kR11, true, "r11_blank_result_date", "结果日期空白（按申请日期）",
                 [](UnitBuilder& b) {
                   const auto head = rejected_family(b, 150, true);
                   b.medical(head, b.days_ago(20), yuan(6000), dx::kHipFracture);
                 }});
  out.push_back({RuleId::kR11, true, "r11_temporary_rejected", "临时救助未获批后社保断缴",
                 [](UnitBuilder& b) {
                   const auto head = rejected_family(b, 60, false, ApplicationType::kTemporary);
                   b.employment(head, EmploymentEvent::kContributionStopped, b.days_ago(30), 1,
                                yuan(3000));
                 }});
  out.push_back(
      {RuleId::kR11, false, "r11_rejected_day_730", "D-730未获批（窗口外）", [](UnitBuilder& b) {
         const auto head = rejected_family(b, 730);
         b.medical(head, b.days_ago(100), yuan(6000), dx::kGallstones);
       }});
  out.push_back(
      {RuleId::kR11, false, "r11_later_approved", "未获批后另一申请获批", [](UnitBuilder& b) {
         const auto head = rejected_family(b, 300);
         b.application(head, ApplicationType::kTemporary, b.days_ago(210),
                       ApplicationResult::kApproved, b.days_ago(200), reason::kIllnessHardship);
         b.medical(head, b.days_ago(100), yuan(6000), dx::kGallstones);
       }});
  out.push_back(
      {RuleId::kR11, false, "r11_small_bill", "未获批后自付4,999.99元", [](UnitBuilder& b) {
         const auto head = rejected_family(b, 200);
         b.medical(head, b.days_ago(100), yuan(5000) - fen(1), dx::kGallstones);
       }});
  out.push_back({RuleId::kR11, false, "r11_withdrawn", "申请撤回后自付8,000元", [](UnitBuilder& b) {
                   const auto head = b.add(R::kHead, b.age(55), kM);
                   b.add(R::kSpouse, b.age(53), kF);
                   steady_pc(b, head, 2, 120);
                   b.application(head, ApplicationType::kDibao, b.days_ago(100),
                                 ApplicationResult::kWithdrawn, b.days_ago(90),
                                 reason::kWithdrawnByApplicant);
                   b.medical(head, b.days_ago(50), yuan(8000), dx::kGallstones);
                 }});
  out.push_back({RuleId::kR11, false, "r11_drop_one_fen_short", "收入降幅差1分未到80%",
                 [](UnitBuilder& b) { income_drop(b, yuan(2000), yuan(1600) + fen(1)); }});
  out.push_back({RuleId::kR11, false, "r11_bill_on_result_date", "自付5,000元在结果日期当天",
                 [](UnitBuilder& b) {
                   const auto head = rejected_family(b, 200);
                   b.medical(head, b.days_ago(200), yuan(5000), dx::kGallstones);
                 }});
}

// A couple with a student, living at 1.2 × standard (or `percent`).
PersonIndex student_family(UnitBuilder& b, int student_age, int64_t percent = 120) {
  const auto head = b.add(R::kHead, b.age(47), kM);
  b.add(R::kSpouse, b.age(45), kF);
  const auto student = b.add(R::kSon, b.age(student_age), kM);
  pc_income(b, head, 3, percent);
  return student;
}

void add_r13(std::vector<PlantVariant>& out) {
  out.push_back(
      {RuleId::kR13, true, "r13_bachelor_exact", "本科学费减资助恰为8,000元", [](UnitBuilder& b) {
         b.education(student_family(b, 19), SchoolStage::kUndergraduate, b.current_school_year(),
                     yuan(12000), yuan(4000));
       }});
  out.push_back(
      {RuleId::kR13, true, "r13_higher_vocational", "高职9,500元无资助", [](UnitBuilder& b) {
         b.education(student_family(b, 19), SchoolStage::kHigherVocational, b.current_school_year(),
                     yuan(9500));
       }});
  out.push_back(
      {RuleId::kR13, true, "r13_private_high_school", "民办高中8,000元", [](UnitBuilder& b) {
         b.education(student_family(b, 16), SchoolStage::kSeniorHigh, b.current_school_year(),
                     yuan(8000));
       }});
  out.push_back(
      {RuleId::kR13, true, "r13_secondary_vocational", "中职8,500元、资助0元", [](UnitBuilder& b) {
         b.education(student_family(b, 16), SchoolStage::kSecondaryVocational,
                     b.current_school_year(), yuan(8500), yuan(0));
       }});
  out.push_back(
      {RuleId::kR13, true, "r13_bachelor_large_aid", "本科2万元资助1.2万元", [](UnitBuilder& b) {
         b.education(student_family(b, 20), SchoolStage::kUndergraduate, b.current_school_year(),
                     yuan(20000), yuan(12000));
       }});
  out.push_back(
      {RuleId::kR13, false, "r13_postgraduate", "研究生（不在学段列表）", [](UnitBuilder& b) {
         b.education(student_family(b, 23), SchoolStage::kPostgraduate, b.current_school_year(),
                     yuan(15000));
       }});
  out.push_back(
      {RuleId::kR13, false, "r13_aid_one_fen_more", "本科净学费7,999.99元", [](UnitBuilder& b) {
         b.education(student_family(b, 19), SchoolStage::kUndergraduate, b.current_school_year(),
                     yuan(12000), yuan(4000) + fen(1));
       }});
  out.push_back(
      {RuleId::kR13, false, "r13_at_double_standard", "人均收入恰为标准2倍", [](UnitBuilder& b) {
         b.education(student_family(b, 19, 200), SchoolStage::kUndergraduate,
                     b.current_school_year(), yuan(13000));
       }});
  out.push_back(
      {RuleId::kR13, false, "r13_previous_school_year", "上一学年（窗口外）", [](UnitBuilder& b) {
         b.education(student_family(b, 20), SchoolStage::kUndergraduate,
                     b.current_school_year() - 1, yuan(13000));
       }});
  out.push_back({RuleId::kR13, false, "r13_junior_middle", "初中寄宿9,000元（不在学段列表）",
                 [](UnitBuilder& b) {
                   b.education(student_family(b, 13), SchoolStage::kJuniorMiddle,
                               b.current_school_year(), yuan(9000));
                 }});
}

// An old couple and a son with a comfortable income.
void hotline_family(UnitBuilder& b) {
  b.add(R::kHead, b.age(76), kM);
  b.add(R::kSpouse, b.age(74), kF);
  const auto son = b.add(R::kSon, b.age(45), kM);
  comfortable(b, son, 3);
}

void add_r14(std::vector<PlantVariant>& out) {
  out.push_back({RuleId::kR14, true, "r14_two_calls", "D-10与D-89两次来电", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(89), HotlineCategory::kElderly);
                   b.hotline(0, b.days_ago(10), HotlineCategory::kElderly);
                 }});
  out.push_back({RuleId::kR14, true, "r14_three_members", "三名成员各一次", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(50), HotlineCategory::kLiving);
                   b.hotline(1, b.days_ago(40), HotlineCategory::kMedical);
                   b.hotline(2, b.days_ago(5), HotlineCategory::kEmployment);
                 }});
  out.push_back({RuleId::kR14, true, "r14_same_day", "同一天两张工单", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(1, b.days_ago(7), HotlineCategory::kMedical);
                   b.hotline(1, b.days_ago(7), HotlineCategory::kMedical);
                 }});
  out.push_back({RuleId::kR14, true, "r14_today", "D-60与D当日", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(60), HotlineCategory::kHousing);
                   b.hotline(0, b.as_of(), HotlineCategory::kHousing);
                 }});
  out.push_back({RuleId::kR14, true, "r14_two_with_id_one_without", "三张工单，两张有身份证号",
                 [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(70), HotlineCategory::kLiving, false);
                   b.hotline(0, b.days_ago(45), HotlineCategory::kLiving);
                   b.hotline(1, b.days_ago(2), HotlineCategory::kMedical);
                 }});
  out.push_back({RuleId::kR14, false, "r14_old_call", "D-10与D-100", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(100), HotlineCategory::kElderly);
                   b.hotline(0, b.days_ago(10), HotlineCategory::kElderly);
                 }});
  out.push_back(
      {RuleId::kR14, false, "r14_one_without_id", "一张工单未填身份证号", [](UnitBuilder& b) {
         hotline_family(b);
         b.hotline(0, b.days_ago(20), HotlineCategory::kLiving);
         b.hotline(0, b.days_ago(15), HotlineCategory::kLiving, false);
       }});
  out.push_back({RuleId::kR14, false, "r14_window_edge", "D-90与D-5", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(90), HotlineCategory::kElderly);
                   b.hotline(0, b.days_ago(5), HotlineCategory::kElderly);
                 }});
  out.push_back(
      {RuleId::kR14, false, "r14_moved_out_subject", "一张工单关于已迁出成员", [](UnitBuilder& b) {
         const auto head = b.add(R::kHead, b.age(70), kM);
         b.add(R::kSpouse, b.age(68), kF);
         const auto son = b.add(R::kSon, b.age(30), kM);
         comfortable(b, head, 2);
         b.moved_out(son, b.days_ago(200));
         b.hotline(son, b.days_ago(30), HotlineCategory::kEmployment);
         b.hotline(head, b.days_ago(20), HotlineCategory::kLiving);
       }});
  out.push_back({RuleId::kR14, false, "r14_single_call", "仅一次来电", [](UnitBuilder& b) {
                   hotline_family(b);
                   b.hotline(0, b.days_ago(3), HotlineCategory::kElderly);
                 }});
}

}  // namespace

void add_history_rule_variants(std::vector<PlantVariant>& out) {
  add_r08(out);
  add_r11(out);
  add_r13(out);
  add_r14(out);
}

}  // namespace faxian::gen
