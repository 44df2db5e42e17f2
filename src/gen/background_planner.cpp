#include "gen/background_planner.hpp"

#include <algorithm>
#include <array>

namespace faxian::gen {
namespace {

// Household sizes (户籍户) in per cent: a mean of about 2.96 persons.
constexpr std::array<uint32_t, 7> kSizeWeights = {20, 26, 19, 17, 11, 5, 2};

Sex other(Sex sex) {
  return sex == Sex::kMale ? Sex::kFemale : Sex::kMale;
}

class Composer {
 public:
  explicit Composer(UnitBuilder& b) : b_(b), rng_(b.rng()) {}

  void compose() {
    const size_t size = rng_.weighted(kSizeWeights) + 1;
    switch (size) {
      case 1:
        return single();
      case 2:
        return pair();
      case 3:
        return three();
      case 4:
        return four();
      case 5:
        return five();
      default:
        return large(size);
    }
  }

 private:
  int elder_age() { return static_cast<int>(60 + rng_.between(0, 20) + rng_.between(0, 17)); }
  int adult_age() { return static_cast<int>(25 + rng_.between(0, 17) + rng_.between(0, 17)); }
  Sex coin(double male) { return rng_.chance(male) ? Sex::kMale : Sex::kFemale; }

  PersonIndex head(int age, Sex sex) {
    head_age_ = age;
    return b_.add(Relation::kHead, b_.age(age), sex);
  }
  void spouse(Sex head_sex) {
    const int age = std::max(18, head_age_ - static_cast<int>(rng_.between(-2, 6)));
    b_.add(Relation::kSpouse, b_.age(age), other(head_sex));
  }
  // Children of the head, the eldest born when the head was 20–34, 1–6 years apart.
  void children(int count) {
    int age = head_age_ - static_cast<int>(rng_.between(20, 34));
    for (int i = 0; i < count; ++i) {
      if (age < 0)
        age = static_cast<int>(rng_.between(0, 2));
      const Sex sex = coin(0.53);
      b_.add(sex == Sex::kMale ? Relation::kSon : Relation::kDaughter, b_.age(age), sex);
      age -= static_cast<int>(rng_.between(1, 6));
    }
  }
  void grandchildren(int count) {
    int age = static_cast<int>(rng_.between(1, 15));
    for (int i = 0; i < count; ++i) {
      b_.add(Relation::kGrandchild, b_.age(std::max(0, age)), coin(0.53));
      age -= static_cast<int>(rng_.between(1, 5));
    }
  }
  void parents(int count) {
    const int age = std::min(99, head_age_ + static_cast<int>(rng_.between(22, 33)));
    if (count >= 2)
      b_.add(Relation::kParent, b_.age(std::min(100, age + 2)), Sex::kMale);
    b_.add(Relation::kParent, b_.age(age), Sex::kFemale);
  }

  void single() {
    if (rng_.chance(0.6)) {
      head(elder_age(), coin(0.4));
    } else {
      head(static_cast<int>(rng_.between(22, 40) + rng_.between(0, 19)), coin(0.75));
    }
  }
  void pair() {
    const uint64_t roll = rng_.below(100);
    if (roll < 45) {
      head(elder_age(), Sex::kMale);
      spouse(Sex::kMale);
    } else if (roll < 65) {
      head(adult_age(), Sex::kMale);
      spouse(Sex::kMale);
    } else if (roll < 80) {
      head(static_cast<int>(rng_.between(28, 55)), coin(0.4));
      children(1);
    } else {
      head(static_cast<int>(rng_.between(62, 88)), coin(0.5));
      const int age = std::max(18, head_age_ - static_cast<int>(rng_.between(22, 35)));
      const Sex sex = coin(0.7);
      b_.add(sex == Sex::kMale ? Relation::kSon : Relation::kDaughter, b_.age(age), sex);
    }
  }
  void three() {
    const uint64_t roll = rng_.below(100);
    if (roll < 45) {
      head(adult_age(), Sex::kMale);
      spouse(Sex::kMale);
      children(1);
    } else if (roll < 65) {  // grandparents raising a left-behind grandchild
      head(static_cast<int>(rng_.between(55, 80)), Sex::kMale);
      spouse(Sex::kMale);
      grandchildren(1);
    } else if (roll < 85) {
      head(static_cast<int>(rng_.between(60, 85)), Sex::kMale);
      spouse(Sex::kMale);
      children(1);
    } else {
      head(static_cast<int>(rng_.between(30, 50)), coin(0.35));
      children(2);
    }
  }
  void four() {
    const uint64_t roll = rng_.below(100);
    head(roll < 75 ? adult_age() : static_cast<int>(rng_.between(55, 78)), Sex::kMale);
    spouse(Sex::kMale);
    if (roll < 50) {
      children(2);
    } else if (roll < 75) {
      children(1);
      parents(1);
    } else {
      grandchildren(2);
    }
  }
  void five() {
    const uint64_t roll = rng_.below(100);
    head(static_cast<int>(rng_.between(30, 52)), Sex::kMale);
    spouse(Sex::kMale);
    if (roll < 30) {
      children(3);
    } else if (roll < 75) {
      children(2);
      parents(1);
    } else {
      children(1);
      parents(2);
    }
  }
  void large(size_t size) {
    if (size == 6 && rng_.chance(0.4)) {  // old couple, son, daughter-in-law, grandchildren
      head(static_cast<int>(rng_.between(58, 75)), Sex::kMale);
      spouse(Sex::kMale);
      const int son_age = std::max(20, head_age_ - static_cast<int>(rng_.between(22, 30)));
      b_.add(Relation::kSon, b_.age(son_age), Sex::kMale);
      b_.add(Relation::kOther, b_.age(std::max(20, son_age - 2)), Sex::kFemale);
      grandchildren(2);
      return;
    }
    head(static_cast<int>(rng_.between(32, 50)), Sex::kMale);
    spouse(Sex::kMale);
    children(static_cast<int>(size) - 4);
    parents(2);
  }

  UnitBuilder& b_;
  Rng& rng_;
  int head_age_ = 40;
};

Tier draw_tier(UnitBuilder& b) {
  Rng& rng = b.rng();
  const Unit& unit = b.unit();
  bool all_old = true;
  for (const PersonRecord& person : unit.persons) {
    if (b.as_of().years_since(person.birth) < 60)
      all_old = false;
  }
  const bool urban = b.area() == AreaType::kUrban;
  if (unit.persons.size() == 1 && all_old && rng.chance(urban ? 0.05 : 0.11))
    return Tier::kTekun;
  // Per mille: 低保, 低保边缘, poor, near, former 低保, well-off; the rest ordinary.
  std::array<uint32_t, 7> weights = urban ? std::array<uint32_t, 7>{30, 15, 14, 50, 10, 200, 0}
                                          : std::array<uint32_t, 7>{55, 25, 22, 70, 10, 110, 0};
  if (all_old) {
    weights[0] *= 2;
    weights[2] *= 2;
    weights[3] = weights[3] * 3 / 2;
    weights[5] /= 3;
  }
  uint32_t used = 0;
  for (size_t i = 0; i < 6; ++i)
    used += weights[i];
  weights[6] = 1000 - used;
  static constexpr std::array<Tier, 7> kTiers = {Tier::kDibao,   Tier::kEdge,        Tier::kPoor,
                                                 Tier::kNear,    Tier::kFormerDibao, Tier::kWellOff,
                                                 Tier::kOrdinary};
  return kTiers[rng.weighted(weights)];
}

void maybe_split(UnitBuilder& b) {
  Unit& unit = b.unit();
  if (unit.persons.size() < 3 || !b.rng().chance(0.03))
    return;
  for (size_t p = 0; p < unit.persons.size(); ++p) {
    const int age = b.as_of().years_since(unit.persons[p].birth);
    if (unit.persons[p].relation != Relation::kSon || age < 22 || age > 40)
      continue;
    unit.purpose.split_person = static_cast<int16_t>(p);
    for (size_t q = 0; q < unit.persons.size(); ++q) {
      if (unit.persons[q].relation == Relation::kOther && unit.persons[q].sex == Sex::kFemale) {
        unit.purpose.split_spouse = static_cast<int16_t>(q);
      }
    }
    return;
  }
}

}  // namespace

void plan_background_members(UnitBuilder& builder) {
  Composer(builder).compose();
  builder.unit().purpose.tier = draw_tier(builder);
  maybe_split(builder);
}

}  // namespace faxian::gen
