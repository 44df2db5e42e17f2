#pragma once
// --messy also writes DIR/bad/: files for some feeds that mix good rows with rows an importer
// must reject (bad check digit, 2023-02-30, 5.00241E+17, a missing required value, an unknown
// enum, a negative amount where none is allowed, three decimals, an invalid GB18030 byte …),
// plus exact duplicates in another form, and expected.csv
// (file,feed,rows,imported,duplicates,rejected) saying what an import per 20-feeds.md reports
// for each file imported on its own into a database. Formula-injection text
// (=cmd|' /C calc'!A0) appears in good rows: it must be stored as is.
//
// Every person in these files is new (sequence numbers 991–999 are never used by the
// population), so importing them cannot change the truth of any generated household.

#include <string>
#include <vector>

#include "common/error.hpp"
#include "gen/chunk.hpp"
#include "gen/gen_context.hpp"

namespace faxian::gen {

Result<std::vector<WrittenFile>> write_bad_files(const std::string& dir, const GenContext& context);

}  // namespace faxian::gen
