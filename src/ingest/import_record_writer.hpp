#pragma once
// The writer of one record type: link, write the chunk in one write_batch, count. Feed-specific
// behaviour comes from the three hooks (import_feed_writers.cpp).

#include <optional>
#include <span>
#include <vector>

#include "ingest/import_feed_writer.hpp"
#include "store/feed_record_repository.hpp"

namespace faxian::ingest {

template <typename T>
class RecordWriter : public FeedWriter {
 public:
  // `bulk_capable`: true only for a writer without derived data (no hook overridden).
  explicit RecordWriter(WriterContext& context, bool bulk_capable = false)
      : context_(context), repository_(context.db, context.clock), bulk_capable_(bulk_capable) {}

  bool bulk_capable() const override { return bulk_capable_; }
  void append_rows() override { appending_ = bulk_capable_; }
  Result<int64_t> collapse_duplicates() override { return repository_.collapse_duplicate_keys(); }

  Result<void> write_chunk(std::vector<ParsedRow>& rows, ChunkTally& tally) override {
    pending_.clear();
    std::vector<ParsedRow*> accepted;
    accepted.reserve(rows.size());
    for (ParsedRow& row : rows) {
      if (auto problem = check(row.line, std::get<T>(row.record))) {
        ++tally.rejected;
        tally.issues.push_back(std::move(*problem));
        continue;
      }
      accepted.push_back(&row);
    }
    FAXIAN_TRY(link_all(accepted));
    for (ParsedRow* row : accepted) {
      T& record = std::get<T>(row->record);
      auto person = link(record);
      if (!person)
        return tl::unexpected(person.error());
      pending_.push_back({NewRecordMeta{.batch_id = context_.batch_id,
                                        .source_row = row->line,
                                        .natural_key = std::move(row->natural_key),
                                        .content_hash = std::move(row->content_hash),
                                        .person_id = *person},
                          std::move(record)});
    }
    if (appending_)
      return append(tally);
    auto writes = repository_.write_batch(pending_);
    if (!writes)
      return tl::unexpected(writes.error());
    for (std::size_t index = 0; index < pending_.size(); ++index)
      FAXIAN_TRY(count(pending_[index], (*writes)[index], tally));
    return ok();
  }

 protected:
  // A row error the store would otherwise refuse; nullopt when the row may be written.
  virtual std::optional<BatchRowIssue> check(int64_t /*line*/, const T& /*record*/) {
    return std::nullopt;
  }
  // Before link() is called for each of the chunk's accepted rows: a chance to link them all
  // at once (creating persons in one batch instead of one by one).
  virtual Result<void> link_all(std::span<ParsedRow* const> /*rows*/) { return ok(); }
  // The person the row is about (nullopt only for a hotline ticket without an ID).
  virtual Result<std::optional<int64_t>> link(const T& record) {
    if constexpr (requires { record.name; }) {
      auto person = context_.persons.link(record.id_number, record.name);
      if (!person)
        return tl::unexpected(person.error());
      return std::optional<int64_t>(*person);
    } else {
      return std::optional<int64_t>();  // overridden (hotline tickets)
    }
  }
  // After a new or corrected record is stored.
  virtual Result<void> stored(const NewRecord<T>& /*row*/, const RecordWrite& /*write*/) {
    return ok();
  }

  WriterContext& context_;
  FeedRecordRepository<T> repository_;

 private:
  Result<void> append(ChunkTally& tally) {
    FAXIAN_TRY(repository_.append_batch(pending_));
    for (const NewRecord<T>& row : pending_) {
      ++tally.imported;
      if (row.meta.person_id)
        context_.persons.touch(*row.meta.person_id);
    }
    return ok();
  }

  Result<void> count(const NewRecord<T>& row, const RecordWrite& write, ChunkTally& tally) {
    if (write.change == RecordChange::kDuplicate) {
      ++tally.duplicates;
      return ok();
    }
    ++tally.imported;
    if (row.meta.person_id)
      context_.persons.touch(*row.meta.person_id);
    return stored(row, write);
  }

  std::vector<NewRecord<T>> pending_;
  bool bulk_capable_ = false;
  bool appending_ = false;
};

}  // namespace faxian::ingest
