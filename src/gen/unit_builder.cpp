#include "gen/unit_builder.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "gen/catalogues.hpp"
#include "gen/names.hpp"

namespace faxian::gen {
namespace {

// 民族 shares in per mille: 汉 470, 土家 450, 苗 70, 侗 5, 布依 3, 仡佬 2.
constexpr std::array<uint32_t, 6> kEthnicityPermille = {470, 450, 70, 5, 3, 2};

constexpr std::array<std::string_view, 6> kBanks = {
    "中国农业银行秀山支行", "重庆农村商业银行秀山支行", "中国邮政储蓄银行秀山县支行",
    "中国建设银行秀山支行", "中国工商银行秀山支行",     "中国银行秀山支行"};

constexpr std::array<std::string_view, 8> kShops = {"便利店", "餐馆",   "农资店", "五金店",
                                                    "理发店", "服装店", "养殖场", "茶叶加工坊"};

bool is_child_relation(Relation relation) {
  return relation == Relation::kSon || relation == Relation::kDaughter ||
         relation == Relation::kGrandchild;
}

}  // namespace

Money at_least_bp(Money base, int64_t bp) {
  const int64_t product = base.fen() * bp;
  return Money::from_fen(product / 10000 + (product % 10000 > 0 ? 1 : 0));
}

Ethnicity draw_ethnicity(Rng& rng) {
  return static_cast<Ethnicity>(rng.weighted(kEthnicityPermille));
}

UnitBuilder::UnitBuilder(Mode mode, Unit& unit, const GenContext& context, Rng& rng,
                         IdAllocator* ids)
    : mode_(mode), unit_(unit), context_(context), rng_(rng), ids_(ids) {}

// --- members --------------------------------------------------------------------------

Date UnitBuilder::draw_birth(const Birth& birth) {
  if (birth.kind == Birth::Kind::kExact)
    return birth.date;
  const Date latest = years_before(birth.date, birth.years);
  const Date earliest = years_before(birth.date, birth.years + 1).add_days(1);
  return earliest.add_days(
      static_cast<int32_t>(rng_.below(static_cast<uint64_t>(latest - earliest + 1))));
}

PersonIndex UnitBuilder::add(Relation relation, Birth birth, Sex sex, int8_t household) {
  if (mode_ == Mode::kRecords) {
    const size_t index = next_member_++;
    if (index >= unit_.persons.size() || unit_.persons[index].relation != relation ||
        unit_.persons[index].sex != sex) {
      replay_mismatch_ = true;
      return static_cast<PersonIndex>(std::min(index, unit_.persons.size() - 1));
    }
    return static_cast<PersonIndex>(index);
  }
  plan_member(relation, draw_birth(birth), sex, household);
  next_member_ = unit_.persons.size();
  return static_cast<PersonIndex>(unit_.persons.size() - 1);
}

std::string UnitBuilder::random_phone() {
  static constexpr std::array<int, 12> kPrefixes = {133, 135, 136, 139, 150, 152,
                                                    158, 177, 181, 183, 189, 199};
  return fmt::format("{}{:08}", kPrefixes[rng_.below(kPrefixes.size())], rng_.below(100000000));
}

void UnitBuilder::plan_member(Relation relation, Date birth, Sex sex, int8_t household) {
  PersonRecord person;
  person.birth = birth;
  person.sex = sex;
  person.relation = relation;
  person.household = household;
  const bool first = unit_.persons.empty();
  if (first) {
    family_ethnicity_ = draw_ethnicity(rng_);
    family_surname_ = std::string(draw_surname(rng_, family_ethnicity_));
  }
  // Spouses and in-laws often come from elsewhere (and are of another 民族).
  const bool married_in = relation == Relation::kSpouse;
  person.ethnicity = married_in && rng_.chance(0.35) ? draw_ethnicity(rng_) : family_ethnicity_;
  std::string surname = family_surname_;
  if (married_in || relation == Relation::kOther ||
      (relation == Relation::kParent && sex == Sex::kFemale) ||
      (relation == Relation::kGrandparent && sex == Sex::kFemale)) {
    surname = std::string(draw_surname(rng_, person.ethnicity));
  }
  // A female head's husband gives the family name to the children added after him.
  if (married_in && sex == Sex::kMale && !first && unit_.persons.front().sex == Sex::kFemale) {
    family_surname_ = surname;
  }
  person.name = draw_full_name(rng_, surname, sex, birth.year());
  // Birthplace: 秀山 for most; spouses more often from a neighbouring county.
  size_t place = 0;
  if (rng_.chance(married_in ? 0.25 : 0.04)) {
    std::array<uint32_t, 12> weights{};
    const auto places = birthplaces();
    for (size_t i = 0; i < places.size(); ++i)
      weights[i] = places[i].weight;
    place = rng_.weighted(std::span<const uint32_t>(weights.data(), places.size()));
  }
  person.id = ids_->allocate(place, birth, sex);
  const bool urban = context_.area_of_village(unit_.households.front().village) == AreaType::kUrban;
  const uint64_t hukou_roll = rng_.below(100);
  person.hukou = urban ? (hukou_roll < 75   ? HukouType::kResident
                          : hukou_roll < 95 ? HukouType::kNonAgricultural
                                            : HukouType::kAgricultural)
                       : (hukou_roll < 60   ? HukouType::kResident
                          : hukou_roll < 98 ? HukouType::kAgricultural
                                            : HukouType::kNonAgricultural);
  const int age = as_of().years_since(birth);
  if (age >= 16 && rng_.chance(age >= 75 ? 0.5 : 0.92))
    person.phone = random_phone();
  // Joining the household: birth for the locally born after the 1990 re-registration, the
  // wedding for spouses, else the re-registration itself (1990–1995).
  const Date registration =
      Date::from_ymd(1990, 1, 1)->add_days(static_cast<int32_t>(rng_.below(2190)));
  Date joined = std::max(birth, registration);
  if (married_in) {
    const Date wedding = years_before(birth, -static_cast<int>(rng_.between(21, 28)));
    joined = std::max(joined, wedding);
  } else if (is_child_relation(relation) && birth >= *Date::from_ymd(1990, 1, 1)) {
    joined = birth;
  }
  person.joined = std::min(joined, as_of());
  unit_.persons.push_back(std::move(person));
}

// --- life events ------------------------------------------------------------------------

void UnitBuilder::died(PersonIndex person, Date date, int cancel_lag) {
  if (!recording())
    return;
  unit_.deaths.push_back({person, date});
  if (cancel_lag >= 0 && date.add_days(cancel_lag) <= as_of()) {
    events_.push_back({person, ChangeType::kDeath, date.add_days(cancel_lag), -1, Relation::kHead});
  }
}

void UnitBuilder::moved_out(PersonIndex person, Date date) {
  if (!recording())
    return;
  events_.push_back({person, ChangeType::kMoveOut, date, -1, Relation::kHead});
}

void UnitBuilder::moved_to(PersonIndex person, Date date, int8_t household, Relation relation) {
  if (!recording())
    return;
  events_.push_back({person, ChangeType::kUpdate, date, household, relation});
}

void UnitBuilder::updated(PersonIndex person, Date date) {
  if (!recording())
    return;
  events_.push_back({person, ChangeType::kUpdate, date, -1, Relation::kHead});
}

std::optional<Date> UnitBuilder::death_of(PersonIndex person) const {
  for (const DeathRow& row : unit_.deaths) {
    if (row.person == person)
      return row.date;
  }
  return std::nullopt;
}

std::optional<Date> UnitBuilder::left_on(PersonIndex person) const {
  for (const LifeEvent& event : events_) {
    if (event.person == person && event.change == ChangeType::kMoveOut)
      return event.date;
  }
  return std::nullopt;
}

bool UnitBuilder::present_on(PersonIndex person, Date date) const {
  if (this->person(person).birth > date)
    return false;
  const auto death = death_of(person);
  if (death && *death <= date)
    return false;
  const auto left = left_on(person);
  return !(left && *left <= date);
}

void UnitBuilder::finish() {
  if (!recording())
    return;
  // Household and relation of each person as the events go (a 变更 may move them).
  for (size_t p = 0; p < unit_.persons.size(); ++p) {
    const PersonRecord& record = unit_.persons[p];
    const auto person = static_cast<PersonIndex>(p);
    std::vector<LifeEvent> mine;
    for (const LifeEvent& event : events_) {
      if (event.person == person)
        mine.push_back(event);
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const LifeEvent& a, const LifeEvent& b) { return a.date < b.date; });
    int8_t household = record.household;
    Relation relation = record.relation;
    unit_.population.push_back({person, household, relation, ChangeType::kAdd, record.joined});
    for (const LifeEvent& event : mine) {
      if (event.date > as_of() || event.date < record.joined)
        continue;
      if (event.change == ChangeType::kUpdate && event.household >= 0) {
        household = event.household;
        relation = event.relation;
      }
      unit_.population.push_back({person, household, relation, event.change, event.date});
    }
  }
}

// --- records ----------------------------------------------------------------------------

void UnitBuilder::income(PersonIndex person, Month first, Month last, Money per_month,
                         IncomeType type, IncomeSource source) {
  if (!recording())
    return;
  for (Month m = first; m <= last && m <= month(); m = m.add_months(1)) {
    unit_.income.push_back({person, m, type, per_month, source});
  }
}

void UnitBuilder::income_12m(PersonIndex person, Money total, IncomeType type,
                             IncomeSource source) {
  if (!recording())
    return;
  const int64_t base = total.fen() / 12;
  const int64_t rest = total.fen() - base * 12;
  for (int i = 11; i >= 0; --i) {
    const int64_t amount = base + (i == 0 ? rest : 0);
    if (amount > 0)
      unit_.income.push_back({person, month().add_months(-i), type, fen(amount), source});
  }
}

int32_t UnitBuilder::medical(PersonIndex person, Date date, Money self_paid, uint16_t diagnosis,
                             VisitType visit) {
  if (!recording())
    return 0;
  // The fund pays 55–70 % of an inpatient bill, less of an outpatient one.
  const int64_t share =
      visit == VisitType::kInpatient ? rng_.between(55, 70) : rng_.between(10, 50);
  const int64_t total = self_paid.fen() * 100 / (100 - share);
  const Money fund = fen(total - self_paid.fen());
  const uint16_t hospital = visit == VisitType::kInpatient
                                ? static_cast<uint16_t>(rng_.below(kFirstTownshipClinic))
                                : kCountyHospital;
  return medical_full(person, date, visit, self_paid + fund, fund, Money(), Money(), diagnosis,
                      hospital);
}

int32_t UnitBuilder::medical_full(PersonIndex person, Date date, VisitType visit, Money total,
                                  Money fund, Money critical, Money aid, uint16_t diagnosis,
                                  uint16_t hospital) {
  if (!recording())
    return 0;
  MedicalRow row;
  row.serial = next_settlement_++;
  row.person = person;
  row.date = date;
  row.visit = visit;
  row.total = total;
  row.fund = fund;
  row.critical = critical;
  row.aid = aid;
  row.self_paid = total - fund - critical - aid;
  row.diagnosis = diagnosis;
  row.hospital = hospital;
  unit_.medical.push_back(row);
  return row.serial;
}

void UnitBuilder::reversal(int32_t serial, Date date, bool written_negative) {
  if (!recording())
    return;
  for (const MedicalRow& original : unit_.medical) {
    if (original.serial != serial || original.kind != SettleKind::kNormal)
      continue;
    MedicalRow row = original;
    row.kind = SettleKind::kReversal;
    row.date = date;
    row.written_negative = written_negative;
    unit_.medical.push_back(row);
    return;
  }
}

void UnitBuilder::employment(PersonIndex person, EmploymentEvent event, Date date, int16_t employer,
                             Money base) {
  if (!recording())
    return;
  unit_.employment.push_back({person, event, date, employer, base});
}

void UnitBuilder::disability(PersonIndex person, int grade, Date issued, bool revoked,
                             std::optional<DisabilityCategory> category) {
  if (!recording())
    return;
  DisabilityRow row;
  row.person = person;
  row.grade = static_cast<int8_t>(grade);
  row.issued = issued;
  row.revoked = revoked;
  row.category = category ? *category : static_cast<DisabilityCategory>(rng_.below(7));
  unit_.disability.push_back(row);
}

void UnitBuilder::disaster(PersonIndex person, Date date, Damage damage, DisasterType type) {
  if (!recording())
    return;
  int64_t loss = 0;
  switch (damage) {
    case Damage::kHouseCollapsed:
      loss = rng_.between(60000, 200000);
      break;
    case Damage::kHouseSevere:
      loss = rng_.between(20000, 80000);
      break;
    case Damage::kHouseMinor:
      loss = rng_.between(1500, 12000);
      break;
    case Damage::kCropTotalLoss:
      loss = rng_.between(3000, 15000);
      break;
    case Damage::kCropDamage:
      loss = rng_.between(300, 4000);
      break;
    case Damage::kCasualty:
      loss = rng_.between(10000, 60000);
      break;
    case Damage::kOther:
      loss = rng_.between(200, 3000);
      break;
  }
  unit_.disasters.push_back(
      {person, unit_.households.front().village, type, date, damage, yuan(loss)});
}

void UnitBuilder::monitoring(PersonIndex head, MonitorType type, Date identified, Risk risk,
                             bool cleared, std::optional<Date> cleared_date) {
  if (!recording())
    return;
  unit_.monitoring.push_back({head, type, risk, identified, cleared, cleared_date});
}

void UnitBuilder::education(PersonIndex person, SchoolStage stage, int first_year, Money fees,
                            std::optional<Money> aid) {
  if (!recording())
    return;
  unit_.education.push_back({person, stage, static_cast<int16_t>(first_year), fees, aid});
}

std::string UnitBuilder::asset_description(PersonIndex person, AssetType type) {
  static constexpr std::string_view kPlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  switch (type) {
    case AssetType::kVehicle:
      return fmt::format("小型轿车 渝H·{}{:04}", kPlateLetters[rng_.below(kPlateLetters.size())],
                         rng_.below(10000));
    case AssetType::kRealEstate:
      return fmt::format("住宅 {}.{:02}平方米", rng_.between(45, 160), rng_.below(100));
    case AssetType::kBusiness:
      return fmt::format("个体工商户 {}记{}", this->person(person).name.substr(0, 3),
                         kShops[rng_.below(kShops.size())]);
    case AssetType::kDeposit:
      return fmt::format("{} 定期存款", kBanks[rng_.below(kBanks.size())]);
    case AssetType::kOther:
      return "农用三轮车";
  }
  return {};
}

void UnitBuilder::asset(PersonIndex person, AssetType type, Date date, std::optional<Money> value,
                        bool revoked) {
  if (!recording())
    return;
  AssetRow row;
  row.person = person;
  row.type = type;
  row.date = date;
  row.description = asset_description(person, type);
  row.value = value;
  row.revoked = revoked;
  unit_.assets.push_back(std::move(row));
}

void UnitBuilder::hotline(PersonIndex subject, Date date, HotlineCategory category, bool with_id) {
  if (!recording())
    return;
  const PersonRecord& record = person(subject);
  HotlineRow row;
  row.serial = next_ticket_++;
  row.date = date;
  // Whole minutes: HH:MM and HH:MM:SS then say the same.
  row.seconds = static_cast<int32_t>(rng_.between(8 * 60, 21 * 60) * 60);
  if (!record.phone.empty() && rng_.chance(0.5)) {
    row.caller_name = record.name;
    row.caller_phone = record.phone;
  } else {
    row.caller_name = draw_full_name(rng_, draw_surname(rng_, Ethnicity::kHan),
                                     rng_.chance(0.5) ? Sex::kMale : Sex::kFemale, 1975);
    row.caller_phone = random_phone();
  }
  if (with_id)
    row.person = subject;
  row.subject_name = record.name;
  row.village = unit_.households.front().village;
  row.address = unit_.households.front().address;
  row.category = category;
  row.content = hotline_content(category, record.name, rng_.next());
  unit_.hotline.push_back(std::move(row));
}

void UnitBuilder::application(PersonIndex person, ApplicationType type, Date applied,
                              ApplicationResult result, std::optional<Date> result_date,
                              uint8_t reason) {
  if (!recording())
    return;
  unit_.applications.push_back(
      {next_application_++, person, type, applied, result, result_date, reason});
}

void UnitBuilder::registry(PersonIndex person, RegistryCategory category, Date start,
                           std::optional<Date> end, Money amount) {
  if (!recording())
    return;
  unit_.registry.push_back(
      {person, this->person(person).household, category, start, end, amount, false});
}

void UnitBuilder::registry_household(RegistryCategory category, Date start, std::optional<Date> end,
                                     Money amount_per_person) {
  if (!recording())
    return;
  for (size_t p = 0; p < unit_.persons.size(); ++p) {
    const auto person = static_cast<PersonIndex>(p);
    if (unit_.persons[p].household != 0 || !present_on(person, start))
      continue;
    if (unit_.persons[p].joined > start)
      continue;
    registry(person, category, start, end, amount_per_person);
  }
}

int UnitBuilder::current_school_year() const {
  // 1 September of year y lies in (as_of − 365, as_of] for exactly one y.
  const int year = as_of().year();
  const Date this_year = *Date::from_ymd(year, 9, 1);
  return this_year <= as_of() ? year : year - 1;
}

}  // namespace faxian::gen
