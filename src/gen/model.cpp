#include "gen/model.hpp"

namespace faxian::gen {

void Unit::clear_records() {
  population.clear();
  medical.clear();
  employment.clear();
  income.clear();
  disability.clear();
  deaths.clear();
  disasters.clear();
  monitoring.clear();
  education.clear();
  assets.clear();
  hotline.clear();
  applications.clear();
  registry.clear();
}

}  // namespace faxian::gen
