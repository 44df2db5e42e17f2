#pragma once
// 家庭 (户): a hukou household with its members over time. Membership is dated — people are
// born, die, marry and move — from `from` (inclusive) to `to` (exclusive); on one date leaving
// is applied before joining.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "domain/person_enums.hpp"

namespace faxian {

struct Household {
  int64_t id = 0;              // store id; 0 until stored
  std::string household_no{};  // 户号
  std::string village_code{};  // 12-digit 村社区代码
  std::string address{};
  std::optional<int64_t> head_person_id{};  // 户主

  bool operator==(const Household&) const = default;
};

struct Membership {
  int64_t id = 0;  // store id; 0 until stored
  int64_t household_id = 0;
  int64_t person_id = 0;
  Date from{};                         // joined (inclusive)
  std::optional<Date> to{};            // left (exclusive); none while still a member
  std::optional<Relation> relation{};  // to the head, while in this household

  // Whether the person belongs to the household on `date`.
  bool active_on(Date date) const { return from <= date && (!to || date < *to); }

  bool operator==(const Membership&) const = default;
};

// Ids of the persons whose membership is active on `date`, ascending, without duplicates.
std::vector<int64_t> members_on(std::span<const Membership> memberships, Date date);

// 独居: exactly one member on `date` (the caller also checks that member is alive).
bool lives_alone_on(std::span<const Membership> memberships, Date date);

}  // namespace faxian
