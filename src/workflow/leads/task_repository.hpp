#pragma once
// 任务: visits and follow-ups with a due date (40-workflow.md): the revisit after a lead closed
// as declined or not eligible, campaign visits, routine visits, the paperwork after 先行救助,
// hotline callbacks. Tasks sit in their township (and village, when known) queue.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "domain/enum_table.hpp"
#include "store/database.hpp"

namespace faxian {

enum class TaskKind : uint8_t { kFollowUp, kCampaignVisit, kRoutineVisit, kPaperwork, kCallback };
FAXIAN_DECLARE_ENUM_TABLE(TaskKind, "任务类型", std::nullopt);
enum class TaskStatus : uint8_t { kOpen, kDone, kCancelled };
FAXIAN_DECLARE_ENUM_TABLE(TaskStatus, "任务状态", std::nullopt);

}  // namespace faxian

namespace faxian::workflow {

struct Task {
  int64_t id = 0;
  TaskKind kind = TaskKind::kFollowUp;
  std::optional<int64_t> household_id{};
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> campaign_id{};
  std::string township_code;
  std::string village_code;      // may be empty
  std::string title;             // Chinese, shown in the queue
  std::optional<Date> due_on{};  // nullopt: calendar missing
  TaskStatus status = TaskStatus::kOpen;
  std::optional<int64_t> assignee_id{};
  std::string result;
  std::optional<Date> done_on{};
  Date created_on{};
  std::string created_by;

  bool operator==(const Task&) const = default;
};

struct TaskQuery {
  std::optional<TaskKind> kind{};
  std::optional<TaskStatus> status = TaskStatus::kOpen;
  std::string township_code;  // "" for every township
  std::string village_code;   // "" for every village
  std::optional<int64_t> household_id{};
  std::optional<int64_t> lead_id{};
  std::optional<int64_t> campaign_id{};
  std::optional<Date> due_before{};  // due_on < this date (overdue lists)
  int64_t limit = 500;
  int64_t offset = 0;
};

class TaskRepository {
 public:
  TaskRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Inserts `task` (id, status and done fields are ignored; status becomes open); returns the
  // id. kInvalidArgument for an empty title or township.
  Result<int64_t> create(const Task& task);
  Result<std::optional<Task>> find(int64_t id);
  // Ordered by due date (unknown last), then id.
  Result<std::vector<Task>> list(const TaskQuery& query);
  Result<int64_t> count(const TaskQuery& query);
  // Marks an open task done with its result. kNotFound; kIllegalTransition when not open.
  Result<void> complete(int64_t id, Date on, std::string_view result);
  // Cancels an open task. kNotFound; kIllegalTransition when not open.
  Result<void> cancel(int64_t id, std::string_view reason);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace faxian::workflow
