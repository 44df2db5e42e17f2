#include "workflow/deadline_sweep.hpp"

#include <fmt/format.h>

#include "workflow/assistance/application_repository.hpp"
#include "workflow/casework/coordination_service.hpp"
#include "workflow/casework/hotline_service.hpp"
#include "workflow/casework/referral_service.hpp"
#include "workflow/leads/lead_service.hpp"
#include "workflow/leads/notification_repository.hpp"

namespace faxian::workflow {
namespace {

std::string overdue_step(const Lead& lead, Date on) {
  if (!lead.first_contact_on && lead.first_contact_due && *lead.first_contact_due < on)
    return fmt::format("首次联系（时限 {}）", lead.first_contact_due->iso());
  return fmt::format("核实（时限 {}）", lead.verification_due->iso());
}

Result<int64_t> notify_township(NotificationRepository& notifications, std::string_view kind,
                                const std::string& township, std::string_view subject_type,
                                int64_t subject_id, std::string message, Date on) {
  Notification notice;
  notice.kind = std::string(kind);
  notice.region_code = township;
  notice.role = "township_officer";
  notice.subject_type = std::string(subject_type);
  notice.subject_id = subject_id;
  notice.message = std::move(message);
  notice.on_date = on;
  bool stored = false;
  FAXIAN_TRY_ASSIGN(stored, notifications.notify(notice));
  return stored ? 1 : 0;
}

Result<void> sweep_leads(LeadService& leads, NotificationRepository& notifications, Date on,
                         SweepCounts& counts) {
  LeadQuery query;
  query.overdue_on = on;
  query.limit = 500;
  while (true) {
    std::vector<Lead> page;
    FAXIAN_TRY_ASSIGN(page, leads.list(query));
    for (const Lead& lead : page) {
      ++counts.overdue_leads;
      int64_t stored = 0;
      FAXIAN_TRY_ASSIGN(stored, notify_township(notifications, "lead_overdue", lead.township_code,
                                                "lead", lead.id,
                                                fmt::format("线索 {} 已超过{}，请督促办理",
                                                            lead.lead_no, overdue_step(lead, on)),
                                                on));
      counts.notices += stored;
    }
    if (page.size() < static_cast<size_t>(query.limit))
      return ok();
    query.offset += query.limit;
  }
}

Result<void> sweep_applications(Database& db, const Clock& clock,
                                NotificationRepository& notifications, Date on,
                                SweepCounts& counts) {
  ApplicationRepository applications(db, clock);
  ApplicationQuery query;
  query.overdue_on = on;
  query.limit = 100000;
  std::vector<Application> overdue;
  FAXIAN_TRY_ASSIGN(overdue, applications.list(query));
  for (const Application& application : overdue) {
    ++counts.overdue_applications;
    int64_t stored = 0;
    FAXIAN_TRY_ASSIGN(
        stored,
        notify_township(notifications, "application_overdue", application.township_code,
                        "application", application.id,
                        fmt::format("救助申请 {} 已超过办理时限 {}", application.application_no,
                                    application.process_due ? application.process_due->iso()
                                                            : std::string("-")),
                        on));
    counts.notices += stored;
  }
  return ok();
}

Result<void> sweep_calendar(Database& db, const WorkCalendar& calendar, const Clock& clock, Date on,
                            SweepCounts& counts) {
  if (!calendar.next_year_missing(on))
    return ok();
  counts.calendar_missing = true;
  NotificationRepository notifications(db, clock);
  Notification notice;
  notice.kind = "calendar_missing";
  notice.role = "county_admin";
  notice.subject_type = "calendar";
  notice.subject_id = on.year() + 1;
  notice.message = fmt::format(
      "尚未加载 {} 年工作日历：跨入该年的办理时限将显示为“未知”，请在国务院公布放假安排后加载",
      on.year() + 1);
  notice.on_date = on;
  bool stored = false;
  FAXIAN_TRY_ASSIGN(stored, notifications.notify(notice));
  counts.notices += stored ? 1 : 0;
  return ok();
}

}  // namespace

Result<SweepCounts> run_deadline_sweep(Database& db, const Clock& clock,
                                       const WorkCalendar& calendar, const DeadlinePolicy& policy,
                                       Date on) {
  return in_transaction(db, [&]() -> Result<SweepCounts> {
    SweepCounts counts;
    NotificationRepository notifications(db, clock);
    LeadService leads(db, clock, calendar, policy);
    FAXIAN_TRY(sweep_leads(leads, notifications, on, counts));
    FAXIAN_TRY(sweep_applications(db, clock, notifications, on, counts));
    int64_t stored = 0;
    FAXIAN_TRY_ASSIGN(
        stored, ReferralService(db, clock, calendar, policy).escalate_overdue(Actor::system(), on));
    counts.notices += stored;
    FAXIAN_TRY_ASSIGN(stored, CoordinationService(db, clock, calendar, policy).notify_overdue(on));
    counts.notices += stored;
    FAXIAN_TRY_ASSIGN(stored,
                      HotlineService(db, clock, calendar, policy).notify_overdue_callbacks(on));
    counts.notices += stored;
    FAXIAN_TRY(sweep_calendar(db, calendar, clock, on, counts));
    return counts;
  });
}

}  // namespace faxian::workflow
