#pragma once
// Membership and death of each person of a unit, from the population and death rows:
// a person is a member from a 新增 date (inclusive) until a 迁出 or 死亡注销 date (exclusive);
// a 变更 with another 户号 moves them; on one date leaving is applied before joining. The date
// of death is the earlier of the death feed and a 死亡注销 row.

#include <optional>
#include <vector>

#include "gen/model.hpp"

namespace faxian::gen {

struct MembershipSpan {
  int8_t household = 0;
  Date from;
  std::optional<Date> to;  // exclusive; open when absent
};

struct PersonTimeline {
  std::vector<MembershipSpan> spans;
  std::optional<Date> death;

  bool member_of(int household, Date date) const;
  // Whether the person belonged to `household` when they died: a membership that was open on
  // the death date or that their 死亡注销 ended on it.
  bool member_at_death(int household) const;
  bool alive_on(Date date) const { return !death || *death > date; }
};

// Timelines of every person of the unit, from rows dated on or before `as_of`.
std::vector<PersonTimeline> build_timelines(const Unit& unit, Date as_of);

}  // namespace faxian::gen
