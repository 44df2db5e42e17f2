#include "ingest/record_hash.hpp"

#include <gtest/gtest.h>

#include "domain/feed_enums.hpp"

namespace faxian::ingest {
namespace {

TEST(RecordHashTest, MurmurKnownAnswers) {
  // Published MurmurHash3_x64_128 values (seed 0), h1 then h2.
  EXPECT_EQ(murmur3_128_hex(""), "00000000000000000000000000000000");
  EXPECT_EQ(murmur3_128_hex("hello"), "cbd8a7b341bd9b025b1e906a48ae1d19");
  EXPECT_EQ(murmur3_128_hex("The quick brown fox jumps over the lazy dog"),
            "e34bbc7bbc071b6c7a433ca9c49a9347");
  // Block boundaries: exactly one block, and one block plus a 15-byte tail.
  EXPECT_EQ(murmur3_128_hex("0123456789abcdef"), "4be06d94cf4ad1a787c35b5c63a708da");
  EXPECT_EQ(murmur3_128_hex("0123456789abcdef0123456789abcde"), "9afbac977e4daf0089fe4cda7efd8251");
}

TEST(RecordHashTest, FieldsAreUnambiguous) {
  RecordHasher a;
  RecordHasher b;
  a.reset("feed");
  a.add(std::string_view("ab"));
  a.add(std::string_view("c"));
  b.reset("feed");
  b.add(std::string_view("a"));
  b.add(std::string_view("bc"));
  EXPECT_NE(a.hex(), b.hex());

  a.reset("feed");
  a.add(std::optional<Money>());
  b.reset("feed");
  b.add(std::optional<Money>(Money()));
  EXPECT_NE(a.hex(), b.hex()) << "blank and zero differ";

  a.reset("medical");
  b.reset("income");
  EXPECT_NE(a.hex(), b.hex()) << "the feed name counts";
}

TEST(RecordHashTest, SameValuesSameHashAndReuse) {
  RecordHasher hasher;
  hasher.reset("medical");
  hasher.add(Money::from_fen(123450));
  hasher.add(*Date::from_ymd(2023, 1, 5));
  hasher.add(SettleKind::kReversal);
  const std::string first = hasher.hex();
  hasher.reset("medical");
  hasher.add(Money::from_fen(123450));
  hasher.add(*Date::from_ymd(2023, 1, 5));
  hasher.add(SettleKind::kReversal);
  EXPECT_EQ(hasher.hex(), first);
  EXPECT_EQ(first.size(), 32u);
}

TEST(RecordHashTest, KeysAreReadableAndEscaped) {
  KeyBuilder key;
  key.part(std::string_view("YB001"));
  key.part(SettleKind::kReversal);
  EXPECT_EQ(key.str(), "YB001|reversal");
  key.clear();
  key.part(std::string_view(""));
  key.part(*Date::from_ymd(2023, 1, 5));
  key.part(*Month::from_ym(2023, 2));
  key.part(SchoolYear{2023});
  key.part(std::string_view("a|b\\c"));
  EXPECT_EQ(key.str(), "|2023-01-05|2023-02|2023-2024|a\\|b\\\\c");
}

}  // namespace
}  // namespace faxian::ingest
