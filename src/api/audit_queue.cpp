#include "api/audit_queue.hpp"

#include <spdlog/spdlog.h>

#include "store/database.hpp"

namespace faxian::api {

AuditQueue::AuditQueue(std::string database_url, const Clock& clock,
                       std::chrono::milliseconds interval)
    : url_(std::move(database_url)), clock_(clock), interval_(interval) {
  thread_ = std::thread([this] { run(); });
}

AuditQueue::~AuditQueue() {
  stop();
}

void AuditQueue::push(workflow::AuditEntry entry) {
  std::lock_guard lock(mutex_);
  pending_.push_back(std::move(entry));
  ++pushed_;
}

void AuditQueue::flush() {
  std::unique_lock lock(mutex_);
  const uint64_t target = pushed_;
  wake_.notify_one();
  flushed_.wait(lock, [&] { return written_ >= target || finished_; });
}

void AuditQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_)
      return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable())
    thread_.join();
}

void AuditQueue::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait_for(lock, interval_, [&] { return stopping_ || written_ < pushed_; });
    std::vector<workflow::AuditEntry> batch;
    batch.swap(pending_);
    const uint64_t target = pushed_;
    const bool last = stopping_;
    lock.unlock();
    if (!batch.empty())
      write(batch);
    lock.lock();
    written_ = target;
    flushed_.notify_all();
    if (last && pending_.empty()) {
      finished_ = true;
      flushed_.notify_all();
      return;
    }
  }
}

// One transaction for the whole batch; on failure the entries are logged in full (never lost
// silently) and the next batch tries again with a fresh connection.
void AuditQueue::write(std::vector<workflow::AuditEntry>& entries) {
  auto db = open_database(url_);
  Result<void> written = db ? in_transaction(**db,
                                             [&]() -> Result<void> {
                                               workflow::AuditLog log(**db, clock_);
                                               for (const workflow::AuditEntry& entry : entries)
                                                 FAXIAN_TRY(log.append(entry));
                                               return ok();
                                             })
                            : Result<void>(tl::unexpected(db.error()));
  if (!written) {
    spdlog::error("audit: {} view entries could not be written: {}", entries.size(),
                  written.error().to_string());
    for (const workflow::AuditEntry& entry : entries) {
      spdlog::error("audit entry lost from the database: {} {} {} {} {}", entry.actor, entry.action,
                    entry.object_type, entry.object_id, entry.source_address);
    }
  }
}

}  // namespace faxian::api
