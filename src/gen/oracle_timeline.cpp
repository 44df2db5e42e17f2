#include "gen/oracle_timeline.hpp"

#include <algorithm>

namespace faxian::gen {
namespace {

bool is_leaving(ChangeType change) {
  return change == ChangeType::kMoveOut || change == ChangeType::kDeath;
}

void close_open_span(PersonTimeline& timeline, Date date) {
  if (!timeline.spans.empty() && !timeline.spans.back().to)
    timeline.spans.back().to = date;
}

void join(PersonTimeline& timeline, int8_t household, Date date) {
  if (!timeline.spans.empty() && !timeline.spans.back().to) {
    if (timeline.spans.back().household == household)
      return;
    timeline.spans.back().to = date;
  }
  timeline.spans.push_back({household, date, std::nullopt});
}

}  // namespace

bool PersonTimeline::member_of(int household, Date date) const {
  for (const MembershipSpan& span : spans) {
    if (span.household == household && span.from <= date && (!span.to || date < *span.to)) {
      return true;
    }
  }
  return false;
}

bool PersonTimeline::member_at_death(int household) const {
  if (!death)
    return false;
  for (const MembershipSpan& span : spans) {
    if (span.household == household && span.from <= *death && (!span.to || *death <= *span.to))
      return true;
  }
  return false;
}

std::vector<PersonTimeline> build_timelines(const Unit& unit, Date as_of) {
  std::vector<PersonTimeline> timelines(unit.persons.size());
  std::vector<const PopulationRow*> rows;
  for (const PopulationRow& row : unit.population) {
    if (row.date <= as_of)
      rows.push_back(&row);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const PopulationRow* a, const PopulationRow* b) {
    if (a->person != b->person)
      return a->person < b->person;
    if (a->date != b->date)
      return a->date < b->date;
    return is_leaving(a->change) && !is_leaving(b->change);
  });
  for (const PopulationRow* row : rows) {
    PersonTimeline& timeline = timelines[static_cast<size_t>(row->person)];
    switch (row->change) {
      case ChangeType::kAdd:
      case ChangeType::kUpdate:
        join(timeline, row->household, row->date);
        break;
      case ChangeType::kMoveOut:
        close_open_span(timeline, row->date);
        break;
      case ChangeType::kDeath:
        close_open_span(timeline, row->date);
        if (!timeline.death || row->date < *timeline.death)
          timeline.death = row->date;
        break;
    }
  }
  for (const DeathRow& row : unit.deaths) {
    if (row.date > as_of)
      continue;
    PersonTimeline& timeline = timelines[static_cast<size_t>(row.person)];
    if (!timeline.death || row.date < *timeline.death)
      timeline.death = row.date;
  }
  return timelines;
}

}  // namespace faxian::gen
