// Every supervision figure on one small hand-built dataset (rows written with SQL so that every
// date is known), with the expected values worked out by hand in the comments, and the region
// prefix applied inside each query.
//
// The period is June–July 2026, deadlines are judged on 2026-07-20. Township A 500241001
// (villages A1 …001, A2 …002), township B 500241101 (village B1 …200).
//
// Need warnings: W1 A1 red 06-05, W2 A2 orange 06-20, W3 B1 yellow 07-02, W4 A1 red 05-20
// (before the period), W5 B1 review (not a need), W6 A1 red 06-06.
// Leads (created, deadlines first contact / verification, done dates):
//   L1 A1 red     06-05  due 06-08/06-10  contact 06-05 verified 06-09 (difficulty) closed
//                        06-20; emergency_aid done 06-10; warning W1; source data_warning
//   L2 A2 orange  06-20  due 06-25/07-01  contact 06-29 (late) verified 06-30 (no difficulty);
//                        no_need done; warning W2; data_warning
//   L3 B1 yellow  07-01  due 07-10/07-22  no contact (overdue); hotline
//   L4 B1 red     07-02  due 07-03/07-07  contact 07-03, not verified (overdue); referral
//                        pending; sources data_warning (reference = W3's id) and hotline
//   L5 A (no village) yellow 07-15 due 07-24/08-05; self_report
//   L6 A1 red     06-06  merged into L1; warning W6; campaign
//   L7 A2 yellow  05-10  closed 06-15; visit
//   L8 B1 orange  07-10  deadlines unknown (calendar missing); referral
//   L9 A2 yellow  04-01  due 04-10/04-22, no contact, assigned (overdue, before the period)

#include "workflow/supervision/supervision_report.hpp"

#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/clock.hpp"
#include "store/migrations/migrations.hpp"
#include "store/query.hpp"
#include "store/testing/store_test_support.hpp"

namespace faxian::workflow {
namespace {

Date day(std::string_view iso) {
  return Date::parse_iso(iso).value();
}

constexpr std::string_view kA1 = "500241001001";
constexpr std::string_view kA2 = "500241001002";
constexpr std::string_view kB1 = "500241101200";

std::string quoted(std::optional<std::string_view> value) {
  return value ? fmt::format("'{}'", *value) : "NULL";
}

struct LeadRow {
  std::string_view no;
  std::string_view township;
  std::optional<std::string_view> village;
  std::string_view level;
  std::string_view status;
  std::string_view created;
  std::optional<std::string_view> first_contact_due;
  std::optional<std::string_view> verification_due;
  std::optional<std::string_view> first_contact_on{};
  std::optional<std::string_view> verified_on{};
  std::optional<std::string_view> closed_on{};
  std::optional<int64_t> merged_into{};
  std::optional<int64_t> warning_id{};
};

class SupervisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test_db_ = faxian::testing_support::create_test_database();
    ASSERT_NE(test_db_, nullptr);
    auto migrated = migrate(db(), clock_.now_unix());
    ASSERT_TRUE(migrated.has_value()) << migrated.error().to_string();
    auto calendar = load_calendar_dir("data/calendar");
    ASSERT_TRUE(calendar.has_value()) << calendar.error().to_string();
    calendar_ = std::move(*calendar);
    seed_regions();
    seed_warnings();
    seed_leads();
    seed_campaigns();
    seed_tasks();
  }

  Database& db() { return test_db_->db(); }

  void run(const std::string& sql) {
    auto done = db().run(sql);
    ASSERT_TRUE(done.has_value()) << done.error().to_string() << "\n" << sql;
  }

  int64_t last_id() { return db().last_insert_id(); }

  void seed_regions() {
    run("INSERT INTO regions (code, name, level, parent_code, urban_rural_code) VALUES "
        "('500241', '秀山县', 'county', NULL, ''), "
        "('500241001', '中和街道', 'township', '500241', ''), "
        "('500241001001', '东风社区', 'village', '500241001', '111'), "
        "('500241001002', '凤凰社区', 'village', '500241001', '112'), "
        "('500241101', '清溪场镇', 'township', '500241', ''), "
        "('500241101200', '大寨村', 'village', '500241101', '220')");
  }

  int64_t household(std::string_view no, std::string_view village) {
    run(
        fmt::format("INSERT INTO households (household_no, village_code, created_at, updated_at) "
                    "VALUES ('{}', '{}', 0, 0)",
                    no, village));
    return last_id();
  }

  int64_t warning(int64_t household_id, std::string_view kind,
                  std::optional<std::string_view> level, std::string_view first_detected) {
    run(fmt::format(
        "INSERT INTO warnings (household_id, kind, status, score, level, rules, detail, as_of, "
        "first_detected, last_changed, rule_set_version, run_id, created_at, updated_at) VALUES "
        "({}, '{}', 'open', 60, {}, 'R01', '{{}}', '{}', '{}', '{}', 1, 1, 0, 0)",
        household_id, kind, quoted(level), first_detected, first_detected, first_detected));
    return last_id();
  }

  void seed_warnings() {
    run("INSERT INTO screening_runs (as_of, mode, rule_set_version, started_at) "
        "VALUES ('2026-07-01', 'full', 1, 0)");
    h_a1_ = household("HA1", kA1);
    h_a1b_ = household("HA1B", kA1);
    h_a1c_ = household("HA1C", kA1);
    h_a2_ = household("HA2", kA2);
    h_b1_ = household("HB1", kB1);
    h_b2_ = household("HB2", kB1);
    w1_ = warning(h_a1_, "need", "red", "2026-06-05");
    w2_ = warning(h_a2_, "need", "orange", "2026-06-20");
    w3_ = warning(h_b1_, "need", "yellow", "2026-07-02");
    warning(h_a1b_, "need", "red", "2026-05-20");
    warning(h_b2_, "review", std::nullopt, "2026-06-10");
    w6_ = warning(h_a1c_, "need", "red", "2026-06-06");
  }

  int64_t lead(const LeadRow& row) {
    run(fmt::format(
        "INSERT INTO leads (lead_no, subject_name, township_code, village_code, level, status, "
        "warning_id, created_on, first_contact_due, verification_due, first_contact_on, "
        "verified_on, closed_on, merged_into, created_at, updated_at) VALUES ('{}', '某人', '{}', "
        "{}, '{}', '{}', {}, '{}', {}, {}, {}, {}, {}, {}, 0, 0)",
        row.no, row.township, quoted(row.village), row.level, row.status,
        row.warning_id ? std::to_string(*row.warning_id) : "NULL", row.created,
        quoted(row.first_contact_due), quoted(row.verification_due), quoted(row.first_contact_on),
        quoted(row.verified_on), quoted(row.closed_on),
        row.merged_into ? std::to_string(*row.merged_into) : "NULL"));
    return last_id();
  }

  void source(int64_t lead_id, std::string_view source, std::string_view reference = "") {
    run(
        fmt::format("INSERT INTO lead_sources (lead_id, source, reference, level, reported_on, "
                    "actor, at) VALUES ({}, '{}', '{}', 'yellow', '2026-06-01', 'test', 0)",
                    lead_id, source, reference));
  }

  void verification(int64_t lead_id, std::string_view on, bool difficulty) {
    run(
        fmt::format("INSERT INTO lead_verifications (lead_id, visited_on, method, willingness, "
                    "ability, policy_explained, difficulty_found, recorded_by, at) VALUES "
                    "({}, '{}', 'home_visit', 'yes', 'able', 1, {}, 'test', 0)",
                    lead_id, on, difficulty ? 1 : 0));
  }

  void outcome(int64_t lead_id, std::string_view outcome, std::string_view state,
               std::optional<std::string_view> done_on) {
    run(
        fmt::format("INSERT INTO lead_outcomes (lead_id, outcome, state, decided_on, done_on, at) "
                    "VALUES ({}, '{}', '{}', '2026-06-01', {}, 0)",
                    lead_id, outcome, state, quoted(done_on)));
  }

  void seed_leads() {
    const std::string_view kA = "500241001", kB = "500241101";
    l1_ = lead({"L1", kA, kA1, "red", "closed", "2026-06-05", "2026-06-08", "2026-06-10",
                "2026-06-05", "2026-06-09", "2026-06-20", std::nullopt, w1_});
    source(l1_, "data_warning", std::to_string(w1_));
    verification(l1_, "2026-06-09", true);
    outcome(l1_, "emergency_aid", "done", "2026-06-10");
    const int64_t l2 =
        lead({"L2", kA, kA2, "orange", "decided", "2026-06-20", "2026-06-25", "2026-07-01",
              "2026-06-29", "2026-06-30", std::nullopt, std::nullopt, w2_});
    source(l2, "data_warning", std::to_string(w2_));
    verification(l2, "2026-06-30", false);
    outcome(l2, "no_need", "done", "2026-06-30");
    const int64_t l3 =
        lead({"L3", kB, kB1, "yellow", "new", "2026-07-01", "2026-07-10", "2026-07-22"});
    source(l3, "hotline");
    l4_ = lead({"L4", kB, kB1, "red", "verifying", "2026-07-02", "2026-07-03", "2026-07-07",
                "2026-07-03"});
    source(l4_, "data_warning", std::to_string(w3_));
    source(l4_, "hotline");
    outcome(l4_, "referral", "pending", std::nullopt);
    const int64_t l5 =
        lead({"L5", kA, std::nullopt, "yellow", "new", "2026-07-15", "2026-07-24", "2026-08-05"});
    source(l5, "self_report");
    const int64_t l6 = lead({"L6", kA, kA1, "red", "closed", "2026-06-06", "2026-06-07",
                             "2026-06-09", std::nullopt, std::nullopt, "2026-06-07", l1_, w6_});
    source(l6, "campaign");
    const int64_t l7 = lead({"L7", kA, kA2, "yellow", "closed", "2026-05-10", "2026-05-19",
                             "2026-05-29", "2026-05-12", "2026-05-20", "2026-06-15"});
    source(l7, "visit");
    const int64_t l8 =
        lead({"L8", kB, kB1, "orange", "assigned", "2026-07-10", std::nullopt, std::nullopt});
    source(l8, "referral");
    const int64_t l9 =
        lead({"L9", kA, kA2, "yellow", "assigned", "2026-04-01", "2026-04-10", "2026-04-22"});
    source(l9, "self_report");
  }

  int64_t task(std::string_view kind, int64_t household_id, std::optional<int64_t> campaign_id,
               std::string_view township, std::string_view village, std::string_view due,
               std::string_view status) {
    run(fmt::format(
        "INSERT INTO tasks (kind, household_id, campaign_id, township_code, village_code, title, "
        "due_on, status, created_on, created_by, created_at, updated_at) VALUES ('{}', {}, {}, "
        "'{}', '{}', '任务', '{}', '{}', '2026-06-01', 'test', 0, 0)",
        kind, household_id, campaign_id ? std::to_string(*campaign_id) : "NULL", township, village,
        due, status));
    return last_id();
  }

  void target(int64_t campaign_id, int64_t household_id, std::string_view village,
              std::string_view township, std::string_view task_status) {
    const int64_t task_id = task("campaign_visit", household_id, campaign_id, township, village,
                                 "2026-07-15", task_status);
    run(
        fmt::format("INSERT INTO campaign_targets (campaign_id, household_id, village_code, "
                    "township_code, task_id, low_income, open_warning, disaster) VALUES "
                    "({}, {}, '{}', '{}', {}, 1, 0, 0)",
                    campaign_id, household_id, village, township, task_id));
  }

  void campaign_visit(int64_t campaign_id, int64_t household_id, std::string_view village,
                      std::string_view township, std::string_view on,
                      std::optional<int64_t> lead_id) {
    run(
        fmt::format("INSERT INTO visits (household_id, village_code, township_code, visited_on, "
                    "campaign_id, visitor, difficulty_found, lead_id, created_at) VALUES "
                    "({}, '{}', '{}', '{}', {}, 'coord', {}, {}, 0)",
                    household_id, village, township, on, campaign_id, lead_id ? 1 : 0,
                    lead_id ? std::to_string(*lead_id) : "NULL"));
  }

  int64_t campaign(std::string_view name, std::string_view starts, std::string_view ends,
                   std::vector<std::string_view> villages) {
    run(
        fmt::format("INSERT INTO campaigns (name, event_type, starts_on, ends_on, status, "
                    "created_by, created_on, created_at, updated_at) VALUES ('{}', 'flood', '{}', "
                    "'{}', 'open', 'county', '{}', 0, 0)",
                    name, starts, ends, starts));
    const int64_t id = last_id();
    for (std::string_view village : villages)
      run(fmt::format("INSERT INTO campaign_villages (campaign_id, village_code) VALUES ({}, '{}')",
                      id, village));
    return id;
  }

  // C1 (07-01…07-15, villages A1 and B1): HA1 visited with a lead, HB1 visited, HA1B not visited
  // (its task open and overdue). C2 (March, outside the period).
  void seed_campaigns() {
    c1_ = campaign("七月洪涝排查", "2026-07-01", "2026-07-15", {kA1, kB1});
    target(c1_, h_a1_, kA1, "500241001", "done");
    target(c1_, h_a1b_, kA1, "500241001", "open");
    target(c1_, h_b1_, kB1, "500241101", "done");
    campaign_visit(c1_, h_a1_, kA1, "500241001", "2026-07-10", l4_);
    campaign_visit(c1_, h_b1_, kB1, "500241101", "2026-07-12", std::nullopt);
    const int64_t c2 = campaign("三月排查", "2026-03-01", "2026-03-10", {kA2});
    target(c2, h_a2_, kA2, "500241001", "done");
  }

  // Besides the campaign tasks: an open follow-up in B1 due 07-01 (overdue), one due 07-25 (not
  // yet), a done one due 07-01 (not overdue).
  void seed_tasks() {
    follow_up_ = task("follow_up", h_b2_, std::nullopt, "500241101", kB1, "2026-07-01", "open");
    task("follow_up", h_b1_, std::nullopt, "500241101", kB1, "2026-07-25", "open");
    task("follow_up", h_a2_, std::nullopt, "500241001", kA2, "2026-07-01", "done");
  }

  SupervisionQuery query(std::string_view prefix = "500241") {
    return SupervisionQuery{.region_prefix = std::string(prefix),
                            .from = day("2026-06-01"),
                            .to = day("2026-07-31"),
                            .as_of = day("2026-07-20")};
  }

  FixedClock clock_ = FixedClock::at(day("2026-07-20"));
  WorkCalendar calendar_;
  std::unique_ptr<faxian::testing_support::TestDatabase> test_db_;
  int64_t h_a1_ = 0, h_a1b_ = 0, h_a1c_ = 0, h_a2_ = 0, h_b1_ = 0, h_b2_ = 0;
  int64_t w1_ = 0, w2_ = 0, w3_ = 0, w6_ = 0;
  int64_t l1_ = 0, l4_ = 0, c1_ = 0, follow_up_ = 0;
};

std::vector<int64_t> counts_of(const std::vector<KeyCount>& rows) {
  std::vector<int64_t> counts;
  for (const KeyCount& row : rows)
    counts.push_back(row.count);
  return counts;
}

TEST_F(SupervisionTest, WarningsAndLeadsByLevelSourceAndTownship) {
  auto volume = volume_breakdown(db(), query());
  ASSERT_TRUE(volume.has_value()) << volume.error().to_string();
  // W1, W2, W3, W6 (W4 before the period, W5 a review warning).
  EXPECT_EQ(volume->warnings, 4);
  EXPECT_EQ(counts_of(volume->warnings_by_level), (std::vector<int64_t>{2, 1, 1}));
  EXPECT_EQ(volume->warnings_by_level[0].key, "red");
  ASSERT_EQ(volume->warnings_by_township.size(), 2u);
  EXPECT_EQ(volume->warnings_by_township[0], (TownshipLevels{"500241001", "中和街道", 2, 1, 0, 3}));
  EXPECT_EQ(volume->warnings_by_township[1], (TownshipLevels{"500241101", "清溪场镇", 0, 0, 1, 1}));
  // L1 L2 L3 L4 L5 L8 (L6 merged, L7 and L9 before the period).
  EXPECT_EQ(volume->leads, 6);
  EXPECT_EQ(counts_of(volume->leads_by_level), (std::vector<int64_t>{2, 2, 2}));
  ASSERT_EQ(volume->leads_by_township.size(), 2u);
  EXPECT_EQ(volume->leads_by_township[0], (TownshipLevels{"500241001", "中和街道", 1, 1, 1, 3}));
  EXPECT_EQ(volume->leads_by_township[1], (TownshipLevels{"500241101", "清溪场镇", 1, 1, 1, 3}));
  // data_warning L1 L2 L4; visit —; campaign — (L6 merged); hotline L3 L4; social_report —;
  // referral L8; self_report L5; superior —.
  EXPECT_EQ(counts_of(volume->leads_by_source), (std::vector<int64_t>{3, 0, 0, 2, 0, 1, 1, 0}));
  EXPECT_EQ(volume->leads_by_source[3].key, "hotline");
  EXPECT_EQ(volume->leads_by_source[3].label, "热线");
}

TEST_F(SupervisionTest, OnTimeRatePerTownship) {
  auto rates = on_time_rates(db(), query());
  ASSERT_TRUE(rates.has_value()) << rates.error().to_string();
  ASSERT_EQ(rates->townships.size(), 2u);
  // A: L1 contact on time, verified on time; L2 contact late, verified on time; L5 not yet due.
  const OnTimeRow& a = rates->townships[0];
  EXPECT_EQ(a.township_code, "500241001");
  EXPECT_EQ(a.first_contact_judged, 2);
  EXPECT_EQ(a.first_contact_on_time, 1);
  EXPECT_EQ(a.verification_judged, 2);
  EXPECT_EQ(a.verification_on_time, 2);
  EXPECT_EQ(a.first_contact_rate, 50.0);
  EXPECT_EQ(a.verification_rate, 100.0);
  EXPECT_EQ(a.rate, 75.0);
  // B: L3 contact overdue (late), verification not yet due; L4 contact on time, verification
  // overdue (late); L8 deadlines unknown.
  const OnTimeRow& b = rates->townships[1];
  EXPECT_EQ(b.first_contact_judged, 2);
  EXPECT_EQ(b.first_contact_on_time, 1);
  EXPECT_EQ(b.verification_judged, 1);
  EXPECT_EQ(b.verification_on_time, 0);
  EXPECT_EQ(b.verification_rate, 0.0);
  EXPECT_EQ(b.rate, 33.3);
  EXPECT_EQ(rates->total.first_contact_rate, 50.0);
  EXPECT_EQ(rates->total.verification_rate, 66.7);
  EXPECT_EQ(rates->total.rate, 57.1);

  auto village = on_time_rates(db(), query(kA1));  // L1 only (L5 has no village)
  ASSERT_TRUE(village.has_value());
  EXPECT_EQ(village->total.rate, 100.0);
  EXPECT_EQ(village->total.first_contact_judged, 1);

  SupervisionQuery early = query();
  early.as_of = day("2026-07-05");  // L3's contact and L4's verification not yet due
  auto before = on_time_rates(db(), early);
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->townships[1].first_contact_judged, 1);
  EXPECT_EQ(before->townships[1].verification_judged, 0);
  EXPECT_FALSE(before->townships[1].verification_rate.has_value());
}

TEST_F(SupervisionTest, FunnelFromWarningToAssistance) {
  auto funnel = discovery_funnel(db(), query());
  ASSERT_TRUE(funnel.has_value()) << funnel.error().to_string();
  // W1 → L1 (verified with difficulty, emergency aid done); W2 → L2 (no difficulty);
  // W3 → L4 through its data_warning source (not verified, referral pending);
  // W6 → L6, merged into L1 (followed to L1).
  EXPECT_EQ(funnel->warnings, (WarningFunnel{4, 4, 2, 2}));
  // L1 L2 L3 L4 L5 L8: verified need L1; assistance L1 (L2 no_need, L4 pending).
  EXPECT_EQ(funnel->leads, (LeadFunnel{6, 1, 1}));

  auto in_b = discovery_funnel(db(), query("500241101"));
  ASSERT_TRUE(in_b.has_value());
  EXPECT_EQ(in_b->warnings, (WarningFunnel{1, 1, 0, 0}));
  EXPECT_EQ(in_b->leads, (LeadFunnel{3, 0, 0}));

  SupervisionQuery early = query();
  early.as_of = day("2026-06-09");  // verified that day, aid done the next
  auto before = discovery_funnel(db(), early);
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->leads, (LeadFunnel{6, 1, 0}));
}

TEST_F(SupervisionTest, MedianTimeToFirstContact) {
  auto times = first_contact_times(db(), calendar_, query());
  ASSERT_TRUE(times.has_value()) << times.error().to_string();
  // L1 0 days (0 working), L2 9 days (6 working: 06-21 is a holiday, 06-27/28 a weekend),
  // L4 1 day (1 working). L3, L5, L8 not contacted; L6 merged.
  EXPECT_EQ(times->total.contacted, 3);
  EXPECT_EQ(times->total.median_calendar_days, 1.0);
  EXPECT_EQ(times->total.working_days_known, 3);
  EXPECT_EQ(times->total.median_working_days, 1.0);
  ASSERT_EQ(times->townships.size(), 2u);
  EXPECT_EQ(times->townships[0].median_calendar_days, 4.5);
  EXPECT_EQ(times->townships[0].median_working_days, 3.0);
  EXPECT_EQ(times->townships[1].median_calendar_days, 1.0);

  WorkCalendar no_2026;
  no_2026.add_year(calendar_.year_data(2025).value());
  auto unknown = first_contact_times(db(), no_2026, query());
  ASSERT_TRUE(unknown.has_value());
  // Only L1's same-day contact needs no calendar (an empty interval); L2 and L4 are left out.
  EXPECT_EQ(unknown->total.contacted, 3);
  EXPECT_EQ(unknown->total.working_days_known, 1);
  EXPECT_EQ(unknown->total.median_working_days, 0.0);
  EXPECT_EQ(unknown->total.median_calendar_days, 1.0);
  EXPECT_EQ(unknown->townships[1].working_days_known, 0);
  EXPECT_FALSE(unknown->townships[1].median_working_days.has_value());

  EXPECT_EQ(median({}), std::nullopt);
  EXPECT_EQ(median({5, 1, 3, 2}), 2.5);
}

TEST_F(SupervisionTest, CampaignsProgress) {
  auto campaigns = campaign_overview(db(), query());
  ASSERT_TRUE(campaigns.has_value()) << campaigns.error().to_string();
  ASSERT_EQ(campaigns->size(), 1u);  // C2 is outside the period
  const CampaignSummary& c1 = campaigns->front();
  EXPECT_EQ(c1.campaign_id, c1_);
  EXPECT_EQ(c1.tasks, 3);
  EXPECT_EQ(c1.visited, 2);
  EXPECT_EQ(c1.visited_percent, 66.7);
  EXPECT_EQ(c1.leads_found, 1);
  EXPECT_EQ(c1.overdue_tasks, 1);

  auto in_b = campaign_overview(db(), query("500241101"));
  ASSERT_TRUE(in_b.has_value());
  ASSERT_EQ(in_b->size(), 1u);
  EXPECT_EQ(in_b->front().tasks, 1);
  EXPECT_EQ(in_b->front().visited, 1);
  EXPECT_EQ(in_b->front().visited_percent, 100.0);
  EXPECT_EQ(in_b->front().leads_found, 0);
  EXPECT_EQ(in_b->front().overdue_tasks, 0);

  auto in_a2 = campaign_overview(db(), query(kA2));
  ASSERT_TRUE(in_a2.has_value());
  EXPECT_TRUE(in_a2->empty());
}

TEST_F(SupervisionTest, OverdueLeadsAndTasks) {
  auto overdue = overdue_list(db(), calendar_, query());
  ASSERT_TRUE(overdue.has_value()) << overdue.error().to_string();
  ASSERT_EQ(overdue->leads.size(), 3u);
  EXPECT_EQ(overdue->leads[0].lead_no, "L9");  // before the period, still overdue
  EXPECT_EQ(overdue->leads[0].step, "first_contact");
  EXPECT_EQ(overdue->leads[0].days_overdue, 101);
  EXPECT_EQ(overdue->leads[0].working_days_overdue, 68);
  EXPECT_EQ(overdue->leads[1].lead_no, "L4");
  EXPECT_EQ(overdue->leads[1].step, "verification");
  EXPECT_EQ(overdue->leads[1].due_on, day("2026-07-07"));
  EXPECT_EQ(overdue->leads[1].days_overdue, 13);
  EXPECT_EQ(overdue->leads[1].working_days_overdue, 9);
  EXPECT_EQ(overdue->leads[2].lead_no, "L3");
  EXPECT_EQ(overdue->leads[2].step, "first_contact");
  EXPECT_EQ(overdue->leads[2].working_days_overdue, 6);
  ASSERT_EQ(overdue->tasks.size(), 2u);
  EXPECT_EQ(overdue->tasks[0].task_id, follow_up_);
  EXPECT_EQ(overdue->tasks[0].days_overdue, 19);
  EXPECT_EQ(overdue->tasks[0].working_days_overdue, 13);
  EXPECT_EQ(overdue->tasks[1].kind, "campaign_visit");
  EXPECT_EQ(overdue->tasks[1].campaign_id, c1_);
  EXPECT_EQ(overdue->tasks[1].days_overdue, 5);
  // Against township A: L9 and the campaign task; against B: L3, L4 and the follow-up.
  EXPECT_EQ(overdue->townships, (std::vector<TownshipOverdue>{{"500241001", "中和街道", 1, 1},
                                                              {"500241101", "清溪场镇", 2, 1}}));

  auto in_a = overdue_list(db(), calendar_, query("500241001"));
  ASSERT_TRUE(in_a.has_value());
  ASSERT_EQ(in_a->leads.size(), 1u);
  EXPECT_EQ(in_a->leads[0].lead_no, "L9");
  ASSERT_EQ(in_a->tasks.size(), 1u);
  EXPECT_EQ(in_a->tasks[0].village_code, kA1);
  ASSERT_EQ(in_a->townships.size(), 1u);
  auto limited = overdue_list(db(), calendar_, query(), 1);
  ASSERT_TRUE(limited.has_value());
  EXPECT_EQ(limited->leads.size(), 1u);
  EXPECT_EQ(limited->townships.size(), 2u);  // the counts ignore the limit
  EXPECT_EQ(limited->townships[1].leads, 2);
}

TEST_F(SupervisionTest, TrendOverMonths) {
  auto trend = monthly_trend(db(), query());
  ASSERT_TRUE(trend.has_value()) << trend.error().to_string();
  ASSERT_EQ(trend->size(), 2u);
  // June: warnings W1 W2 W6, created L1 L2, closed L1 (06-20) and L7 (06-15; L6 is merged).
  EXPECT_EQ(trend->at(0), (MonthCounts{Month::from_ym(2026, 6).value(), 3, 2, 2}));
  // July: W3; L3 L4 L5 L8.
  EXPECT_EQ(trend->at(1), (MonthCounts{Month::from_ym(2026, 7).value(), 1, 4, 0}));

  SupervisionQuery spring = query("500241101");
  spring.from = day("2026-04-15");
  auto in_b = monthly_trend(db(), spring);
  ASSERT_TRUE(in_b.has_value());
  ASSERT_EQ(in_b->size(), 4u);  // April to July, empty months included
  EXPECT_EQ(in_b->at(0), (MonthCounts{Month::from_ym(2026, 4).value(), 0, 0, 0}));
  EXPECT_EQ(in_b->at(3), (MonthCounts{Month::from_ym(2026, 7).value(), 1, 3, 0}));
}

TEST_F(SupervisionTest, TheWholeReportAndItsChecks) {
  auto report = supervision_report(db(), calendar_, query("500241101"));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_EQ(report->volume.leads, 3);
  EXPECT_EQ(report->funnel.warnings.warnings, 1);
  EXPECT_EQ(report->overdue.leads.size(), 2u);
  EXPECT_EQ(report->trend.size(), 2u);

  EXPECT_EQ(supervision_report(db(), calendar_, query("50024")).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(supervision_report(db(), calendar_, query("500241%")).error().code,
            ErrorCode::kInvalidArgument);
  SupervisionQuery reversed = query();
  reversed.to = day("2026-05-01");
  EXPECT_EQ(volume_breakdown(db(), reversed).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace faxian::workflow
