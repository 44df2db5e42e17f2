#include "gen/feed_rows.hpp"

#include <fmt/format.h>

#include "gen/catalogues.hpp"
#include "gen/value_format.hpp"

namespace faxian::gen {
namespace {

using Row = std::array<Cell, kMaxColumns>;

class Emitter {
 public:
  Emitter(const Unit& unit, const CountyMap& county) : unit_(unit), county_(county) {}

  void population(RowSink& sink) {
    for (const PopulationRow& row : unit_.population) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      const UnitHousehold& household = unit_.households[static_cast<size_t>(row.household)];
      Row cells;
      cells[0] = Cell::of_code(household.household_no);
      cells[1] = Cell::of_id(person.id);
      cells[2] = Cell::of_text(person.name);
      cells[3] = Cell::of_enum(label(row.relation));
      cells[4] = Cell::of_code(village_code(household.village));
      cells[5] = Cell::of_text(household.address);
      cells[6] = Cell::of_enum(label(person.ethnicity));
      cells[7] = Cell::of_enum(label(person.hukou));
      cells[8] = person.phone.empty() ? Cell::blank() : Cell::of_code(person.phone);
      cells[9] = Cell::of_enum(label(row.change));
      cells[10] = Cell::of_date(row.date);
      sink.row({cells.data(), 11});
    }
  }

  void medical(RowSink& sink) {
    for (const MedicalRow& row : unit_.medical) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      const int64_t sign = row.kind == SettleKind::kReversal && row.written_negative ? -1 : 1;
      const Diagnosis& diagnosis = diagnoses()[row.diagnosis];
      number_ = settlement_number(unit_.households.front().index, row.serial);
      hospital_ = hospital_name(row.hospital, county_);
      Row cells;
      cells[0] = Cell::of_code(number_);
      cells[1] = Cell::of_id(person.id);
      cells[2] = Cell::of_text(person.name);
      cells[3] = Cell::of_date(row.date);
      cells[4] = Cell::of_enum(label(row.kind));
      cells[5] = Cell::of_enum(label(row.visit));
      cells[6] = Cell::of_money(row.total * sign);
      cells[7] = Cell::of_money(row.fund * sign);
      cells[8] = Cell::of_money(row.critical * sign);
      cells[9] = Cell::of_money(row.aid * sign);
      cells[10] = Cell::of_money(row.self_paid * sign);
      cells[11] = Cell::of_code(diagnosis.code);
      cells[12] = Cell::of_text(diagnosis.name);
      cells[13] = Cell::of_text(hospital_);
      sink.row({cells.data(), 14});
    }
  }

  void employment(RowSink& sink) {
    for (const EmploymentRow& row : unit_.employment) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_enum(label(row.event));
      cells[3] = Cell::of_date(row.date);
      cells[4] = row.employer >= 0 ? Cell::of_text(employers()[static_cast<size_t>(row.employer)])
                                   : Cell::blank();
      cells[5] = row.base.fen() > 0 ? Cell::of_money(row.base) : Cell::blank();
      sink.row({cells.data(), 6});
    }
  }

  void income(RowSink& sink) {
    for (const IncomeRow& row : unit_.income) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_month(row.month);
      cells[3] = Cell::of_enum(label(row.type));
      cells[4] = Cell::of_money(row.amount);
      cells[5] = Cell::of_text(source_label(row.source));
      sink.row({cells.data(), 6});
    }
  }

  void disability(RowSink& sink) {
    for (const DisabilityRow& row : unit_.disability) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_enum(label(row.category));
      cells[3] = Cell::of_enum(grade_label(row.grade));
      cells[4] = Cell::of_date(row.issued);
      cells[5] = Cell::of_enum(status_label(row.revoked));
      sink.row({cells.data(), 6});
    }
  }

  void deaths(RowSink& sink) {
    for (const DeathRow& row : unit_.deaths) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_date(row.date);
      sink.row({cells.data(), 3});
    }
  }

  void disasters(RowSink& sink) {
    for (const DisasterRow& row : unit_.disasters) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_code(village_code(row.village));
      cells[3] = Cell::of_enum(label(row.type));
      cells[4] = Cell::of_date(row.date);
      cells[5] = Cell::of_enum(label(row.damage));
      cells[6] = Cell::of_money(row.loss);
      sink.row({cells.data(), 7});
    }
  }

  void monitoring(RowSink& sink) {
    for (const MonitoringRow& row : unit_.monitoring) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_enum(label(row.type));
      cells[3] = Cell::of_enum(label(row.risk));
      cells[4] = Cell::of_date(row.identified);
      // 脱贫户 rows leave 风险是否消除 blank (= 否).
      cells[5] = row.type == MonitorType::kAlleviated && !row.cleared
                     ? Cell::blank()
                     : Cell::of_enum(yes_no_label(row.cleared));
      cells[6] = Cell::of_date(row.cleared_date);
      sink.row({cells.data(), 7});
    }
  }

  void education(RowSink& sink) {
    for (const EducationRow& row : unit_.education) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      number_.clear();
      append_school_year(number_, row.first_year);
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_enum(label(row.stage));
      cells[3] = Cell::of_code(number_);
      cells[4] = Cell::of_money(row.fees);
      cells[5] = Cell::of_money(row.aid);
      sink.row({cells.data(), 6});
    }
  }

  void assets(RowSink& sink) {
    for (const AssetRow& row : unit_.assets) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_enum(label(row.type));
      cells[3] = Cell::of_date(row.date);
      cells[4] = Cell::of_text(row.description);
      cells[5] = Cell::of_money(row.value);
      cells[6] = Cell::of_enum(status_label(row.revoked));
      sink.row({cells.data(), 7});
    }
  }

  void hotline(RowSink& sink) {
    for (const HotlineRow& row : unit_.hotline) {
      number_ = ticket_number(row.date, unit_.households.front().index, row.serial);
      Row cells;
      cells[0] = Cell::of_code(number_);
      cells[1] = Cell::of_datetime(row.date, row.seconds);
      cells[2] = Cell::of_text(row.caller_name);
      cells[3] = Cell::of_code(row.caller_phone);
      cells[4] = row.person ? Cell::of_id(unit_.persons[static_cast<size_t>(*row.person)].id)
                            : Cell::blank();
      cells[5] = Cell::of_text(row.subject_name);
      cells[6] = Cell::of_code(village_code(row.village));
      cells[7] = Cell::of_text(row.address);
      cells[8] = Cell::of_enum(label(row.category));
      cells[9] = Cell::of_text(row.content);
      sink.row({cells.data(), 10});
    }
  }

  void applications(RowSink& sink) {
    for (const ApplicationRow& row : unit_.applications) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      number_ = application_number(row.applied, unit_.households.front().index, row.serial);
      Row cells;
      cells[0] = Cell::of_code(number_);
      cells[1] = Cell::of_id(person.id);
      cells[2] = Cell::of_text(person.name);
      cells[3] = Cell::of_enum(label(row.type));
      cells[4] = Cell::of_date(row.applied);
      cells[5] = Cell::of_enum(label(row.result));
      cells[6] = Cell::of_date(row.result_date);
      cells[7] = row.reason ? Cell::of_text(application_reason(row.reason)) : Cell::blank();
      sink.row({cells.data(), 8});
    }
  }

  void registry(RowSink& sink) {
    for (const RegistryRow& row : unit_.registry) {
      const PersonRecord& person = unit_.persons[static_cast<size_t>(row.person)];
      Label category = label(row.category);
      if (row.former_name)
        category.zh = "支出型困难";
      Row cells;
      cells[0] = Cell::of_id(person.id);
      cells[1] = Cell::of_text(person.name);
      cells[2] = Cell::of_code(unit_.households[static_cast<size_t>(row.household)].household_no);
      cells[3] = Cell::of_enum(category);
      cells[4] = Cell::of_date(row.start);
      cells[5] = Cell::of_date(row.end);
      cells[6] = row.amount.fen() > 0 ? Cell::of_money(row.amount) : Cell::blank();
      sink.row({cells.data(), 7});
    }
  }

 private:
  std::string_view village_code(int32_t village) const {
    return county_.villages()[static_cast<size_t>(village)].code;
  }

  const Unit& unit_;
  const CountyMap& county_;
  std::string number_;
  std::string hospital_;
};

}  // namespace

std::string settlement_number(int64_t household_index, int32_t serial) {
  return fmt::format("YB{:07}{:04}", household_index, serial);
}

std::string ticket_number(Date date, int64_t household_index, int32_t serial) {
  const Ymd ymd = civil(date);
  return fmt::format("RX{:04}{:02}{:02}{:07}{:02}", ymd.year, ymd.month, ymd.day, household_index,
                     serial);
}

std::string application_number(Date applied, int64_t household_index, int32_t serial) {
  return fmt::format("SQ{:04}{:07}{:02}", civil(applied).year, household_index, serial);
}

void emit_unit(const Unit& unit, const CountyMap& county, const FeedSinks& sinks) {
  Emitter emitter(unit, county);
  auto sink = [&sinks](Feed feed) { return sinks[static_cast<size_t>(feed)]; };
  if (auto* s = sink(Feed::kPopulation))
    emitter.population(*s);
  if (auto* s = sink(Feed::kMedical))
    emitter.medical(*s);
  if (auto* s = sink(Feed::kEmployment))
    emitter.employment(*s);
  if (auto* s = sink(Feed::kIncome))
    emitter.income(*s);
  if (auto* s = sink(Feed::kDisability))
    emitter.disability(*s);
  if (auto* s = sink(Feed::kDeath))
    emitter.deaths(*s);
  if (auto* s = sink(Feed::kDisaster))
    emitter.disasters(*s);
  if (auto* s = sink(Feed::kPovertyMonitoring))
    emitter.monitoring(*s);
  if (auto* s = sink(Feed::kEducation))
    emitter.education(*s);
  if (auto* s = sink(Feed::kAssets))
    emitter.assets(*s);
  if (auto* s = sink(Feed::kHotline))
    emitter.hotline(*s);
  if (auto* s = sink(Feed::kApplications))
    emitter.applications(*s);
  if (auto* s = sink(Feed::kRegistry))
    emitter.registry(*s);
}

}  // namespace faxian::gen
