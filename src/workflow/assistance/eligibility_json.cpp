#include "workflow/assistance/eligibility_json.hpp"

namespace faxian::workflow {
namespace {

using nlohmann::json;

json money(Money value) {
  return json{{"fen", value.fen()}, {"yuan", value.yuan_string()}};
}

json records(const std::vector<SourceRecord>& list) {
  json out = json::array();
  for (const SourceRecord& r : list)
    out.push_back({{"feed", feed_name(r.feed)},
                   {"record_id", r.record_id},
                   {"person_id", r.person_id},
                   {"date", r.date.iso()},
                   {"amount_fen", r.amount.fen()}});
  return out;
}

json members(const EligibilityCheck& check) {
  json out = json::array();
  for (const MemberFigure& m : check.members) {
    json member{{"person_id", m.person_id},
                {"age", m.age},
                {"working_age", m.working_age},
                {"severe", m.severe}};
    member["disability_grade"] = m.disability_grade ? json(*m.disability_grade) : json();
    out.push_back(member);
  }
  return out;
}

json assets(const EligibilityCheck& check) {
  json list = json::array();
  for (const AssetFinding& a : check.assets)
    list.push_back({{"type", enum_key(a.type)},
                    {"record_id", a.record.record_id},
                    {"person_id", a.record.person_id},
                    {"date", a.record.date.iso()},
                    {"value_fen", a.record.amount.fen()},
                    {"fails", a.fails}});
  return json{{"excluded", check.excluded_by_assets},
              {"deposits", money(check.deposits_total)},
              {"deposit_limit", money(check.deposit_limit)},
              {"deposit_months", check.deposit_months},
              {"dwellings", check.dwellings},
              {"vehicle_exempt_value", money(check.vehicle_exempt_value)},
              {"serious_illness", check.serious_illness},
              {"illness_records", records(check.illness_records)},
              {"illness_deposit_allowance", money(check.illness_deposit_allowance)},
              {"illness_exemption_possible", check.illness_exemption_possible},
              {"records", list}};
}

json tekun(const EligibilityCheck& check) {
  json supporters = json::array();
  for (const SupporterCandidate& s : check.supporters)
    supporters.push_back(
        {{"person_id", s.person_id}, {"age", s.age}, {"left_on", s.left_on.iso()}});
  return json{{"working_age_members", check.working_age_count},
              {"tekun_standard", money(check.tekun_standard)},
              {"supporter_candidates", supporters}};
}

json programmes(const EligibilityCheck& check) {
  json out = json::array();
  for (const ProgrammeFinding& f : check.programmes)
    out.push_back({{"programme", enum_key(f.programme)},
                   {"recommendation", enum_key(f.recommendation)},
                   {"recommendation_label", enum_label(f.recommendation)},
                   {"reasons", f.reasons}});
  return out;
}

}  // namespace

json eligibility_to_json(const EligibilityCheck& check) {
  json categories = json::array();
  for (CategoryKind kind : check.categories_held)
    categories.push_back(enum_key(kind));
  return json{
      {"household_id", check.household_id},
      {"household_no", check.household_no},
      {"as_of", check.as_of.iso()},
      {"area", check.urban ? "urban" : "rural"},
      {"household_size", check.household_size},
      {"members", members(check)},
      {"income",
       {{"from", check.income_from.iso()},
        {"to", check.income_to.iso()},
        {"total", money(check.income_12m)},
        {"per_capita_month", money(check.per_capita_income)},
        {"excluded_types", check.excluded_income_types},
        {"records", records(check.income_records)}}},
      {"standard",
       {{"dibao", money(check.standard)},
        {"edge_multiple_bp", check.edge_multiple_bp},
        {"edge_line", money(check.edge_line)},
        {"below_standard", check.below_standard},
        {"below_edge", check.below_edge}}},
      {"rigid",
       {{"medical_selfpay", money(check.medical_selfpay_12m)},
        {"medical_records", records(check.medical_records)},
        {"education_net", money(check.education_net_12m)},
        {"education_records", records(check.education_records)},
        {"total", money(check.rigid_12m)},
        {"share_bp", check.rigid_share_bp},
        {"over_share", check.rigid_over_share},
        {"disposable_ref", money(check.disposable_ref)},
        {"disposable_year", check.disposable_year},
        {"disposable_gap", check.disposable_gap},
        {"below_disposable", check.below_disposable}}},
      {"assets", assets(check)},
      {"categories_held", categories},
      {"tekun", tekun(check)},
      {"programmes", programmes(check)},
      {"standards_version", check.standards_version},
      {"rule_set_version", check.rule_set_version},
  };
}

}  // namespace faxian::workflow
