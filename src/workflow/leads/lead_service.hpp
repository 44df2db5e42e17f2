#pragma once
// The lead workflow of 40-workflow.md: intake from every source with deduplication (a second
// lead for a household with an open one is attached to it, its sources accumulate), the state
// machine (new → assigned → verifying → decided → closed, reopen), structured verification,
// merging, and version checks so that two officers acting on one lead conflict (kConflict)
// instead of overwriting. Every change is one transaction that also writes the lead's history
// and the audit log. Deciding outcomes (whose effects reach applications, referrals and
// payments) lives one layer up, in src/workflow/lead_decisions.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/date.hpp"
#include "common/error.hpp"
#include "common/work_calendar.hpp"
#include "domain/lead.hpp"
#include "store/database.hpp"
#include "workflow/leads/actor.hpp"
#include "workflow/leads/deadline_policy.hpp"
#include "workflow/leads/lead_state_machine.hpp"

namespace faxian::workflow {

struct IntakeRequest {
  LeadSource source = LeadSource::kSelfReport;
  std::string reference;  // the source's own id (warning id, ticket no., report code, visit id)
  std::optional<int64_t> household_id{};  // the subject, when known
  UnidentifiedSubject subject;            // otherwise: name (required), phone, address
  std::string village_code;               // village of an unidentified subject ("" if unknown)
  std::string township_code;              // township of an unidentified subject without a village
  WarningLevel level = WarningLevel::kYellow;
  std::string description;
  Date reported_on{};  // the screening as-of date for data warnings, the intake date otherwise
  std::optional<int64_t> warning_id{};
};

struct IntakeResult {
  Lead lead;
  bool attached = false;  // joined the household's open lead instead of opening a new one
};

// A person who may be the unidentified subject, with what matched.
struct SubjectCandidate {
  int64_t person_id = 0;
  int64_t household_id = 0;
  std::string household_no;
  std::string name;
  std::string masked_phone;
  std::string village_code;
  bool name_matches = false;
  bool phone_matches = false;
  bool village_matches = false;
};

// One outcome an officer decides, with its parameters as a JSON object (application type,
// amount in yuan, department, reasons, the lead a duplicate belongs to …; see
// src/workflow/lead_decisions.hpp for each outcome's keys).
struct OutcomeDecision {
  LeadOutcome outcome = LeadOutcome::kNoNeed;
  std::string parameters = "{}";
};

// What an outcome's effect left behind: done at once (a payment made) or pending until
// something else happens (the referral answered), and a reference to what it created.
struct EffectResult {
  OutcomeState state = OutcomeState::kDone;
  std::string reference;  // e.g. "application:12", "referral:7"
};

// The effects of the outcomes that reach beyond the lead (applications, payments, referrals,
// coordination), applied inside the decide transaction. src/workflow implements it; no_need,
// declined and duplicate need none.
class OutcomeEffects {
 public:
  virtual ~OutcomeEffects() = default;
  virtual Result<EffectResult> apply(const Actor& actor, const Lead& lead,
                                     const OutcomeDecision& decision, Date on) = 0;
};

struct LeadQuery {
  std::optional<LeadStatus> status{};
  std::optional<WarningLevel> level{};
  std::optional<LeadSource> source{};
  std::string township_code;  // "" for all
  std::string village_code;   // "" for all
  std::optional<int64_t> household_id{};
  std::optional<int64_t> assignee_id{};
  std::optional<Date> overdue_on{};  // open leads past a deadline on this date
  bool open_only = false;            // status other than closed
  int64_t limit = 500;
  int64_t offset = 0;
};

class LeadService {
 public:
  LeadService(Database& db, const Clock& clock, const WorkCalendar& calendar,
              DeadlinePolicy policy = {})
      : db_(db), clock_(clock), calendar_(calendar), policy_(policy) {}

  // Opens a lead, or attaches the report to the household's open lead (the level rises to the
  // higher one; deadlines move earlier when the new level's are earlier). Numbering: the
  // county prefix, the reported date and a daily sequence (XS20261120-0001). kInvalidArgument
  // for an unknown household or village or an unidentified subject without a name.
  Result<IntakeResult> intake(const Actor& actor, const IntakeRequest& request);

  // Actions. `version` is the lead's version as the caller read it: a different current
  // version is kConflict and changes nothing; an action the lead's status does not allow is
  // kIllegalTransition. Each returns the lead as it is afterwards.
  Result<Lead> assign(const Actor& actor, std::string_view lead_no, int64_t version,
                      int64_t assignee_user_id, std::string_view reason);
  // First contact: records the date (the first-contact deadline is met by it).
  Result<Lead> start_verification(const Actor& actor, std::string_view lead_no, int64_t version,
                                  Date contacted_on);
  Result<Lead> record_verification(const Actor& actor, std::string_view lead_no, int64_t version,
                                   const VerificationRecord& record);
  // Records one or more outcomes (verifying or decided → decided), applying each one's effect
  // in the same transaction; when every outcome is done at once (no need, declined, a payment
  // made) the lead is closed too, as close() would. Requires a verification record (except a
  // duplicate, which merges into parameters {"into": lead_no}); declined requires that the
  // policy was explained; no_need and duplicate stand alone. kInvalidArgument for an outcome
  // that needs `effects` when none is given.
  Result<Lead> decide(const Actor& actor, std::string_view lead_no, int64_t version,
                      const std::vector<OutcomeDecision>& outcomes, Date on,
                      OutcomeEffects* effects, std::string_view reason);
  // Closes a decided lead whose outcomes are all done (kIllegalTransition naming the pending
  // ones otherwise). A follow-up date creates a follow-up task; without one, a lead decided
  // declined gets the default of 90 working days (a refused application's follow-up comes from
  // workflow::on_application_refused).
  Result<Lead> close(const Actor& actor, std::string_view lead_no, int64_t version,
                     std::optional<Date> follow_up_on, std::string_view note, Date on);
  // Opens a closed lead again (back to verifying) with a reason. kIllegalTransition when the
  // household has another open lead.
  Result<Lead> reopen(const Actor& actor, std::string_view lead_no, int64_t version,
                      std::string_view reason);
  // Merges this lead into another open lead (outcome duplicate) on `on` (default today): its
  // sources move over, it is closed. kInvalidArgument when merging into itself or a closed lead.
  Result<Lead> merge(const Actor& actor, std::string_view lead_no, int64_t version,
                     std::string_view into_lead_no, std::string_view reason,
                     std::optional<Date> on = std::nullopt);
  // Links an unidentified subject to a household an officer confirmed; when that household has
  // another open lead, this lead is merged into it.
  Result<Lead> identify(const Actor& actor, std::string_view lead_no, int64_t version,
                        int64_t household_id);

  // Raises an open lead's level (its warning escalated): the deadlines of the new level from
  // `on` replace later ones, and the township's officers are notified. Returns false when the
  // lead is closed or already at that level or higher. A system action: no version check.
  Result<bool> raise_level(const Actor& actor, int64_t lead_id, WarningLevel level, Date on);

  // Marks the pending outcome of `lead_id` done (an application arrived, a referral was
  // answered, a payment recorded …). Returns false when no such outcome was pending. Runs inside
  // the caller's transaction when there is one.
  Result<bool> complete_outcome(const Actor& actor, int64_t lead_id, LeadOutcome outcome,
                                std::string_view reference, Date on);

  Result<std::optional<Lead>> find(std::string_view lead_no);
  Result<std::optional<Lead>> find_by_id(int64_t lead_id);
  // The household's open lead, if any.
  Result<std::optional<Lead>> open_lead_of(int64_t household_id);
  // Newest first (created_on, then id).
  Result<std::vector<Lead>> list(const LeadQuery& query);
  Result<int64_t> count(const LeadQuery& query);
  Result<std::vector<LeadEvent>> history(int64_t lead_id);
  Result<std::vector<VerificationRecord>> verifications(int64_t lead_id);
  // Candidates for an unidentified subject: persons with the same name in the village or
  // township, or the same phone anywhere; strongest matches first, at most 20.
  Result<std::vector<SubjectCandidate>> candidates(std::string_view lead_no);

  Database& database() { return db_; }
  const Clock& clock() const { return clock_; }
  const WorkCalendar& calendar() const { return calendar_; }
  const DeadlinePolicy& policy() const { return policy_; }

 private:
  // Runs one action on a lead in a transaction: checks the version and the state machine, lets
  // `change` edit the lead (and write what else it must), saves the lead with a new version and
  // records the change. Returns the lead as stored afterwards.
  template <typename Change>
  Result<Lead> act(const Actor& actor, std::string_view lead_no, int64_t version, LeadAction action,
                   Date on, std::string_view reason, Change&& change);
  Result<void> finish_close(const Actor& actor, Lead& lead, std::optional<Date> follow_up_on,
                            Date on);
  // Adds the report to the household's open lead (intake's deduplication).
  Result<IntakeResult> attach(const Actor& actor, Lead lead, const IntakeRequest& request);

  // The lead-number prefix, read once per service (it needs an ICU transliterator).
  Result<std::string> number_prefix();

  Database& db_;
  const Clock& clock_;
  const WorkCalendar& calendar_;
  DeadlinePolicy policy_;
  std::optional<std::string> prefix_;
};

}  // namespace faxian::workflow
