#include "domain/person.hpp"

#include <utility>

namespace faxian {

Person Person::from_id(ResidentId resident_id, std::string name) {
  const Sex sex = resident_id.sex();
  const Date birth = resident_id.birth_date();
  return Person{.resident_id = std::move(resident_id),
                .name = std::move(name),
                .sex = sex,
                .birth_date = birth};
}

}  // namespace faxian
