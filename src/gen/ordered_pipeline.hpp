#pragma once
// A small ordered pipeline: the calling thread produces jobs in order, `threads` workers turn
// them into outputs in any order, and the calling thread consumes the outputs strictly in job
// order. Outputs therefore never depend on scheduling: the same jobs give the same bytes with
// 0, 1 or 2 worker threads. At most `max_in_flight` jobs exist at once (bounded memory).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace faxian::gen {

template <typename Job, typename Output>
void run_ordered_pipeline(int64_t job_count, int threads, int max_in_flight,
                          const std::function<Job(int64_t)>& produce,
                          const std::function<Output(Job&&)>& work,
                          const std::function<void(Output&&)>& consume) {
  if (threads <= 0) {
    for (int64_t i = 0; i < job_count; ++i)
      consume(work(produce(i)));
    return;
  }
  std::mutex mutex;
  std::condition_variable job_ready;
  std::condition_variable output_ready;
  std::deque<std::pair<int64_t, Job>> jobs;
  std::map<int64_t, Output> outputs;
  bool stopping = false;

  auto worker = [&] {
    for (;;) {
      std::pair<int64_t, Job> item;
      {
        std::unique_lock lock(mutex);
        job_ready.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (jobs.empty())
          return;
        item = std::move(jobs.front());
        jobs.pop_front();
      }
      Output output = work(std::move(item.second));
      {
        std::lock_guard lock(mutex);
        outputs.emplace(item.first, std::move(output));
      }
      output_ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back(worker);

  int64_t produced = 0;
  for (int64_t next = 0; next < job_count; ++next) {
    while (produced < job_count && produced - next < max_in_flight) {
      Job job = produce(produced);
      {
        std::lock_guard lock(mutex);
        jobs.emplace_back(produced, std::move(job));
      }
      job_ready.notify_one();
      ++produced;
    }
    Output output;
    {
      std::unique_lock lock(mutex);
      output_ready.wait(lock, [&] { return outputs.count(next) > 0; });
      output = std::move(outputs.at(next));
      outputs.erase(next);
    }
    consume(std::move(output));
  }
  {
    std::lock_guard lock(mutex);
    stopping = true;
  }
  job_ready.notify_all();
  for (std::thread& thread : pool)
    thread.join();
}

}  // namespace faxian::gen
