#include "store/person_repository.hpp"

#include <gtest/gtest.h>

#include "store/testing/store_test_support.hpp"

namespace faxian {
namespace {

using testing_support::day;
using testing_support::kIdElder1945;
using testing_support::kIdMan1980;
using testing_support::kIdWoman1990;
using testing_support::rid;
using testing_support::StoreTest;

class PersonRepositoryTest : public StoreTest {
 protected:
  Person full_person() {
    Person person = Person::from_id(rid(kIdWoman1990), "李秀英");
    person.relation = Relation::kSpouse;
    person.ethnicity = Ethnicity::kTujia;
    person.hukou_type = HukouType::kAgricultural;
    person.phone = "13800001111";
    person.health = HealthStatus::kSeriousIllness;
    person.disability_category = DisabilityCategory::kPhysical;
    person.disability_grade = DisabilityGrade::kGrade2;
    person.self_care = SelfCareAbility::kPartlyDisabled;
    person.employment = EmploymentStatus::kFarming;
    person.death_date = day("2024-03-05");
    return person;
  }
};

TEST_P(PersonRepositoryTest, RoundTripsEveryField) {
  PersonRepository repository(db(), clock_);
  Person person = full_person();
  auto id = repository.insert(person);
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  person.id = *id;
  EXPECT_EQ(repository.find(*id).value(), person);
  EXPECT_EQ(repository.find_by_resident_id(rid(kIdWoman1990)).value(), person);
  EXPECT_FALSE(repository.find(*id + 100).value().has_value());
  EXPECT_FALSE(repository.find_by_resident_id(rid(kIdMan1980)).value().has_value());

  Person sparse = Person::from_id(rid(kIdMan1980), "张三");
  auto sparse_id = repository.insert(sparse);
  ASSERT_TRUE(sparse_id.has_value());
  sparse.id = *sparse_id;
  EXPECT_EQ(repository.find(*sparse_id).value(), sparse);
}

TEST_P(PersonRepositoryTest, ASecondInsertOfAnIdIsAlreadyExists) {
  PersonRepository repository(db(), clock_);
  ASSERT_TRUE(repository.insert(full_person()).has_value());
  auto again = repository.insert(full_person());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(repository.count().value(), 1);
}

TEST_P(PersonRepositoryTest, UpsertReplacesFieldsAndKeepsTheId) {
  PersonRepository repository(db(), clock_);
  const int64_t id = repository.insert(full_person()).value();
  Person changed = Person::from_id(rid(kIdWoman1990), "李秀英");
  changed.phone = "13900002222";
  auto upserted = repository.upsert(changed);
  ASSERT_TRUE(upserted.has_value()) << upserted.error().to_string();
  EXPECT_EQ(*upserted, id);
  changed.id = id;
  EXPECT_EQ(repository.find(id).value(), changed);
}

TEST_P(PersonRepositoryTest, UpsertBatchReturnsIdsInOrder) {
  PersonRepository repository(db(), clock_);
  const int64_t existing = repository.insert(full_person()).value();
  const std::vector<Person> persons = {Person::from_id(rid(kIdMan1980), "张三"),
                                       Person::from_id(rid(kIdWoman1990), "李秀英"),
                                       Person::from_id(rid(kIdElder1945), "王奶奶")};
  auto ids = repository.upsert_batch(persons);
  ASSERT_TRUE(ids.has_value()) << ids.error().to_string();
  ASSERT_EQ(ids->size(), 3u);
  EXPECT_EQ((*ids)[1], existing);
  EXPECT_EQ(repository.count().value(), 3);
  auto index = repository.id_index().value();
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.at(std::string(kIdElder1945)), (*ids)[2]);
}

TEST_P(PersonRepositoryTest, EnsureCreatesAnUnregisteredPersonOnce) {
  PersonRepository repository(db(), clock_);
  auto created = repository.ensure(rid(kIdElder1945), "王奶奶");
  ASSERT_TRUE(created.has_value()) << created.error().to_string();
  auto again = repository.ensure(rid(kIdElder1945), "另一个名字");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *created);
  Person stored = repository.find(*created).value().value();
  EXPECT_TRUE(stored.unregistered);
  EXPECT_EQ(stored.name, "王奶奶");
  EXPECT_EQ(stored.birth_date, day("1945-06-06"));
  EXPECT_EQ(stored.sex, Sex::kFemale);
  // A registered person is never changed by ensure().
  const int64_t registered = repository.insert(full_person()).value();
  EXPECT_EQ(repository.ensure(rid(kIdWoman1990), "别名").value(), registered);
  EXPECT_FALSE(repository.find(registered).value()->unregistered);
}

TEST_P(PersonRepositoryTest, SetsAndClearsTheDeathDate) {
  PersonRepository repository(db(), clock_);
  const int64_t id = repository.insert(Person::from_id(rid(kIdMan1980), "张三")).value();
  ASSERT_TRUE(repository.set_death_date(id, day("2024-05-20")).has_value());
  EXPECT_EQ(repository.find(id).value()->death_date, day("2024-05-20"));
  ASSERT_TRUE(repository.set_death_date(id, std::nullopt).has_value());
  EXPECT_FALSE(repository.find(id).value()->death_date.has_value());
  auto missing = repository.set_death_date(id + 50, day("2024-05-20"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

FAXIAN_INSTANTIATE_STORE_TEST(PersonRepositoryTest);

}  // namespace
}  // namespace faxian
