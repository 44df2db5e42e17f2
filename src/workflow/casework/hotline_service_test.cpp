// Hotline: typed-in and imported tickets, reasonableness required, routing to a township lead
// (identified household or unidentified subject), callback deadlines over the Spring Festival,
// overdue callbacks, callbacks and stale versions.

#include "workflow/casework/hotline_service.hpp"

#include <gtest/gtest.h>

#include "store/batch_repository.hpp"
#include "store/feed_record_repository.hpp"
#include "workflow/casework/casework_test_support.hpp"
#include "workflow/leads/notification_repository.hpp"
#include "workflow/leads/task_repository.hpp"

namespace faxian::workflow::testing_support {
namespace {

LocalDateTime at(std::string_view text) {
  return LocalDateTime::parse_iso(text).value();
}

class HotlineServiceTest : public CaseworkTest {
 protected:
  static CallRecord neighbour_call(std::string_view when = "2026-11-20 09:30:00") {
    CallRecord call;
    call.call_time = at(when);
    call.caller_name = "赵敏";
    call.caller_phone = "13900001111";
    call.subject_name = "孙大爷";
    call.subject_address = "东风社区3组";
    call.village_code = "500241001001";
    call.category = HotlineCategory::kElderly;
    call.content = "邻居孙大爷独居，近来生病无人照料";
    return call;
  }
  static Triage judged(std::string_view routed_on = "2026-11-20") {
    Triage triage;
    triage.category = HotlineCategory::kElderly;
    triage.reasonableness = Reasonableness::kReasonable;
    triage.reason = "高龄独居且患病，诉求属实";
    triage.routed_on = day(routed_on);
    return triage;
  }
  HotlineTicket recorded(const CallRecord& call) {
    auto ticket = hotline().record_call(hotline_operator(), call);
    EXPECT_TRUE(ticket.has_value()) << ticket.error().to_string();
    return ticket.value_or(HotlineTicket{});
  }
  HotlineTicket routed(const HotlineTicket& ticket, const Triage& triage) {
    auto result = hotline().triage(hotline_operator(), ticket.ticket_no, ticket.version, triage);
    EXPECT_TRUE(result.has_value()) << result.error().to_string();
    return result.value_or(HotlineTicket{});
  }
  // Stores one feed_hotline row about the head of household A; returns its id.
  int64_t import_row(const std::string& ticket_no, std::optional<int64_t> person_id) {
    ImportBatch batch;
    batch.feed = FeedKind::kHotline;
    batch.file_name = "12345.xlsx";
    batch.sha256 = "00";
    batch.imported_by = "test";
    auto batch_id = BatchRepository(db()).create(batch);
    EXPECT_TRUE(batch_id.has_value()) << batch_id.error().to_string();
    HotlineRecord record;
    record.ticket_no = ticket_no;
    record.call_time = at("2026-11-19 16:05:00");
    record.caller_name = "王建国";
    record.caller_phone = "13812345678";
    record.category = HotlineCategory::kMedical;
    record.content = "住院费用负担重，申请救助";
    NewRecordMeta meta;
    meta.batch_id = batch_id.value_or(0);
    meta.source_row = 2;
    meta.natural_key = ticket_no;
    meta.content_hash = "hash-" + ticket_no;
    meta.person_id = person_id;
    auto id = FeedRecordRepository<HotlineRecord>(db(), clock_).insert(meta, record);
    EXPECT_TRUE(id.has_value()) << id.error().to_string();
    return id.value_or(0);
  }
};

TEST_P(HotlineServiceTest, ARoutedCallOpensALeadForAnUnidentifiedSubjectAndACallbackTask) {
  const HotlineTicket ticket = recorded(neighbour_call());
  EXPECT_EQ(ticket.ticket_no, "RX20261120-0001");
  EXPECT_EQ(ticket.status, TicketStatus::kReceived);
  EXPECT_EQ(ticket.township_code, "500241001");
  EXPECT_EQ(recorded(neighbour_call("2026-11-20 11:00:00")).ticket_no, "RX20261120-0002");

  const HotlineTicket done = routed(ticket, judged());
  EXPECT_EQ(done.status, TicketStatus::kRouted);
  EXPECT_EQ(done.reasonableness, Reasonableness::kReasonable);
  EXPECT_EQ(done.callback_due, day("2026-11-23"));  // Friday → Monday
  ASSERT_TRUE(done.lead_id.has_value());
  auto lead = leads().find_by_id(*done.lead_id);
  ASSERT_TRUE(lead.has_value() && lead->has_value());
  EXPECT_EQ((*lead)->household_id, std::nullopt);
  EXPECT_EQ((*lead)->subject.name, "孙大爷");
  EXPECT_EQ((*lead)->subject.phone, "");  // the caller's phone is not the subject's
  EXPECT_EQ((*lead)->township_code, "500241001");
  EXPECT_EQ((*lead)->village_code, "500241001001");
  ASSERT_EQ((*lead)->sources.size(), 1u);
  EXPECT_EQ((*lead)->sources[0].source, LeadSource::kHotline);
  EXPECT_EQ((*lead)->sources[0].reference, ticket.ticket_no);

  auto task = TaskRepository(db(), clock_).find(*done.callback_task_id);
  ASSERT_TRUE(task.has_value() && task->has_value());
  EXPECT_EQ((*task)->kind, TaskKind::kCallback);
  EXPECT_EQ((*task)->due_on, day("2026-11-23"));
  EXPECT_EQ((*task)->lead_id, done.lead_id);
  EXPECT_EQ((*task)->township_code, "500241001");
  EXPECT_EQ(audit_actions("hotline_ticket", ticket.ticket_no),
            (std::vector<std::string>{"hotline.receive", "hotline.route"}));
}

TEST_P(HotlineServiceTest, ReasonablenessAndItsReasonAreRequiredBeforeRouting) {
  const HotlineTicket ticket = recorded(neighbour_call());
  Triage unjudged = judged();
  unjudged.reasonableness.reset();
  auto missing = hotline().triage(hotline_operator(), ticket.ticket_no, ticket.version, unjudged);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(missing.error().message.find("合理"), std::string::npos);
  Triage no_reason = judged();
  no_reason.reasonableness = Reasonableness::kUnreasonable;
  no_reason.reason = " ";
  auto unexplained =
      hotline().triage(hotline_operator(), ticket.ticket_no, ticket.version, no_reason);
  ASSERT_FALSE(unexplained.has_value());
  EXPECT_EQ(unexplained.error().code, ErrorCode::kInvalidArgument);
  auto still = hotline().get(ticket.ticket_no);
  EXPECT_EQ(still->status, TicketStatus::kReceived);
  EXPECT_EQ(still->lead_id, std::nullopt);
  auto leads_open = leads().count(LeadQuery{});
  EXPECT_EQ(*leads_open, 0);

  Triage partly = judged();
  partly.reasonableness = Reasonableness::kPartlyReasonable;
  partly.reason = "生活困难属实，要求直接发钱不合规";
  const HotlineTicket done = routed(ticket, partly);
  EXPECT_EQ(done.reasonableness, Reasonableness::kPartlyReasonable);
  EXPECT_EQ(done.reasonableness_reason, "生活困难属实，要求直接发钱不合规");
}

TEST_P(HotlineServiceTest, AnImportedTicketForALinkedPersonReachesTheHouseholdsLead) {
  const int64_t row = import_row("12345-20261119-0007", head_);
  auto received = hotline().receive_from_feed(Actor::system(), row);
  ASSERT_TRUE(received.has_value()) << received.error().to_string();
  EXPECT_EQ(received->ticket_no, "12345-20261119-0007");
  EXPECT_EQ(received->household_id, household_a_);
  EXPECT_EQ(received->township_code, "500241001");
  auto again = hotline().receive_from_feed(Actor::system(), row);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->id, received->id);
  auto batch = hotline().receive_feed(Actor::system());
  ASSERT_TRUE(batch.has_value());
  EXPECT_TRUE(batch->received.empty());

  const Lead existing = open_lead(warning_report(household_a_, WarningLevel::kYellow));
  const HotlineTicket done = routed(*received, judged());
  EXPECT_EQ(done.lead_id, existing.id);             // joined the household's open lead
  EXPECT_EQ(done.callback_due, day("2026-11-20"));  // one working day after the call
  auto lead = leads().find_by_id(existing.id);
  ASSERT_EQ((*lead)->sources.size(), 2u);
  EXPECT_EQ((*lead)->sources[1].reference, "12345-20261119-0007");
}

TEST_P(HotlineServiceTest, ImportedRowsWithoutAPersonWaitForTheOperatorsTownship) {
  import_row("12345-20261119-0008", std::nullopt);
  import_row("12345-20261119-0009", std::nullopt);
  auto batch = hotline().receive_feed(Actor::system());
  ASSERT_TRUE(batch.has_value()) << batch.error().to_string();
  ASSERT_EQ(batch->received.size(), 2u);
  const HotlineTicket& ticket = batch->received[0];
  EXPECT_EQ(ticket.household_id, std::nullopt);
  EXPECT_EQ(ticket.township_code, "");
  auto nowhere = hotline().triage(hotline_operator(), ticket.ticket_no, ticket.version, judged());
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().code, ErrorCode::kInvalidArgument);
  Triage to_township = judged();
  to_township.township_code = "500241101";
  const HotlineTicket done = routed(ticket, to_township);
  auto lead = leads().find_by_id(*done.lead_id);
  EXPECT_EQ((*lead)->township_code, "500241101");
  EXPECT_EQ((*lead)->subject.name, "王建国");
  EXPECT_EQ((*lead)->subject.phone, "13812345678");  // the caller is the subject
  EXPECT_TRUE(hotline().receive_feed(Actor::system())->received.empty());
}

TEST_P(HotlineServiceTest, TheCallbackDeadlineFollowsTheHolidayCalendar) {
  // 2026-02-14 is a Saturday worked in exchange for the Spring Festival (15–23 February).
  const HotlineTicket friday =
      routed(recorded(neighbour_call("2026-02-13 10:00:00")), judged("2026-02-13"));
  EXPECT_EQ(friday.callback_due, day("2026-02-14"));
  const HotlineTicket saturday =
      routed(recorded(neighbour_call("2026-02-14 15:00:00")), judged("2026-02-14"));
  EXPECT_EQ(saturday.callback_due, day("2026-02-24"));

  auto overdue = hotline().overdue_callbacks(day("2026-02-20"));
  ASSERT_TRUE(overdue.has_value());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->front().ticket_no, friday.ticket_no);
  EXPECT_EQ(*hotline().notify_overdue_callbacks(day("2026-02-20")), 1);
  EXPECT_EQ(*hotline().notify_overdue_callbacks(day("2026-02-20")), 0);
  auto notices = NotificationRepository(db(), clock_).list("500241001", std::nullopt, true);
  ASSERT_EQ(notices->size(), 1u);
  EXPECT_EQ(notices->front().kind, "callback_overdue");
  EXPECT_EQ(hotline().overdue_callbacks(day("2026-02-25"))->size(), 2u);
}

TEST_P(HotlineServiceTest, ACallbackThatReachesTheCallerCompletesTheTask) {
  const HotlineTicket ticket = routed(recorded(neighbour_call()), judged());
  auto early = hotline().record_callback(hotline_operator(), ticket.ticket_no, ticket.version - 1,
                                         CallbackRecord{day("2026-11-23"), true, true, "已回访"});
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);

  auto missed = hotline().record_callback(
      officer(), ticket.ticket_no, ticket.version,
      CallbackRecord{day("2026-11-23"), false, std::nullopt, "电话无人接听"});
  ASSERT_TRUE(missed.has_value()) << missed.error().to_string();
  EXPECT_EQ(missed->status, TicketStatus::kRouted);
  EXPECT_EQ(missed->version, ticket.version + 1);
  auto task = TaskRepository(db(), clock_).find(*ticket.callback_task_id);
  EXPECT_EQ((*task)->status, TaskStatus::kOpen);
  EXPECT_EQ(hotline().overdue_callbacks(day("2026-11-24"))->size(), 1u);

  auto other_township =
      hotline().record_callback(Actor::of(other_officer_), ticket.ticket_no, missed->version,
                                CallbackRecord{day("2026-11-24"), true, true, "已告知办理进度"});
  ASSERT_FALSE(other_township.has_value());
  EXPECT_EQ(other_township.error().code, ErrorCode::kIllegalTransition);

  auto reached = hotline().record_callback(
      officer(), ticket.ticket_no, missed->version,
      CallbackRecord{day("2026-11-24"), true, true, "已告知乡镇正在入户核实"});
  ASSERT_TRUE(reached.has_value()) << reached.error().to_string();
  EXPECT_EQ(reached->status, TicketStatus::kCalledBack);
  EXPECT_EQ(reached->called_back_on, day("2026-11-24"));
  task = TaskRepository(db(), clock_).find(*ticket.callback_task_id);
  EXPECT_EQ((*task)->status, TaskStatus::kDone);
  EXPECT_EQ((*task)->done_on, day("2026-11-24"));
  EXPECT_TRUE(hotline().overdue_callbacks(day("2026-11-30"))->empty());
  auto attempts = hotline().callbacks(ticket.ticket_no);
  ASSERT_EQ(attempts->size(), 2u);
  EXPECT_FALSE((*attempts)[0].reached);
  EXPECT_EQ((*attempts)[1].satisfied, true);

  auto again = hotline().record_callback(officer(), ticket.ticket_no, reached->version,
                                         CallbackRecord{day("2026-11-25"), true, true, "再次回访"});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kIllegalTransition);
}

TEST_P(HotlineServiceTest, StaleVersionsAndOtherRolesAreRefused) {
  const HotlineTicket ticket = recorded(neighbour_call());
  auto stale = hotline().triage(hotline_operator(), ticket.ticket_no, ticket.version + 1, judged());
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  auto by_officer = hotline().triage(officer(), ticket.ticket_no, ticket.version, judged());
  ASSERT_FALSE(by_officer.has_value());
  EXPECT_EQ(by_officer.error().code, ErrorCode::kIllegalTransition);
  auto coordinator_call = hotline().record_call(Actor::of(coordinator_), neighbour_call());
  ASSERT_FALSE(coordinator_call.has_value());
  EXPECT_EQ(coordinator_call.error().code, ErrorCode::kIllegalTransition);
  CallRecord empty = neighbour_call();
  empty.content = "";
  EXPECT_EQ(hotline().record_call(hotline_operator(), empty).error().code,
            ErrorCode::kInvalidArgument);
  CallRecord bad_village = neighbour_call();
  bad_village.village_code = "500241999999";
  EXPECT_EQ(hotline().record_call(hotline_operator(), bad_village).error().code,
            ErrorCode::kInvalidArgument);

  const HotlineTicket done = routed(ticket, judged());
  auto twice = hotline().triage(hotline_operator(), ticket.ticket_no, done.version, judged());
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kIllegalTransition);
}

FAXIAN_INSTANTIATE_STORE_TEST(HotlineServiceTest);

}  // namespace
}  // namespace faxian::workflow::testing_support
