#include "workflow/assistance/application_state.hpp"

#include <fmt/format.h>

namespace faxian::workflow {
namespace {

using S = ApplicationStatus;

bool forward_legal(ApplicationKind kind, S from, S to,
                   std::optional<ApplicationDecision> decision) {
  const bool dibao = is_dibao_procedure(kind);
  switch (from) {
    case S::kSubmitted:
      return to == S::kInvestigating || (to == S::kDecided && is_temporary(kind));
    case S::kInvestigating:
      return to == S::kEconomicCheck;
    case S::kEconomicCheck:
      return dibao ? to == S::kPublicNotice : to == S::kDecided;
    case S::kPublicNotice:
      return to == S::kDecided || to == S::kInvestigating;
    case S::kDecided:
      return to == S::kInPayment && decision == ApplicationDecision::kApproved;
    case S::kInPayment:
    case S::kEnded:
      return false;
  }
  return false;
}

}  // namespace

bool is_legal_transition(ApplicationKind kind, ApplicationStatus from, ApplicationStatus to,
                         std::optional<ApplicationDecision> decision) {
  if (from == S::kEnded)
    return false;
  if (to == S::kEnded)
    return true;
  return forward_legal(kind, from, to, decision);
}

Result<void> check_transition(ApplicationKind kind, ApplicationStatus from, ApplicationStatus to,
                              std::optional<ApplicationDecision> decision) {
  if (is_legal_transition(kind, from, to, decision))
    return ok();
  return fail(ErrorCode::kIllegalTransition,
              fmt::format("{}申请当前为「{}」，不能转为「{}」", enum_label(kind), enum_label(from),
                          enum_label(to)),
              fmt::format("illegal application transition {} -> {} for {}", enum_key(from),
                          enum_key(to), enum_key(kind)));
}

}  // namespace faxian::workflow
