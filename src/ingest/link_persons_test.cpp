// PersonLinker: a small batch finds persons one indexed lookup at a time; past
// kLookupsBeforeLoad lookups it loads everyone at once, and persons it created before the switch
// (in the same transaction) are still found — never created twice.

#include "ingest/link_persons.hpp"

#include <map>

#include <gtest/gtest.h>

#include "ingest/import_test_support.hpp"

namespace faxian::ingest {
namespace {

using testing_support::ImportTest;
using testing_support::valid_id;

// The n-th of many distinct valid IDs (birth dates 1950-01-01 … by n).
ResidentId nth_id(int n) {
  const std::string birth =
      fmt::format("{:04d}{:02d}{:02d}", 1950 + n / (12 * 28), 1 + n / 28 % 12, 1 + n % 28);
  return ResidentId::parse(valid_id(birth, 1)).value();
}

class PersonLinkerTest : public ImportTest {};

TEST_P(PersonLinkerTest, FindsStoredAndCreatedPersonsBeforeAndAfterLoadingEveryone) {
  PersonRepository persons(db(), clock_);
  std::map<int, int64_t> stored;
  for (int n = 0; n < 10; ++n)
    stored[n] = persons.ensure(nth_id(n), "存量").value();
  auto linker = PersonLinker::load(db(), clock_);
  ASSERT_TRUE(linker.has_value()) << linker.error().to_string();

  // One by one: the stored ten, then new persons up to the switch.
  for (int n = 0; n < 10; ++n)
    EXPECT_EQ(linker->link(nth_id(n), "存量").value(), stored[n]);
  const int fresh = static_cast<int>(PersonLinker::kLookupsBeforeLoad);
  std::map<int, int64_t> created;
  for (int n = 10; n < 10 + fresh; ++n)
    created[n] = linker->link(nth_id(n), "新人").value();
  EXPECT_EQ(linker->created(), fresh);  // the last ten after the switch (the stored ten counted)

  // Past the switch: everyone, including this linker's own creations, from the loaded index.
  for (const auto& [n, id] : created)
    ASSERT_EQ(linker->link(nth_id(n), "新人").value(), id) << n;
  for (const auto& [n, id] : stored)
    EXPECT_EQ(linker->link(nth_id(n), "存量").value(), id);
  const int64_t after = linker->link(nth_id(20000), "最后").value();
  EXPECT_EQ(linker->link(nth_id(20000), "最后").value(), after);
  EXPECT_EQ(count("SELECT count(*) FROM persons"), 10 + fresh + 1);
}

FAXIAN_INSTANTIATE_STORE_TEST(PersonLinkerTest);

}  // namespace
}  // namespace faxian::ingest
