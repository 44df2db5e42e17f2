#pragma once
// Applications and their history in the store. Writes are plain: the service
// (application_service.hpp) wraps them in transactions with the audit log and checks the
// state machine; `update` is where the optimistic version check happens.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "store/database.hpp"
#include "workflow/assistance/application.hpp"

namespace faxian::workflow {

struct ApplicationQuery {
  std::optional<int64_t> household_id{};
  std::optional<int64_t> lead_id{};
  std::optional<ApplicationStatus> status{};
  std::optional<ApplicationKind> kind{};
  std::string township_code;  // "" for all
  bool open_only = false;     // status other than ended
  // Undecided applications whose process deadline is before this date (overdue on it).
  std::optional<Date> overdue_on{};
  int64_t limit = 500;
};

class ApplicationRepository {
 public:
  ApplicationRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The next number for `on` (SQ20261120-0001), advancing the daily counter.
  Result<std::string> next_number(Date on);
  // Inserts `application` (id, version and timestamps are set here); returns it as stored.
  // kConstraint for an unknown household, region, lead or person.
  Result<Application> insert(const Application& application);
  // Writes every mutable field of `application` when the stored version is
  // `application.version`; the stored version becomes version + 1. kConflict (nothing written)
  // when the stored version differs; kNotFound for an unknown id.
  Result<Application> update(const Application& application);
  Result<std::optional<Application>> find(std::string_view application_no);
  Result<std::optional<Application>> find_by_id(int64_t id);
  // Newest first.
  Result<std::vector<Application>> list(const ApplicationQuery& query);

  Result<int64_t> add_event(int64_t application_id, const ApplicationEvent& event);
  // Oldest first.
  Result<std::vector<ApplicationEvent>> history(int64_t application_id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
