#pragma once
// The generator's in-memory model of one "unit": one household (rarely two, when a son splits
// off with a 变更 row), its people and every department record about them, typed exactly as
// the feeds of 20-feeds.md carry them. Feed writers serialise these rows and the truth oracle
// evaluates the very same rows, so truth.csv always describes what the files say.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.hpp"
#include "common/money.hpp"
#include "common/resident_id.hpp"

namespace faxian::gen {

using PersonIndex = int32_t;

// An 18-character resident ID (valid check character), stored inline.
struct IdNumber {
  std::array<char, 18> chars{};
  std::string_view view() const { return {chars.data(), chars.size()}; }
  auto operator<=>(const IdNumber&) const = default;
};

enum class Relation : uint8_t {
  kHead,
  kSpouse,
  kSon,
  kDaughter,
  kGrandchild,
  kParent,
  kGrandparent,
  kSibling,
  kOther
};
enum class Ethnicity : uint8_t { kHan, kTujia, kMiao, kDong, kBuyei, kGelao };
enum class HukouType : uint8_t { kAgricultural, kNonAgricultural, kResident };
enum class ChangeType : uint8_t { kAdd, kMoveOut, kDeath, kUpdate };
enum class SettleKind : uint8_t { kNormal, kReversal };
enum class VisitType : uint8_t { kOutpatient, kInpatient, kChronic };
enum class EmploymentEvent : uint8_t {
  kUnemployed,
  kEmployed,
  kContributionStopped,
  kUnemploymentBenefit,
  kFlexible,
  kRetired
};
enum class IncomeType : uint8_t { kWage, kPension, kUnemploymentBenefit, kBusiness, kOther };
enum class IncomeSource : uint8_t { kHrss, kTax, kHousingFund, kAgriculture };
enum class DisabilityCategory : uint8_t {
  kVisual,
  kHearing,
  kSpeech,
  kPhysical,
  kIntellectual,
  kMental,
  kMultiple
};
enum class DisasterType : uint8_t {
  kFlood,
  kGeological,
  kHail,
  kDrought,
  kFire,
  kEarthquake,
  kEpidemic,
  kOther
};
enum class Damage : uint8_t {
  kHouseCollapsed,
  kHouseSevere,
  kHouseMinor,
  kCropTotalLoss,
  kCropDamage,
  kCasualty,
  kOther
};
enum class MonitorType : uint8_t { kAlleviated, kUnstable, kEdge, kSuddenHardship };
enum class Risk : uint8_t {
  kNone,
  kIllness,
  kDisability,
  kEducation,
  kDisaster,
  kAccident,
  kEmployment,
  kBusiness,
  kOther
};
enum class SchoolStage : uint8_t {
  kPreschool,
  kPrimary,
  kJuniorMiddle,
  kSeniorHigh,
  kSecondaryVocational,
  kHigherVocational,
  kUndergraduate,
  kPostgraduate
};
enum class AssetType : uint8_t { kVehicle, kRealEstate, kBusiness, kDeposit, kOther };
enum class HotlineCategory : uint8_t {
  kLiving,
  kMedical,
  kHousing,
  kEducation,
  kEmployment,
  kDisability,
  kElderly,
  kOther
};
enum class ApplicationType : uint8_t {
  kDibao,
  kTekun,
  kTemporary,
  kMedical,
  kEducation,
  kHousing,
  kOther
};
enum class ApplicationResult : uint8_t { kApproved, kRejected, kWithdrawn, kPending };
enum class RegistryCategory : uint8_t {
  kDibao,
  kTekun,
  kDibaoEdge,
  kExpenditureHardship,
  kTempAssisted,
  kOrphan,
  kUnsupportedChild
};

struct PersonRecord {
  IdNumber id;
  std::string name;
  Sex sex = Sex::kMale;
  Date birth;
  Date joined;           // date of the first 新增 row
  int8_t household = 0;  // index into Unit::households at joining
  Relation relation = Relation::kHead;
  Ethnicity ethnicity = Ethnicity::kHan;
  HukouType hukou = HukouType::kResident;
  std::string phone;  // may be empty
};

struct PopulationRow {
  PersonIndex person = 0;
  int8_t household = 0;
  Relation relation = Relation::kHead;
  ChangeType change = ChangeType::kAdd;
  Date date;
};

struct MedicalRow {
  int32_t serial = 0;  // settlement number within the unit; a reversal repeats its original's
  PersonIndex person = 0;
  Date date;
  SettleKind kind = SettleKind::kNormal;
  VisitType visit = VisitType::kOutpatient;
  // Amounts as positive fen; self_paid == total - fund - critical - aid always.
  Money total, fund, critical, aid, self_paid;
  bool written_negative = false;  // reversals: amounts written with a minus sign
  uint16_t diagnosis = 0;         // index into the diagnosis table (diagnoses.hpp)
  uint16_t hospital = 0;          // index into the hospital table
};

struct EmploymentRow {
  PersonIndex person = 0;
  EmploymentEvent event = EmploymentEvent::kEmployed;
  Date date;
  int16_t employer = -1;  // index into the employer table; -1 = blank
  Money base;             // 缴费基数; zero = blank
};

struct IncomeRow {
  PersonIndex person = 0;
  Month month;
  IncomeType type = IncomeType::kWage;
  Money amount;
  IncomeSource source = IncomeSource::kHrss;
};

struct DisabilityRow {
  PersonIndex person = 0;
  DisabilityCategory category = DisabilityCategory::kPhysical;
  int8_t grade = 4;  // 1 most severe
  Date issued;
  bool revoked = false;
};

struct DeathRow {
  PersonIndex person = 0;
  Date date;
};

struct DisasterRow {
  PersonIndex person = 0;
  int32_t village = 0;
  DisasterType type = DisasterType::kFlood;
  Date date;
  Damage damage = Damage::kCropDamage;
  Money loss;
};

struct MonitoringRow {
  PersonIndex person = 0;  // the household head
  MonitorType type = MonitorType::kAlleviated;
  Risk risk = Risk::kNone;
  Date identified;
  bool cleared = false;  // 风险是否消除; false is written 否 (or blank for 脱贫户)
  std::optional<Date> cleared_date;
};

struct EducationRow {
  PersonIndex person = 0;
  SchoolStage stage = SchoolStage::kPrimary;
  int16_t first_year = 0;  // school year first_year-(first_year+1), starts 1 September
  Money fees;
  std::optional<Money> aid;
};

struct AssetRow {
  PersonIndex person = 0;
  AssetType type = AssetType::kVehicle;
  Date date;
  std::string description;
  std::optional<Money> value;
  bool revoked = false;
};

struct HotlineRow {
  int32_t serial = 0;
  Date date;
  int32_t seconds = 0;  // time of day
  std::string caller_name;
  std::string caller_phone;
  std::optional<PersonIndex> person;  // 身份证号 of the person in need, when given
  std::string subject_name;
  int32_t village = 0;
  std::string address;
  HotlineCategory category = HotlineCategory::kLiving;
  std::string content;
};

struct ApplicationRow {
  int32_t serial = 0;
  PersonIndex person = 0;
  ApplicationType type = ApplicationType::kDibao;
  Date applied;
  ApplicationResult result = ApplicationResult::kPending;
  std::optional<Date> result_date;
  uint8_t reason = 0;  // index into the reason table (0 = blank)
};

struct RegistryRow {
  PersonIndex person = 0;
  int8_t household = 0;
  RegistryCategory category = RegistryCategory::kDibao;
  Date start;
  std::optional<Date> end;
  Money amount;
  bool former_name = false;  // 刚性支出困难 written as 支出型困难
};

struct UnitHousehold {
  int64_t index = 0;         // global household index (0-based, generation order)
  std::string household_no;  // 户号
  int32_t village = 0;       // index into CountyMap::villages()
  std::string address;
};

// Economic situation of a background household (drives incomes, categories, assets).
enum class Tier : uint8_t {
  kDibao,        // 低保 recipients (registry), income below the standard
  kTekun,        // 特困 person (single, old or disabled, no supporter)
  kEdge,         // 低保边缘 (registry), income 1–1.5 × standard
  kPoor,         // below the standard and in no category: the people to discover
  kNear,         // 1–2 × standard, in no category
  kOrdinary,     // 2–4 × standard
  kWellOff,      // above 4 × standard, cars, businesses, second homes
  kFormerDibao,  // left 低保 within the last three years, now ordinary
};

// What a unit is for: background, or a planted case of a rule (firing or look-alike).
struct UnitPurpose {
  int16_t variant = -1;  // index into the plant catalogue; -1 = background
  Tier tier = Tier::kOrdinary;
  int16_t split_person = -1;  // background: a son who sets up his own household (变更)
  int16_t split_spouse = -1;  // his wife, moving with him
};

struct Unit {
  UnitPurpose purpose;
  std::vector<UnitHousehold> households;
  std::vector<PersonRecord> persons;

  std::vector<PopulationRow> population;
  std::vector<MedicalRow> medical;
  std::vector<EmploymentRow> employment;
  std::vector<IncomeRow> income;
  std::vector<DisabilityRow> disability;
  std::vector<DeathRow> deaths;
  std::vector<DisasterRow> disasters;
  std::vector<MonitoringRow> monitoring;
  std::vector<EducationRow> education;
  std::vector<AssetRow> assets;
  std::vector<HotlineRow> hotline;
  std::vector<ApplicationRow> applications;
  std::vector<RegistryRow> registry;

  // Clears every department record (keeps households and persons).
  void clear_records();
};

}  // namespace faxian::gen
