#pragma once
// Turns a unit's records into feed rows (typed cells in spec column order) for the sinks.

#include <array>

#include "gen/cell.hpp"
#include "gen/county_map.hpp"
#include "gen/feed_schema.hpp"
#include "gen/model.hpp"

namespace faxian::gen {

using FeedSinks = std::array<RowSink*, kFeedCount>;

// Emits every record of `unit` to the sink of its feed (null sinks are skipped).
void emit_unit(const Unit& unit, const CountyMap& county, const FeedSinks& sinks);

// The record numbers the feeds use as keys: 结算单号, 工单号, 申请编号.
std::string settlement_number(int64_t household_index, int32_t serial);
std::string ticket_number(Date date, int64_t household_index, int32_t serial);
std::string application_number(Date applied, int64_t household_index, int32_t serial);

}  // namespace faxian::gen
