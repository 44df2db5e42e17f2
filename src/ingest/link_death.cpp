#include "ingest/link_death.hpp"

namespace faxian::ingest {
namespace {

std::optional<Date> earlier(std::optional<Date> a, std::optional<Date> b) {
  if (!a)
    return b;
  if (!b)
    return a;
  return std::min(*a, *b);
}

}  // namespace

Date earliest_date() {
  return Date::from_ymd(1800, 1, 1).value();
}

Date latest_date() {
  return Date::from_ymd(2200, 12, 31).value();
}

Result<std::optional<Date>> DeathLinker::death_feed_date(int64_t person_id) {
  auto records = deaths_.list_by_person(person_id, earliest_date(), latest_date());
  if (!records)
    return tl::unexpected(records.error());
  std::optional<Date> date;
  for (const auto& record : *records)
    date = earlier(date, record.record.death_date);
  return date;
}

Result<std::optional<Date>> DeathLinker::earliest_cancellation(int64_t person_id) {
  auto records = population_.list_by_person(person_id, earliest_date(), latest_date());
  if (!records)
    return tl::unexpected(records.error());
  std::optional<Date> date;
  for (const auto& record : *records) {
    if (record.record.change_type == ChangeType::kDeath)
      date = earlier(date, record.record.change_date);
  }
  return date;
}

Result<void> DeathLinker::apply(int64_t person_id, std::optional<Date> cancelled) {
  if (!cancelled) {
    auto stored = earliest_cancellation(person_id);
    if (!stored)
      return tl::unexpected(stored.error());
    cancelled = *stored;
  }
  auto from_feed = death_feed_date(person_id);
  if (!from_feed)
    return tl::unexpected(from_feed.error());
  const std::optional<Date> death = earlier(*from_feed, cancelled);
  if (!death)
    return ok();
  auto person = persons_.find(person_id);
  if (!person)
    return tl::unexpected(person.error());
  if (*person && (*person)->death_date == death)
    return ok();
  return persons_.set_death_date(person_id, death);
}

}  // namespace faxian::ingest
