#include "cli/demo_accounts.hpp"

#include "common/password_hash.hpp"
#include "store/query.hpp"
#include "store/region_repository.hpp"
#include "store/user_repository.hpp"

namespace faxian::cli {
namespace {

// The village with the most open leads (any village when there are none).
Result<std::string> busiest_village(Database& db) {
  std::optional<std::string> code;
  FAXIAN_TRY_ASSIGN(code, query_one<std::string>(
                              db,
                              "SELECT r.code FROM regions r LEFT JOIN leads l ON l.village_code = "
                              "r.code AND l.status <> 'closed' WHERE r.level = 'village' GROUP BY "
                              "r.code ORDER BY count(l.id) DESC, r.code LIMIT 1",
                              [](Statement&) {},
                              [](const Statement& s) -> Result<std::string> {
                                return std::string(s.column_text(0));
                              }));
  if (!code)
    return fail(ErrorCode::kUnavailable, "数据库中没有村（社区），请先运行 faxian init",
                "no villages");
  return *code;
}

Result<std::string> region_name(Database& db, const std::string& code) {
  std::optional<Region> region;
  FAXIAN_TRY_ASSIGN(region, RegionRepository(db).find(code));
  return region ? region->name : code;
}

Result<void> store_account(Database& db, const Clock& clock, const DemoAccount& account) {
  std::string hash;
  FAXIAN_TRY_ASSIGN(hash, hash_password(account.password));
  UserRepository users(db, clock);
  std::optional<User> existing;
  FAXIAN_TRY_ASSIGN(existing, users.find_by_username(account.username));
  if (existing) {
    FAXIAN_TRY(users.set_password(account.username, hash, false));
    return users.set_disabled(account.username, false);
  }
  User user;
  user.username = account.username;
  user.display_name = std::string(enum_label(account.role)) + "（演示）";
  user.role = account.role;
  user.region_code = account.region_code;
  user.department = account.department;
  user.password_hash = hash;
  user.must_change_password = false;
  return users.insert(user).map([](int64_t) {});
}

}  // namespace

Result<std::vector<DemoAccount>> create_demo_accounts(Database& db, const Clock& clock) {
  std::string village;
  FAXIAN_TRY_ASSIGN(village, busiest_village(db));
  const std::string township = village.substr(0, 9);
  std::vector<DemoAccount> accounts = {
      {"demo_county_admin", Role::kCountyAdmin, "", "", "", ""},
      {"demo_county_officer", Role::kCountyOfficer, "", "", "", ""},
      {"demo_township_officer", Role::kTownshipOfficer, township, "", "", ""},
      {"demo_village_coordinator", Role::kVillageCoordinator, village, "", "", ""},
      {"demo_hotline_operator", Role::kHotlineOperator, "", "", "", ""},
      {"demo_department_liaison", Role::kDepartmentLiaison, "", "", "医保局", ""},
      {"demo_auditor", Role::kAuditor, "", "", "", ""},
  };
  return in_transaction(db, [&]() -> Result<std::vector<DemoAccount>> {
    for (DemoAccount& account : accounts) {
      account.password = random_password();
      if (!account.region_code.empty())
        FAXIAN_TRY_ASSIGN(account.region_name, region_name(db, account.region_code));
      FAXIAN_TRY(store_account(db, clock, account));
    }
    return accounts;
  });
}

}  // namespace faxian::cli
