// OpenAPI paths of the casework routes (routes_casework*.cpp): applications with their
// eligibility check, decision and payments; referrals; county coordination cases; hotline
// tickets; campaigns and visits. Bodies are described by their fields; answers by their main
// fields (lists are the shared Page).

#include <initializer_list>
#include <string>
#include <vector>

#include "api/openapi.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

json response_ref(const char* name) {
  return {{"$ref", std::string("#/components/responses/") + name}};
}

json path_param(const char* name, const char* type) {
  return {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", type}}}};
}

json query_param(const char* name, json schema, const char* description) {
  return {
      {"name", name}, {"in", "query"}, {"schema", std::move(schema)}, {"description", description}};
}

json text() {
  return {{"type", "string"}};
}
json integer() {
  return {{"type", "integer"}};
}
json boolean() {
  return {{"type", "boolean"}};
}
json date() {
  return {{"type", "string"}, {"format", "date"}};
}
json money() {
  return {{"oneOf", {text(), {{"type", "number"}}}}, {"description", "金额（元），最多两位小数"}};
}
json one_of_keys(std::initializer_list<const char*> values) {
  json list = json::array();
  for (const char* value : values)
    list.push_back(value);
  return {{"type", "string"}, {"enum", list}};
}
json object(json properties, std::initializer_list<const char*> required = {}) {
  json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (required.size() > 0)
    schema["required"] = json(required);
  return schema;
}

// A vector, not a json: `page_params({one})` must be a list of one parameter, and clang (unlike
// gcc) reads a json initialised from `{one}` as a copy of `one`.
json page_params(std::vector<json> extra = {}) {
  json list = {{{"$ref", "#/components/parameters/Page"}},
               {{"$ref", "#/components/parameters/PageSize"}}};
  for (json& param : extra)
    list.push_back(std::move(param));
  return list;
}

// One operation, built step by step.
class Op {
 public:
  explicit Op(const char* summary) : summary_(summary) {}
  Op& params(json parameters) {
    parameters_ = std::move(parameters);
    return *this;
  }
  Op& body(json schema) {
    body_ = std::move(schema);
    return *this;
  }
  Op& created(const char* text) {
    success_ = 201;
    success_text_ = text;
    return *this;
  }
  Op& paged() {
    page_ = true;
    return *this;
  }
  Op& tokens() {
    tokens_ = true;
    return *this;
  }
  Op& errors(std::vector<int> codes) {
    errors_ = std::move(codes);
    return *this;
  }
  json build() const;

 private:
  const char* summary_;
  json parameters_ = json::array();
  json body_ = nullptr;
  int success_ = 200;
  const char* success_text_ = "成功";
  bool page_ = false;
  bool tokens_ = false;
  std::vector<int> errors_ = {400, 401, 403, 404};
};

json error_ref(int code) {
  switch (code) {
    case 400:
      return response_ref("BadRequest");
    case 401:
      return response_ref("Unauthorized");
    case 403:
      return response_ref("Forbidden");
    case 404:
      return response_ref("NotFound");
    case 409:
      return response_ref("Conflict");
    default:
      return response_ref("Unprocessable");
  }
}

json Op::build() const {
  const json schema =
      page_ ? json{{"$ref", "#/components/schemas/Page"}} : json{{"type", "object"}};
  json out = {{"summary", summary_},
              {"responses",
               {{std::to_string(success_),
                 {{"description", success_text_},
                  {"content", {{"application/json", {{"schema", schema}}}}}}}}}};
  if (!parameters_.empty())
    out["parameters"] = parameters_;
  for (int code : errors_)
    out["responses"][std::to_string(code)] = error_ref(code);
  const bool changes = !body_.is_null();
  if (changes) {
    out["requestBody"] = {{"required", true},
                          {"content", {{"application/json", {{"schema", body_}}}}}};
  }
  json security = json::array();
  security.push_back(changes ? json{{"session", json::array()}, {"csrf", json::array()}}
                             : json{{"session", json::array()}});
  if (tokens_)
    security.push_back({{"token", json::array()}});
  out["security"] = std::move(security);
  return out;
}

const std::vector<int> kChangeErrors = {400, 401, 403, 404, 409, 422};

void application_paths(json& paths) {
  const json no = path_param("application_no", "string");
  paths["/api/v1/applications"]["get"] =
      Op("救助申请列表（按调用者辖区）/ applications — county roles, township_officer (own "
         "township), auditor")
          .params(page_params(
              {query_param("status", text(),
                           "submitted, investigating, economic_check, public_notice, decided, "
                           "in_payment, ended"),
               query_param("type", text(), "dibao, tekun, dibao_edge, temporary_emergency, …"),
               query_param("township", text(), "乡镇（街道）代码")}))
          .paged()
          .build();
  paths["/api/v1/applications/{application_no}"]["get"] =
      Op("申请详情（含家庭经济状况核对：逐项数字及来源记录，仅办理角色可见）/ one application "
         "with its eligibility check")
          .params(json::array({no}))
          .build();
  paths["/api/v1/applications/{application_no}/eligibility-check"]["post"] =
      Op("运行（刷新）家庭经济状况核对 / run the eligibility check — handlers")
          .params(json::array({no}))
          .body(object({{"version", integer()}, {"as_of", date()}}, {"version"}))
          .errors(kChangeErrors)
          .build();
  paths["/api/v1/applications/{application_no}/decision"]["post"] =
      Op("审批（批准/不予批准；一事一议仅县级）/ decide — handlers")
          .params(json::array({no}))
          .body(object({{"decision", one_of_keys({"approved", "rejected"})},
                        {"reason", text()},
                        {"version", integer()},
                        {"decided_on", date()},
                        {"start_on", date()},
                        {"amount", money()}},
                       {"decision", "version"}))
          .errors(kChangeErrors)
          .build();
  paths["/api/v1/applications/{application_no}/payments"]["get"] =
      Op("发放记录 / payments of an application").params(json::array({no})).paged().build();
  paths["/api/v1/applications/{application_no}/payments"]["post"] =
      Op("登记发放 / record a payment — handlers")
          .params(json::array({no}))
          .body(object({{"version", integer()},
                        {"amount", money()},
                        {"paid_on", date()},
                        {"method", one_of_keys({"bank_transfer", "cash", "in_kind"})},
                        {"source", one_of_keys({"regular", "reserve_fund", "case_by_case"})},
                        {"period_from", text()},
                        {"period_to", text()},
                        {"note", text()}},
                       {"version", "amount"}))
          .created("已登记")
          .errors(kChangeErrors)
          .build();
}

void referral_paths(json& paths) {
  const json no = path_param("referral_no", "string");
  paths["/api/v1/referrals"]["get"] =
      Op("转介列表：部门看本部门收件箱，乡镇看本乡镇，县级看全部 / referrals")
          .params(page_params(
              {query_param("status", one_of_keys({"pending", "accepted", "not_applicable"}),
                           "状态"),
               query_param("department", text(), "部门键，如 medical_security")}))
          .paged()
          .tokens()
          .build();
  paths["/api/v1/referrals/{referral_no}"]["get"] =
      Op("转介详情（家庭概况已脱敏）/ one referral").params(json::array({no})).tokens().build();
  paths["/api/v1/referrals/{referral_no}/answer"]["post"] =
      Op("部门答复转介 / answer a referral — its department (liaison or token), county")
          .params(json::array({no}))
          .body(object({{"answer", one_of_keys({"accepted", "not_applicable"})},
                        {"result", text()},
                        {"amount", money()},
                        {"answered_on", date()},
                        {"version", integer()}},
                       {"answer", "result", "version"}))
          .tokens()
          .errors(kChangeErrors)
          .build();
}

void coordination_paths(json& paths) {
  const json no = path_param("case_no", "string");
  paths["/api/v1/coordination-cases"]["get"] =
      Op("县级协调案件列表 / coordination cases")
          .params(page_params({query_param("status", one_of_keys({"open", "closed"}), "状态")}))
          .paged()
          .tokens()
          .build();
  paths["/api/v1/coordination-cases/{case_no}"]["get"] =
      Op("协调案件详情（各部门任务）/ one case").params(json::array({no})).tokens().build();
  paths["/api/v1/coordination-cases/{case_no}/tasks/{task_id}/answer"]["post"] =
      Op("部门登记协调任务结果 / a department's result — its department, county")
          .params(json::array({no, path_param("task_id", "integer")}))
          .body(object({{"result", text()},
                        {"amount", money()},
                        {"answered_on", date()},
                        {"version", integer()}},
                       {"result", "version"}))
          .tokens()
          .errors(kChangeErrors)
          .build();
  paths["/api/v1/coordination-cases/{case_no}/close"]["post"] =
      Op("办结协调案件 / close a case — county roles")
          .params(json::array({no}))
          .body(object({{"conclusion", text()}, {"closed_on", date()}, {"version", integer()}},
                       {"conclusion", "version"}))
          .errors(kChangeErrors)
          .build();
}

void hotline_paths(json& paths) {
  const json no = path_param("ticket_no", "string");
  const json reasonableness = one_of_keys({"reasonable", "partly_reasonable", "unreasonable"});
  paths["/api/v1/hotline/tickets"]["get"] =
      Op("热线工单（接线员：本人工单及待研判工单）/ hotline tickets")
          .params(page_params(
              {query_param("status", one_of_keys({"received", "routed", "called_back"}), "状态"),
               query_param("mine", one_of_keys({"true", "false"}), "只看本人登记或转办的")}))
          .paged()
          .build();
  paths["/api/v1/hotline/tickets"]["post"] =
      Op("登记来电 / record a call — hotline_operator, county roles")
          .body(object({{"call_time", {{"type", "string"}, {"example", "2026-06-15 09:30:00"}}},
                        {"caller_name", text()},
                        {"caller_phone", text()},
                        {"subject_name", text()},
                        {"subject_phone", text()},
                        {"subject_address", text()},
                        {"village", text()},
                        {"township", text()},
                        {"household_no", text()},
                        {"category", text()},
                        {"content", text()}},
                       {"content"}))
          .created("已登记")
          .errors({400, 401, 403, 422})
          .build();
  paths["/api/v1/hotline/tickets/{ticket_no}/triage"]["post"] =
      Op("研判并转办（合理性必填，附理由；reasonable 为 reasonableness 的简写）/ judge and "
         "route a ticket")
          .params(json::array({no}))
          .body(object({{"reasonableness", reasonableness},
                        {"reasonable", reasonableness},
                        {"reason", text()},
                        {"category", text()},
                        {"township", text()},
                        {"household_no", text()},
                        {"level", one_of_keys({"red", "orange", "yellow"})},
                        {"routed_on", date()},
                        {"version", integer()}},
                       {"reason", "version"}))
          .errors(kChangeErrors)
          .build();
  paths["/api/v1/hotline/tickets/{ticket_no}/callback"]["post"] =
      Op("登记回访 / record a callback")
          .params(json::array({no}))
          .body(object({{"reached", boolean()},
                        {"satisfied", boolean()},
                        {"result", text()},
                        {"called_on", date()},
                        {"version", integer()}},
                       {"result", "version"}))
          .errors(kChangeErrors)
          .build();
}

void fieldwork_paths(json& paths) {
  const json checklist_item = object(
      {{"key", text()}, {"question", text()}, {"concern_answer", one_of_keys({"yes", "no"})}});
  const json answer = object({{"item_key", text()},
                              {"answer", one_of_keys({"yes", "no", "not_applicable"})},
                              {"note", text()}});
  paths["/api/v1/campaigns"]["get"] =
      Op("集中排查活动（涉及调用者辖区的）/ campaigns")
          .params(page_params({query_param("status", one_of_keys({"open", "closed"}), "状态")}))
          .paged()
          .build();
  paths["/api/v1/campaigns"]["post"] =
      Op("开展集中排查（生成走访任务）/ open a campaign — county roles")
          .body(object({{"name", text()},
                        {"event", text()},
                        {"description", text()},
                        {"starts_on", date()},
                        {"ends_on", date()},
                        {"villages", {{"type", "array"}, {"items", text()}}},
                        {"checklist", {{"type", "array"}, {"items", checklist_item}}}},
                       {"name", "starts_on", "ends_on", "villages"}))
          .created("已开展")
          .errors({400, 401, 403, 422})
          .build();
  paths["/api/v1/campaigns/{campaign_id}"]["get"] =
      Op("排查进度（按村、乡镇）及辖区内对象 / a campaign's progress")
          .params(json::array({path_param("campaign_id", "integer")}))
          .build();
  paths["/api/v1/visits"]["get"] =
      Op("走访记录（按调用者辖区）/ visits")
          .params(
              page_params({query_param("mine", one_of_keys({"true", "false"}), "只看本人的走访"),
                           query_param("household_no", text(), "户号"),
                           query_param("campaign_id", integer(), "排查活动")}))
          .paged()
          .build();
  paths["/api/v1/visits"]["post"] =
      Op("登记走访（发现困难时生成线索）/ record a visit")
          .body(object({{"household_no", text()},
                        {"visited_on", date()},
                        {"met", text()},
                        {"answers", {{"type", "array"}, {"items", answer}}},
                        {"needs", {{"type", "array"}, {"items", text()}}},
                        {"notes", text()},
                        {"open_lead", boolean()},
                        {"level", one_of_keys({"red", "orange", "yellow"})},
                        {"task_id", integer()},
                        {"campaign_id", integer()}},
                       {"household_no"}))
          .created("已登记")
          .errors(kChangeErrors)
          .build();
}

}  // namespace

nlohmann::json openapi_casework_paths() {
  json paths = json::object();
  application_paths(paths);
  referral_paths(paths);
  coordination_paths(paths);
  hotline_paths(paths);
  fieldwork_paths(paths);
  return paths;
}

}  // namespace faxian::api
