#pragma once
// The audit of views (50-api-security.md "Privacy": who viewed what, when, from where). Changes
// are audited inside their own transaction by the workflow layers; a view is not a write, and
// appending each one synchronously would make every page read wait for a disk sync. So views go
// to this queue and a background thread appends them in one transaction every `interval` (group
// commit). stop() — and the destructor — flush what is left. A hard kill can lose at most the
// last interval's views; it can never lose or alter an acknowledged change.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "workflow/leads/audit_log.hpp"

namespace faxian::api {

class AuditQueue {
 public:
  AuditQueue(std::string database_url, const Clock& clock,
             std::chrono::milliseconds interval = std::chrono::milliseconds(200));
  ~AuditQueue();
  AuditQueue(const AuditQueue&) = delete;
  AuditQueue& operator=(const AuditQueue&) = delete;

  void push(workflow::AuditEntry entry);
  // Appends everything queued so far before returning (tests, shutdown).
  void flush();
  void stop();

 private:
  void run();
  void write(std::vector<workflow::AuditEntry>& entries);

  std::string url_;
  const Clock& clock_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable flushed_;
  std::vector<workflow::AuditEntry> pending_;
  uint64_t pushed_ = 0;
  uint64_t written_ = 0;
  bool stopping_ = false;
  bool finished_ = false;
  std::thread thread_;
};

}  // namespace faxian::api
