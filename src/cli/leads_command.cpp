// faxian leads [--status S] [--township CODE] [--format csv|json]
// Writes leads to stdout (80-cli.md): lead_no,household_no,sources,level,status,township,
// created,first_contact_due,verification_due — sources are the distinct source keys joined by
// ';' in the order of 40-workflow.md's table (data_warning, visit, campaign, hotline,
// social_report, referral, self_report, superior), so the output does not depend on which
// report arrived first; a deadline the calendar cannot give yet is empty. Rows by lead number.

#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/open_store.hpp"
#include "store/calendar_repository.hpp"
#include "workflow/leads/lead_service.hpp"

namespace faxian::cli {
namespace {

struct LeadsOptions {
  std::string status;
  std::string township;
  std::string format = "csv";
};

std::string date_or_empty(const std::optional<Date>& date) {
  return date ? date->iso() : "";
}

void write_csv(std::ostream& out, const std::vector<Lead>& leads) {
  out << "lead_no,household_no,sources,level,status,township,created,first_contact_due,"
         "verification_due\n";
  for (const Lead& lead : leads) {
    std::string sources;
    for (const std::string& key : lead_source_keys(lead))
      sources += (sources.empty() ? "" : ";") + key;
    out << fmt::format("{},{},{},{},{},{},{},{},{}\n", lead.lead_no, lead.household_no, sources,
                       level_key(lead.level), enum_key(lead.status), lead.township_code,
                       lead.created_on.iso(), date_or_empty(lead.first_contact_due),
                       date_or_empty(lead.verification_due));
  }
}

void write_json(std::ostream& out, const std::vector<Lead>& leads) {
  nlohmann::json items = nlohmann::json::array();
  for (const Lead& lead : leads) {
    items.push_back({{"lead_no", lead.lead_no},
                     {"household_no", lead.household_no},
                     {"sources", lead_source_keys(lead)},
                     {"level", level_key(lead.level)},
                     {"status", enum_key(lead.status)},
                     {"township", lead.township_code},
                     {"village", lead.village_code},
                     {"created", lead.created_on.iso()},
                     {"first_contact_due", date_or_empty(lead.first_contact_due)},
                     {"verification_due", date_or_empty(lead.verification_due)},
                     {"version", lead.version}});
  }
  out << items.dump(2) << "\n";
}

Result<workflow::LeadQuery> query_of(const LeadsOptions& options) {
  workflow::LeadQuery query;
  if (!options.status.empty()) {
    auto status = enum_from_key<LeadStatus>(options.status);
    if (!status)
      status = enum_from_label<LeadStatus>(options.status);
    if (!status) {
      return fail(ErrorCode::kInvalidArgument,
                  fmt::format("线索状态“{}”无效，应为 new、assigned、verifying、decided 或 closed",
                              options.status),
                  fmt::format("bad --status '{}'", options.status));
    }
    query.status = status;
  }
  query.township_code = options.township;
  query.limit = 500;
  return query;
}

// Every matching lead, page by page, by lead number.
Result<std::vector<Lead>> all_leads(workflow::LeadService& service, workflow::LeadQuery query) {
  std::vector<Lead> leads;
  while (true) {
    std::vector<Lead> page;
    FAXIAN_TRY_ASSIGN(page, service.list(query));
    const size_t got = page.size();
    for (Lead& lead : page)
      leads.push_back(std::move(lead));
    if (got < static_cast<size_t>(query.limit))
      break;
    query.offset += query.limit;
  }
  std::sort(leads.begin(), leads.end(),
            [](const Lead& a, const Lead& b) { return a.lead_no < b.lead_no; });
  return leads;
}

int run_leads(const GlobalOptions& global, const LeadsOptions& options) {
  SystemClock clock;
  auto db = open_and_migrate(global, clock.now_unix());
  if (!db)
    return report_error(global, db.error());
  auto query = query_of(options);
  if (!query) {
    report_error(global, query.error());
    return kExitUsage;
  }
  if (!options.township.empty()) {
    auto known = (*db)->prepare("SELECT 1 FROM regions WHERE code = ? AND level = 'township'");
    if (!known)
      return report_error(global, known.error());
    (*known)->bind_text(1, options.township);
    auto found = (*known)->step();
    if (!found)
      return report_error(global, found.error());
    if (!*found) {
      report_error(global, Error(ErrorCode::kInvalidArgument,
                                 fmt::format("乡镇（街道）代码 {} 不存在", options.township),
                                 "unknown township code"));
      return kExitUsage;
    }
  }
  WorkCalendar calendar;  // listing computes no deadline
  workflow::LeadService service(**db, clock, calendar);
  auto leads = all_leads(service, *query);
  if (!leads)
    return report_error(global, leads.error());
  if (options.format == "json")
    write_json(std::cout, *leads);
  else
    write_csv(std::cout, *leads);
  return kExitOk;
}

}  // namespace

void register_leads_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto options = std::make_shared<LeadsOptions>();
  CLI::App* leads = app.add_subcommand("leads", "输出线索 (write leads)");
  leads->add_option("--status", options->status,
                    "new | assigned | verifying | decided | closed（默认全部）");
  leads->add_option("--township", options->township, "乡镇（街道）9 位代码");
  leads->add_option("--format", options->format, "csv | json")
      ->check(CLI::IsMember({"csv", "json"}));
  leads->callback([&global, &exit_code, options] { exit_code = run_leads(global, *options); });
}

}  // namespace faxian::cli
