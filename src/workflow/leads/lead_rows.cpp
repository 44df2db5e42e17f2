#include "workflow/leads/lead_rows.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "store/query.hpp"
#include "store/row_codec.hpp"

namespace faxian::workflow {
namespace {

WarningLevel read_level(RowReader& row, std::string& problem) {
  const std::string key = row.text();
  if (auto level = find_level(key))
    return *level;
  problem = "unknown level '" + key + "'";
  return WarningLevel::kYellow;
}

Result<LeadSourceEntry> read_source(const Statement& statement, int64_t* lead_id) {
  RowReader row(statement);
  *lead_id = row.integer();
  LeadSourceEntry source;
  std::string problem;
  source.id = row.integer();
  source.source = row.enumeration<LeadSource>();
  source.reference = row.text();
  source.level = read_level(row, problem);
  source.description = row.text();
  source.reported_on = row.date();
  source.actor = row.text();
  source.at = row.integer();
  FAXIAN_TRY(row.status());
  if (!problem.empty())
    return fail(ErrorCode::kCorrupt, "线索来源数据损坏", problem);
  return source;
}

Result<LeadOutcomeEntry> read_outcome(const Statement& statement, int64_t* lead_id) {
  RowReader row(statement);
  *lead_id = row.integer();
  LeadOutcomeEntry outcome;
  outcome.id = row.integer();
  outcome.outcome = row.enumeration<LeadOutcome>();
  outcome.state = row.enumeration<OutcomeState>();
  outcome.reference = row.text();
  outcome.detail = row.text();
  outcome.decided_on = row.date();
  outcome.done_on = row.optional_date();
  FAXIAN_TRY(row.status());
  return outcome;
}

// The rows of one part table (`sql` selects lead_id first, then what `read` reads) for the
// leads with ids in [low, high], handed to `sink(lead_id, part)` in order.
template <typename Part, typename Read, typename Sink>
Result<void> load_part_rows(Database& db, std::string_view sql, int64_t low, int64_t high,
                            Read&& read, Sink&& sink) {
  struct Keyed {
    int64_t lead_id = 0;
    Part part;
  };
  auto rows = query_rows<Keyed>(
      db, sql, [&](Statement& statement) { ParamBinder(statement).integer(low).integer(high); },
      [&](const Statement& statement) -> Result<Keyed> {
        Keyed keyed;
        auto part = read(statement, &keyed.lead_id);
        if (!part)
          return tl::unexpected(part.error());
        keyed.part = std::move(*part);
        return keyed;
      });
  if (!rows)
    return tl::unexpected(rows.error());
  for (Keyed& keyed : *rows)
    sink(keyed.lead_id, std::move(keyed.part));
  return ok();
}

// Sources and outcomes of the leads with ids in [low, high], handed to `sink`.
template <typename Sink>
Result<void> load_parts_between(Database& db, int64_t low, int64_t high, Sink&& sink) {
  FAXIAN_TRY(load_part_rows<LeadSourceEntry>(
      db,
      "SELECT lead_id, id, source, reference, level, description, reported_on, actor, at "
      "FROM lead_sources WHERE lead_id BETWEEN ? AND ? ORDER BY lead_id, id",
      low, high, read_source, sink));
  return load_part_rows<LeadOutcomeEntry>(
      db,
      "SELECT lead_id, id, outcome, state, reference, detail, decided_on, done_on "
      "FROM lead_outcomes WHERE lead_id BETWEEN ? AND ? ORDER BY lead_id, id",
      low, high, read_outcome, sink);
}

void bind_optional_text(ParamBinder& binder, std::string_view value) {
  if (value.empty())
    binder.null();
  else
    binder.text(value);
}

}  // namespace

const std::string_view kLeadSelect =
    "SELECT l.id, l.lead_no, l.household_id, h.household_no, l.subject_name, l.subject_phone, "
    "l.subject_address, l.township_code, l.village_code, l.description, l.level, l.status, "
    "l.assignee_id, u.username, l.warning_id, l.created_on, l.first_contact_due, "
    "l.verification_due, l.first_contact_on, l.verified_on, l.decided_on, l.closed_on, "
    "l.follow_up_on, l.merged_into, l.version, l.created_at, l.updated_at "
    "FROM leads l LEFT JOIN households h ON h.id = l.household_id "
    "LEFT JOIN users u ON u.id = l.assignee_id";

Result<Lead> read_lead(const Statement& statement) {
  RowReader row(statement);
  Lead lead;
  std::string problem;
  lead.id = row.integer();
  lead.lead_no = row.text();
  lead.household_id = row.optional_integer();
  lead.household_no = row.text_or_empty();
  lead.subject.name = row.text();
  lead.subject.phone = row.text();
  lead.subject.address = row.text();
  lead.township_code = row.text();
  lead.village_code = row.text_or_empty();
  lead.description = row.text();
  lead.level = read_level(row, problem);
  lead.status = row.enumeration<LeadStatus>();
  lead.assignee_id = row.optional_integer();
  lead.assignee = row.text_or_empty();
  lead.warning_id = row.optional_integer();
  lead.created_on = row.date();
  lead.first_contact_due = row.optional_date();
  lead.verification_due = row.optional_date();
  lead.first_contact_on = row.optional_date();
  lead.verified_on = row.optional_date();
  lead.decided_on = row.optional_date();
  lead.closed_on = row.optional_date();
  lead.follow_up_on = row.optional_date();
  lead.merged_into = row.optional_integer();
  lead.version = row.integer();
  lead.created_at = row.integer();
  lead.updated_at = row.integer();
  FAXIAN_TRY(row.status());
  if (!problem.empty())
    return fail(ErrorCode::kCorrupt, "线索数据损坏", problem);
  return lead;
}

Result<void> load_lead_parts(Database& db, Lead& lead) {
  lead.sources.clear();
  lead.outcomes.clear();
  return load_parts_between(db, lead.id, lead.id, [&](int64_t, auto&& part) {
    if constexpr (std::is_same_v<std::decay_t<decltype(part)>, LeadSourceEntry>)
      lead.sources.push_back(std::move(part));
    else
      lead.outcomes.push_back(std::move(part));
  });
}

Result<void> load_lead_parts(Database& db, std::vector<Lead>& leads) {
  if (leads.empty())
    return ok();
  std::map<int64_t, Lead*> by_id;
  for (Lead& lead : leads) {
    lead.sources.clear();
    lead.outcomes.clear();
    by_id[lead.id] = &lead;
  }
  // Ids of one page are usually close together; a sparse page (a filtered list) is read in
  // several ranges, each spanning at most kMaxRangeSpan ids, so that a page never reads the
  // parts of thousands of leads it does not show.
  constexpr int64_t kMaxRangeSpan = 256;
  auto range_start = by_id.begin();
  while (range_start != by_id.end()) {
    auto range_end = range_start;
    auto next = std::next(range_end);
    while (next != by_id.end() && next->first - range_start->first < kMaxRangeSpan) {
      range_end = next;
      ++next;
    }
    FAXIAN_TRY(load_parts_between(
        db, range_start->first, range_end->first, [&](int64_t lead_id, auto&& part) {
          auto found = by_id.find(lead_id);
          if (found == by_id.end())
            return;
          if constexpr (std::is_same_v<std::decay_t<decltype(part)>, LeadSourceEntry>)
            found->second->sources.push_back(std::move(part));
          else
            found->second->outcomes.push_back(std::move(part));
        }));
    range_start = next;
  }
  return ok();
}

Result<int64_t> insert_lead(Database& db, const Lead& lead, int64_t now) {
  auto id = returning_id(
      db,
      "INSERT INTO leads (lead_no, household_id, subject_name, subject_phone, subject_address, "
      "township_code, village_code, description, level, status, assignee_id, warning_id, "
      "created_on, first_contact_due, verification_due, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.text(lead.lead_no)
            .integer(lead.household_id)
            .text(lead.subject.name)
            .text(lead.subject.phone)
            .text(lead.subject.address)
            .text(lead.township_code);
        bind_optional_text(binder, lead.village_code);
        binder.text(lead.description)
            .text(level_key(lead.level))
            .enumeration(lead.status)
            .integer(lead.assignee_id)
            .integer(lead.warning_id)
            .date(lead.created_on)
            .date(lead.first_contact_due)
            .date(lead.verification_due)
            .integer(now)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<void> save_lead(Database& db, const Lead& lead, int64_t now) {
  FAXIAN_TRY(run_bound(
      db,
      "UPDATE leads SET household_id = ?, subject_name = ?, subject_phone = ?, "
      "subject_address = ?, township_code = ?, village_code = ?, description = ?, level = ?, "
      "status = ?, assignee_id = ?, warning_id = ?, first_contact_due = ?, "
      "verification_due = ?, first_contact_on = ?, verified_on = ?, decided_on = ?, "
      "closed_on = ?, follow_up_on = ?, merged_into = ?, version = version + 1, updated_at = ? "
      "WHERE id = ? AND version = ?",
      [&](Statement& statement) {
        ParamBinder binder(statement);
        binder.integer(lead.household_id)
            .text(lead.subject.name)
            .text(lead.subject.phone)
            .text(lead.subject.address)
            .text(lead.township_code);
        bind_optional_text(binder, lead.village_code);
        binder.text(lead.description)
            .text(level_key(lead.level))
            .enumeration(lead.status)
            .integer(lead.assignee_id)
            .integer(lead.warning_id)
            .date(lead.first_contact_due)
            .date(lead.verification_due)
            .date(lead.first_contact_on)
            .date(lead.verified_on)
            .date(lead.decided_on)
            .date(lead.closed_on)
            .date(lead.follow_up_on)
            .integer(lead.merged_into)
            .integer(now)
            .integer(lead.id)
            .integer(lead.version);
      }));
  if (db.changes() != 1) {
    return fail(ErrorCode::kConflict,
                fmt::format("线索 {} 已被他人更新，请刷新后重试", lead.lead_no),
                fmt::format("lead {} version {} is stale", lead.id, lead.version));
  }
  return ok();
}

Result<int64_t> insert_source(Database& db, int64_t lead_id, const LeadSourceEntry& source) {
  auto id = returning_id(
      db,
      "INSERT INTO lead_sources (lead_id, source, reference, level, description, reported_on, "
      "actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& statement) {
        ParamBinder(statement)
            .integer(lead_id)
            .enumeration(source.source)
            .text(source.reference)
            .text(level_key(source.level))
            .text(source.description)
            .date(source.reported_on)
            .text(source.actor)
            .integer(source.at);
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<int64_t> insert_outcome(Database& db, int64_t lead_id, const LeadOutcomeEntry& outcome,
                               int64_t now) {
  auto id = returning_id(
      db,
      "INSERT INTO lead_outcomes (lead_id, outcome, state, reference, detail, decided_on, "
      "done_on, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      [&](Statement& statement) {
        ParamBinder(statement)
            .integer(lead_id)
            .enumeration(outcome.outcome)
            .enumeration(outcome.state)
            .text(outcome.reference)
            .text(outcome.detail.empty() ? "{}" : outcome.detail)
            .date(outcome.decided_on)
            .date(outcome.done_on)
            .integer(now);
      });
  if (!id)
    return tl::unexpected(id.error());
  return id->value_or(0);
}

Result<void> update_outcome(Database& db, const LeadOutcomeEntry& outcome) {
  return run_bound(db,
                   "UPDATE lead_outcomes SET state = ?, reference = ?, detail = ?, done_on = ? "
                   "WHERE id = ?",
                   [&](Statement& statement) {
                     ParamBinder(statement)
                         .enumeration(outcome.state)
                         .text(outcome.reference)
                         .text(outcome.detail.empty() ? "{}" : outcome.detail)
                         .date(outcome.done_on)
                         .integer(outcome.id);
                   });
}

Error lead_not_found(std::string_view lead_no) {
  return Error(ErrorCode::kNotFound, fmt::format("线索 {} 不存在", lead_no),
               fmt::format("lead {} not found", lead_no));
}

}  // namespace faxian::workflow
