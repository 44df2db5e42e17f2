#include "ingest/link_timeline.hpp"

#include <algorithm>

namespace faxian::ingest {
namespace {

bool is_leaving(ChangeType change) {
  return change == ChangeType::kMoveOut || change == ChangeType::kDeath;
}

void leave(PersonTimeline& timeline, Date date) {
  if (timeline.spans.empty() || timeline.spans.back().to)
    return;
  timeline.spans.back().to = date;
}

void join(PersonTimeline& timeline, const PopulationRecord& row) {
  if (!timeline.spans.empty() && !timeline.spans.back().to) {
    TimelineSpan& open = timeline.spans.back();
    if (open.household_no == row.household_no) {
      open.relation = row.relation;
      return;
    }
    open.to = row.change_date;
  }
  timeline.spans.push_back({row.household_no, row.change_date, std::nullopt, row.relation});
}

void describe(PersonRegistration& registration, const PopulationRecord& row) {
  registration.name = row.name;
  registration.relation = row.relation;
  if (row.ethnicity)
    registration.ethnicity = row.ethnicity;
  if (row.hukou_type)
    registration.hukou_type = row.hukou_type;
  if (!row.phone.empty())
    registration.phone = row.phone;
}

// A span that starts and ends on one date held the person for no day at all.
void drop_empty_spans(std::vector<TimelineSpan>& spans) {
  std::erase_if(spans, [](const TimelineSpan& span) { return span.to && *span.to <= span.from; });
}

}  // namespace

PersonTimeline build_person_timeline(std::vector<TimelineRow> rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const TimelineRow& a, const TimelineRow& b) {
    if (a.record->change_date != b.record->change_date)
      return a.record->change_date < b.record->change_date;
    const bool a_leaves = is_leaving(a.record->change_type);
    const bool b_leaves = is_leaving(b.record->change_type);
    if (a_leaves != b_leaves)
      return a_leaves;
    return a.sequence < b.sequence;
  });
  PersonTimeline timeline;
  for (const TimelineRow& row : rows) {
    const PopulationRecord& record = *row.record;
    if (!timeline.registration)
      timeline.registration.emplace();
    describe(*timeline.registration, record);
    if (is_leaving(record.change_type)) {
      leave(timeline, record.change_date);
      if (record.change_type == ChangeType::kDeath &&
          (!timeline.death_cancelled || record.change_date < *timeline.death_cancelled)) {
        timeline.death_cancelled = record.change_date;
      }
      continue;
    }
    join(timeline, record);
    timeline.sightings.push_back({record.household_no, record.village_code, record.address,
                                  record.change_date, record.relation == Relation::kHead});
  }
  drop_empty_spans(timeline.spans);
  return timeline;
}

}  // namespace faxian::ingest
