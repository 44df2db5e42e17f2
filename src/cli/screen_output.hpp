#pragma once
// What `faxian screen`, `faxian warnings` and the demo print about warnings.

#include <map>

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>

#include "cli/cli_context.hpp"
#include "domain/warning.hpp"
#include "screen/screening_job.hpp"
#include "screen/screening_service.hpp"

namespace faxian::cli {

// 80-cli.md: household_no,kind,level,score,rules,first_detected (review: empty level, score).
void write_warnings_csv(std::ostream& out, std::span<const Warning> warnings);
void write_warnings_json(std::ostream& out, std::span<const Warning> warnings);

// Counts by kind and level, and by township and level, of a screening's findings.
void print_screening_summary(const GlobalOptions& global, const screen::Screening& screening);

// The summary of a stored run: mode, counts by level, what changed, by township.
void print_job_summary(const GlobalOptions& global, const screen::JobOutcome& job);

// `faxian --json screen`: the run's mode, date, counts and timings.
nlohmann::json job_summary_json(const screen::JobOutcome& job);

// Need warnings of the run by township and level (township names from the regions table).
Result<void> print_warnings_by_township(const GlobalOptions& global, Database& db,
                                        const screen::JobOutcome& job);

// Pads text to `width` terminal columns (CJK characters take two).
std::string pad_display(const std::string& text, int width);

// Warnings as a fresh evaluation as of D presents them (first detected on D).
std::vector<Warning> warnings_from_findings(std::span<const WarningFinding> findings, Date as_of,
                                            int rule_set_version);

}  // namespace faxian::cli
