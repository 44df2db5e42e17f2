// The one-household timeline (see household_timeline.hpp): one bounded query per source, merged
// newest first (by date, then by when the row was stored).

#include "api/household_timeline.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "common/money.hpp"
#include "domain/feed_enums.hpp"
#include "domain/lead.hpp"
#include "domain/person_enums.hpp"
#include "domain/rule_set.hpp"
#include "store/query.hpp"
#include "workflow/assistance/assistance_enums.hpp"

namespace faxian::api {
namespace {

struct TimelineEntry {
  std::string date;
  int64_t at = 0;  // when the row was stored, to order entries of one date
  std::string kind;
  std::string title;
  std::string detail;
};

std::string text_at(const Statement& s, int column) {
  return s.column_is_null(column) ? std::string() : std::string(s.column_text(column));
}

// The Chinese label of a stored enum key (the key itself when unknown).
template <typename E>
std::string label(const Statement& s, int column) {
  const std::string key = text_at(s, column);
  if (auto value = enum_from_key<E>(key))
    return std::string(enum_label(*value));
  return key;
}

std::string yuan(const Statement& s, int column) {
  return Money::from_fen(s.column_int64(column)).yuan_display() + " 元";
}

// Appends "，" + part when part is not empty.
std::string and_then(std::string text, const std::string& part) {
  return part.empty() ? text : text + "，" + part;
}

using Describe =
    std::function<std::pair<std::string, std::string>(const Statement&, const std::string& name)>;

// A department feed read per member: `columns` start at index 3 for `describe`.
struct FeedSource {
  std::string_view kind;
  std::string_view table;
  std::string_view columns;
  bool sensitive;  // health, disability, income or assets: case-handling roles only
  Describe describe;
};

const std::vector<FeedSource>& feed_sources() {
  static const std::vector<FeedSource> sources = {
      {"medical", "feed_medical",
       "f.settle_kind, f.visit_type, f.total_cost, f.self_paid, f.diagnosis_name, f.hospital", true,
       [](const Statement& s, const std::string& name) {
         std::string title = text_at(s, 3) == "reversal" ? "医疗结算（冲销）" : "医疗结算";
         std::string detail = name + (text_at(s, 8).empty() ? "" : "在" + text_at(s, 8)) +
                              (s.column_is_null(4) ? "" : label<VisitType>(s, 4));
         detail = and_then(detail, "总费用 " + yuan(s, 5) + "，个人自付 " + yuan(s, 6));
         if (!text_at(s, 7).empty())
           detail += "；诊断：" + text_at(s, 7);
         return std::pair{title, detail};
       }},
      {"employment", "feed_employment", "f.event, f.employer", false,
       [](const Statement& s, const std::string& name) {
         return std::pair{"就业：" + label<EmploymentEvent>(s, 3),
                          and_then(name, text_at(s, 4).empty() ? "" : "单位：" + text_at(s, 4))};
       }},
      {"income", "feed_income", "f.month, f.income_type, f.amount", true,
       [](const Statement& s, const std::string& name) {
         return std::pair{std::string("收入记录"), name + " " + text_at(s, 3) + " " +
                                                       label<IncomeType>(s, 4) + " " + yuan(s, 5)};
       }},
      {"disability", "feed_disability", "f.category, f.grade, f.status", true,
       [](const Statement& s, const std::string& name) {
         return std::pair{std::string("残疾认定"),
                          fmt::format("{}：{}{}级（{}）", name, label<DisabilityCategory>(s, 3),
                                      s.column_int64(4), label<RecordStatus>(s, 5))};
       }},
      {"death", "feed_death", "f.name", false,
       [](const Statement&, const std::string& name) {
         return std::pair{std::string("死亡登记"), name};
       }},
      {"disaster", "feed_disaster", "f.disaster_type, f.damage, f.loss", false,
       [](const Statement& s, const std::string& name) {
         return std::pair{"受灾：" + label<DisasterType>(s, 3),
                          and_then(name + "：" + label<DisasterDamage>(s, 4),
                                   s.column_is_null(5) ? "" : "损失 " + yuan(s, 5))};
       }},
      {"poverty_monitoring", "feed_poverty_monitoring", "f.monitor_type, f.risk, f.risk_cleared",
       true,
       [](const Statement& s, const std::string& name) {
         std::string detail = name;
         if (!s.column_is_null(4))
           detail = and_then(detail, "主要风险：" + label<PovertyRisk>(s, 4));
         if (s.column_int64(5) != 0)
           detail = and_then(detail, "风险已消除");
         return std::pair{"防返贫监测：" + label<MonitorType>(s, 3), detail};
       }},
      {"education", "feed_education", "f.stage, f.school_year, f.fees, f.aid", false,
       [](const Statement& s, const std::string& name) {
         std::string detail = fmt::format("{} {} 学年 {}，费用 {}", name, text_at(s, 4),
                                          label<EducationStage>(s, 3), yuan(s, 5));
         if (!s.column_is_null(6))
           detail = and_then(detail, "资助 " + yuan(s, 6));
         return std::pair{std::string("教育支出"), detail};
       }},
      {"assets", "feed_assets", "f.asset_type, f.description, f.value, f.status", true,
       [](const Statement& s, const std::string& name) {
         std::string detail = name + "：" + label<AssetType>(s, 3);
         if (!text_at(s, 4).empty())
           detail += "（" + text_at(s, 4) + "）";
         if (!s.column_is_null(5))
           detail = and_then(detail, "价值 " + yuan(s, 5));
         return std::pair{std::string("财产登记"), and_then(detail, label<RecordStatus>(s, 6))};
       }},
      {"hotline", "feed_hotline", "f.ticket_no, f.category, f.content", false,
       [](const Statement& s, const std::string&) {
         std::string detail = text_at(s, 5);
         if (!s.column_is_null(4))
           detail = label<HotlineCategory>(s, 4) + "：" + detail;
         return std::pair{"热线来电 " + text_at(s, 3), detail};
       }},
      {"application_record", "feed_applications", "f.application_no, f.type, f.result, f.reason",
       false,
       [](const Statement& s, const std::string& name) {
         return std::pair{
             "部门申请记录：" + label<ApplicationType>(s, 4),
             and_then(name + " " + text_at(s, 3) + " " + label<ApplicationResult>(s, 5),
                      text_at(s, 6))};
       }},
      {"registry", "feed_registry", "f.category, f.end_date", false,
       [](const Statement& s, const std::string& name) {
         return std::pair{"救助对象名册：" + label<RegistryCategory>(s, 3),
                          and_then(name, s.column_is_null(4) ? "" : "至 " + text_at(s, 4))};
       }},
  };
  return sources;
}

// Rows of `sql` (household id bound once per `?`) turned into entries by `read`.
Result<void> collect(Database& db, std::string_view sql, int64_t household_id, int parameters,
                     const std::function<TimelineEntry(const Statement&)>& read,
                     std::vector<TimelineEntry>& out) {
  std::vector<TimelineEntry> rows;
  FAXIAN_TRY_ASSIGN(rows,
                    query_rows<TimelineEntry>(
                        db, sql,
                        [&](Statement& s) {
                          for (int i = 1; i <= parameters; ++i)
                            s.bind_int64(i, household_id);
                        },
                        [&](const Statement& s) -> Result<TimelineEntry> { return read(s); }));
  for (TimelineEntry& entry : rows)
    out.push_back(std::move(entry));
  return ok();
}

Result<void> collect_feed(Database& db, const FeedSource& source, int64_t household_id,
                          std::vector<TimelineEntry>& out) {
  const std::string sql = fmt::format(
      // From the household's memberships to each member's rows by (person, date) index:
      // CROSS JOIN fixes that order (an EXISTS over the feed table scanned all of it, 87 s on
      // a county's medical feed).
      "SELECT f.event_date, f.imported_at, p.name, {} FROM memberships m CROSS JOIN {} f CROSS "
      "JOIN persons p WHERE m.household_id = ? AND f.person_id = m.person_id AND m.from_date <= "
      "f.event_date AND (m.to_date IS NULL OR m.to_date >= f.event_date) AND f.superseded_at IS "
      "NULL AND p.id = f.person_id ORDER BY f.event_date DESC, f.id DESC LIMIT {}",
      source.columns, source.table, kMaxPerSource);
  return collect(
      db, sql, household_id, 1,
      [&](const Statement& s) {
        auto [title, detail] = source.describe(s, text_at(s, 2));
        return TimelineEntry{text_at(s, 0), s.column_int64(1), std::string(source.kind),
                             std::move(title), std::move(detail)};
      },
      out);
}

Result<void> collect_population(Database& db, const HouseholdRow& household,
                                std::vector<TimelineEntry>& out) {
  std::vector<TimelineEntry> rows;
  FAXIAN_TRY_ASSIGN(
      rows, query_rows<TimelineEntry>(
                db,
                fmt::format("SELECT event_date, imported_at, name, change_type, relation FROM "
                            "feed_population WHERE household_no = ? AND superseded_at IS NULL "
                            "ORDER BY event_date DESC, id DESC LIMIT {}",
                            kMaxPerSource),
                [&](Statement& s) { s.bind_text(1, household.household_no); },
                [](const Statement& s) -> Result<TimelineEntry> {
                  return TimelineEntry{text_at(s, 0), s.column_int64(1), "population",
                                       "户籍变动：" + label<ChangeType>(s, 3),
                                       text_at(s, 2) + "（" + label<Relation>(s, 4) + "）"};
                }));
  for (TimelineEntry& entry : rows)
    out.push_back(std::move(entry));
  return ok();
}

std::string_view warning_event_title(std::string_view event) {
  if (event == "opened")
    return "风险预警产生";
  if (event == "updated")
    return "风险预警更新";
  if (event == "escalated")
    return "风险预警升级";
  if (event == "cleared")
    return "风险预警解除";
  if (event == "reopened")
    return "风险预警重新产生";
  if (event == "suppressed")
    return "风险预警暂缓（线索已办结）";
  return event;
}

std::string level_label(std::string_view level) {
  if (level == "red")
    return "红色";
  if (level == "orange")
    return "橙色";
  if (level == "yellow")
    return "黄色";
  return "";
}

std::string lead_action_label(std::string_view action) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kLabels = {
      {"intake", "登记"},
      {"assign", "分派"},
      {"start_verification", "开始核实"},
      {"record_verification", "记录核实情况"},
      {"decide", "作出处置决定"},
      {"close", "办结"},
      {"reopen", "重新打开"},
      {"merge", "合并"},
      {"identify", "确认对象"},
      {"add_source", "新增线索来源"},
      {"complete_outcome", "处置完成"},
      {"escalate", "升级"}};
  for (const auto& [key, text] : kLabels) {
    if (key == action)
      return std::string(text);
  }
  return std::string(action);
}

Result<void> collect_workflow(Database& db, int64_t household_id, bool case_details,
                              std::vector<TimelineEntry>& out) {
  const std::string limit = fmt::format(" LIMIT {}", kMaxPerSource);
  FAXIAN_TRY(collect(
      db,
      "SELECT e.as_of, e.at, w.kind, e.event, e.to_level, e.rules, e.from_level FROM "
      "warning_events e JOIN warnings w ON w.id = e.warning_id WHERE w.household_id = ? ORDER BY "
      "e.id DESC" +
          limit,
      household_id, 1,
      [](const Statement& s) {
        std::string detail = text_at(s, 2) == "need" ? "需求预警" : "应退核查预警";
        if (text_at(s, 3) == "escalated")
          detail += "，由" + level_label(text_at(s, 6)) + "升为" + level_label(text_at(s, 4));
        else if (!s.column_is_null(4))
          detail += "，" + level_label(text_at(s, 4));
        if (!text_at(s, 5).empty())
          detail += "，规则 " + text_at(s, 5);
        return TimelineEntry{text_at(s, 0), s.column_int64(1), "warning",
                             std::string(warning_event_title(text_at(s, 3))), detail};
      },
      out));
  FAXIAN_TRY(collect(
      db,
      "SELECT e.on_date, e.at, l.lead_no, e.action, e.to_status, e.reason FROM lead_events e "
      "JOIN leads l ON l.id = e.lead_id WHERE l.household_id = ? ORDER BY e.id DESC" +
          limit,
      household_id, 1,
      [](const Statement& s) {
        std::string detail =
            s.column_is_null(4) ? std::string() : "状态：" + label<LeadStatus>(s, 4);
        return TimelineEntry{text_at(s, 0), s.column_int64(1), "lead",
                             "线索 " + text_at(s, 2) + "：" + lead_action_label(text_at(s, 3)),
                             and_then(detail, text_at(s, 5))};
      },
      out));
  FAXIAN_TRY(collect(
      db,
      "SELECT e.on_date, e.at, a.application_no, e.action, e.to_status, e.reason, a.kind FROM "
      "application_events e JOIN applications a ON a.id = e.application_id WHERE a.household_id "
      "= ? ORDER BY e.id DESC" +
          limit,
      household_id, 1,
      [](const Statement& s) {
        const std::string step =
            s.column_is_null(4) ? text_at(s, 3) : label<ApplicationStatus>(s, 4);
        return TimelineEntry{text_at(s, 0), s.column_int64(1), "application",
                             "救助申请 " + text_at(s, 2) + "：" + step,
                             and_then(label<ApplicationKind>(s, 6), text_at(s, 5))};
      },
      out));
  FAXIAN_TRY(collect(
      db,
      "SELECT visited_on, created_at, visitor, difficulty_found, notes FROM visits WHERE "
      "household_id = ? ORDER BY id DESC" +
          limit,
      household_id, 1,
      [](const Statement& s) {
        std::string detail = "走访人：" + text_at(s, 2) + "，" +
                             (s.column_int64(3) != 0 ? "发现困难" : "未发现困难");
        return TimelineEntry{text_at(s, 0), s.column_int64(1), "visit", "入户走访",
                             and_then(detail, text_at(s, 4))};
      },
      out));
  if (!case_details)
    return ok();
  return collect(
      db,
      "SELECT p.paid_on, p.at, a.application_no, p.amount_fen, p.method FROM payments p JOIN "
      "applications a ON a.id = p.application_id WHERE p.household_id = ? ORDER BY p.id DESC" +
          limit,
      household_id, 1,
      [](const Statement& s) {
        return TimelineEntry{
            text_at(s, 0), s.column_int64(1), "payment", "救助金发放",
            text_at(s, 2) + "：" + yuan(s, 3) + "（" + label<PaymentMethod>(s, 4) + "）"};
      },
      out);
}

}  // namespace

std::vector<std::string_view> timeline_kinds() {
  std::vector<std::string_view> kinds = {"population"};
  for (const FeedSource& source : feed_sources())
    kinds.push_back(source.kind);
  for (std::string_view kind : {"warning", "lead", "application", "visit", "payment"})
    kinds.push_back(kind);
  return kinds;
}

Result<TimelinePage> household_timeline(Database& db, const HouseholdRow& household,
                                        const std::optional<std::string>& kind, bool case_details,
                                        const PageRequest& page) {
  std::vector<TimelineEntry> entries;
  FAXIAN_TRY(collect_population(db, household, entries));
  for (const FeedSource& source : feed_sources()) {
    if (source.sensitive && !case_details)
      continue;
    if (kind && *kind != source.kind)
      continue;
    FAXIAN_TRY(collect_feed(db, source, household.id, entries));
  }
  FAXIAN_TRY(collect_workflow(db, household.id, case_details, entries));
  if (kind) {
    std::erase_if(entries, [&](const TimelineEntry& entry) { return entry.kind != *kind; });
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     return a.date != b.date ? a.date > b.date : a.at > b.at;
                   });
  TimelinePage result;
  result.total = static_cast<int64_t>(entries.size());
  const size_t begin = std::min(entries.size(), static_cast<size_t>(page.offset()));
  const size_t end = std::min(entries.size(), begin + static_cast<size_t>(page.page_size));
  for (size_t i = begin; i < end; ++i) {
    result.items.push_back({{"date", entries[i].date},
                            {"kind", entries[i].kind},
                            {"title", entries[i].title},
                            {"detail", entries[i].detail}});
  }
  return result;
}

}  // namespace faxian::api
