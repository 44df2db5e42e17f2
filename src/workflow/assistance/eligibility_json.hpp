#pragma once
// An eligibility check as the JSON stored with it (eligibility_checks.figures) and served to the
// UI: every figure in fen and as yuan text, every source record, the findings per programme.

#include <nlohmann/json.hpp>

#include "workflow/assistance/eligibility_check.hpp"

namespace faxian::workflow {

nlohmann::json eligibility_to_json(const EligibilityCheck& check);

}  // namespace faxian::workflow
