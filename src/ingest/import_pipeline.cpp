#include "ingest/import_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace faxian::ingest {
namespace {

// Fills `chunk` with up to chunk_rows data rows. Returns false at the end of the file.
Result<bool> read_chunk(TableReader& reader, FeedParser& parser, int64_t chunk_rows, TableRow& row,
                        ParsedChunk& chunk) {
  while (chunk.rows_read < chunk_rows) {
    auto more = reader.next(row);
    if (!more)
      return tl::unexpected(more.error());
    if (!*more)
      return false;
    if (is_blank_row(row))
      continue;
    ++chunk.rows_read;
    auto parsed = parser.parse(row);
    if (auto* good = std::get_if<ParsedRow>(&parsed)) {
      chunk.rows.push_back(std::move(*good));
    } else {
      ++chunk.rejected;
      auto& issues = std::get<std::vector<BatchRowIssue>>(parsed);
      for (BatchRowIssue& issue : issues)
        chunk.issues.push_back(std::move(issue));
    }
  }
  return true;
}

Result<void> run_inline(TableReader& reader, FeedParser& parser, const ImportTuning& tuning,
                        const std::function<Result<void>(ParsedChunk&)>& consume) {
  TableRow row;
  while (true) {
    ParsedChunk chunk;
    auto more = read_chunk(reader, parser, tuning.chunk_rows, row, chunk);
    if (!more)
      return tl::unexpected(more.error());
    if (chunk.rows_read > 0)
      FAXIAN_TRY(consume(chunk));
    if (!*more)
      return ok();
  }
}

// A bounded queue of chunks between the parsing thread and the consumer.
class ChunkQueue {
 public:
  explicit ChunkQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full; false when the consumer has stopped.
  bool push(ParsedChunk chunk) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return stopped_ || chunks_.size() < capacity_; });
    if (stopped_)
      return false;
    chunks_.push_back(std::move(chunk));
    ready_.notify_one();
    return true;
  }
  // The producer is done; `error` when it failed.
  void close(std::optional<Error> error) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    ready_.notify_one();
  }
  // Blocks until a chunk or the end; nullopt at the end.
  std::optional<ParsedChunk> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !chunks_.empty(); });
    if (chunks_.empty())
      return std::nullopt;
    ParsedChunk chunk = std::move(chunks_.front());
    chunks_.pop_front();
    space_.notify_one();
    return chunk;
  }
  // The consumer gives up: the producer stops at its next push.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    chunks_.clear();
    space_.notify_all();
  }
  std::optional<Error> error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<ParsedChunk> chunks_;
  std::size_t capacity_;
  bool closed_ = false;
  bool stopped_ = false;
  std::optional<Error> error_;
};

void produce(TableReader& reader, FeedParser& parser, int64_t chunk_rows, ChunkQueue& queue) {
  TableRow row;
  while (true) {
    ParsedChunk chunk;
    auto more = read_chunk(reader, parser, chunk_rows, row, chunk);
    if (!more) {
      queue.close(more.error());
      return;
    }
    if (chunk.rows_read > 0 && !queue.push(std::move(chunk)))
      break;
    if (!*more)
      break;
  }
  queue.close(std::nullopt);
}

Result<void> run_threaded(TableReader& reader, FeedParser& parser, const ImportTuning& tuning,
                          const std::function<Result<void>(ParsedChunk&)>& consume) {
  ChunkQueue queue(static_cast<std::size_t>(std::max(1, tuning.queued_chunks)));
  std::thread producer(
      [&] { produce(reader, parser, std::max<int64_t>(1, tuning.chunk_rows), queue); });
  Result<void> outcome = ok();
  while (auto chunk = queue.pop()) {
    outcome = consume(*chunk);
    if (!outcome) {
      queue.stop();
      break;
    }
  }
  producer.join();
  if (!outcome)
    return outcome;
  if (auto error = queue.error())
    return tl::unexpected(std::move(*error));
  return ok();
}

}  // namespace

Result<void> run_import_pipeline(TableReader& reader, FeedParser& parser,
                                 const ImportTuning& tuning,
                                 const std::function<Result<void>(ParsedChunk&)>& consume) {
  if (!tuning.parse_in_thread)
    return run_inline(reader, parser, tuning, consume);
  return run_threaded(reader, parser, tuning, consume);
}

}  // namespace faxian::ingest
