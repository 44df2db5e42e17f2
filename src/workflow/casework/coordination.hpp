#pragma once
// 县级协调: a complex lead that needs several departments is taken up by the county
// (40-workflow.md outcome coordination): a case with the participating departments, the meeting
// date, the measures agreed, and for each department its task and, later, its result. The case
// closes when every task has a result, and closing it completes the lead's `coordination`
// outcome.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/money.hpp"
#include "domain/enum_table.hpp"
#include "workflow/casework/department.hpp"

namespace faxian {

enum class CoordinationStatus : uint8_t {
  kOpen,    // 协调中
  kClosed,  // 已办结
};
FAXIAN_DECLARE_ENUM_TABLE(CoordinationStatus, "协调状态", std::nullopt);

}  // namespace faxian

namespace faxian::workflow {

// One participating department's task and result.
struct CoordinationTask {
  int64_t id = 0;
  Department department = Department::kCivilAffairs;
  std::string task;              // what the department undertook
  std::optional<Date> due_on{};  // nullopt: calendar missing
  bool done = false;
  std::string result;
  std::optional<Money> amount{};
  std::optional<Date> answered_on{};
  std::string answered_by;
  int64_t version = 1;

  bool operator==(const CoordinationTask&) const = default;
};

struct CoordinationCase {
  int64_t id = 0;
  std::string case_no;  // XT20261120-01
  int64_t lead_id = 0;
  std::optional<int64_t> household_id{};
  std::string township_code;
  CoordinationStatus status = CoordinationStatus::kOpen;
  std::string reason;  // why the county coordinates
  std::optional<Date> meeting_on{};
  std::string measures;  // 协调措施
  Date opened_on{};
  std::string opened_by;
  std::optional<Date> closed_on{};
  std::string closed_by;
  std::string conclusion;
  int64_t version = 1;
  std::vector<CoordinationTask> tasks;  // in the order they were given

  // The departments whose task has no result yet.
  std::vector<Department> pending_departments() const {
    std::vector<Department> pending;
    for (const CoordinationTask& task : tasks) {
      if (!task.done)
        pending.push_back(task.department);
    }
    return pending;
  }
  const CoordinationTask* task_of(Department department) const {
    for (const CoordinationTask& task : tasks) {
      if (task.department == department)
        return &task;
    }
    return nullptr;
  }

  bool operator==(const CoordinationCase&) const = default;
};

}  // namespace faxian::workflow
