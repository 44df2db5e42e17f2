// OpenAPI paths of the lead routes: leads (list, intake, detail, actions), tasks and
// notifications (routes_lead.cpp, lead_action_routes.cpp, lead_inbox_routes.cpp).

#include "api/openapi.hpp"

namespace faxian::api {
namespace {

using nlohmann::json;

json ref(const char* name) {
  return {{"$ref", std::string("#/components/responses/") + name}};
}

json query_param(const char* name, json schema, const char* description) {
  return {
      {"name", name}, {"in", "query"}, {"schema", std::move(schema)}, {"description", description}};
}

json path_param(const char* name, json schema) {
  return {{"name", name}, {"in", "path"}, {"required", true}, {"schema", std::move(schema)}};
}

json string_enum(std::initializer_list<const char*> values) {
  json list = json::array();
  for (const char* value : values)
    list.push_back(value);
  return {{"type", "string"}, {"enum", list}};
}

json nullable(const char* type) {
  return {{"type", type}, {"nullable", true}};
}

json json_body(json schema) {
  return {{"required", true}, {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

json ok_response(const char* description, json schema) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

json page_of(json item) {
  return {{"allOf",
           {{{"$ref", "#/components/schemas/Page"}},
            {{"type", "object"},
             {"properties", {{"items", {{"type", "array"}, {"items", std::move(item)}}}}}}}}};
}

const json kCsrf = json::array({{{"session", json::array()}, {"csrf", json::array()}}});

json lead_item_schema() {
  return {
      {"type", "object"},
      {"required",
       {"lead_no", "household_no", "sources", "level", "status", "township", "village", "created",
        "first_contact_due", "verification_due", "assignee", "version"}},
      {"properties",
       {{"lead_no", {{"type", "string"}, {"example", "XS20260615-0001"}}},
        {"household_no", nullable("string")},
        {"subject",
         {{"type", "string"}, {"nullable", true}, {"description", "未识别当事人的姓名（脱敏）"}}},
        {"sources", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"level", string_enum({"red", "orange", "yellow"})},
        {"status", string_enum({"new", "assigned", "verifying", "decided", "closed"})},
        {"township", {{"type", "string"}}},
        {"village", nullable("string")},
        {"created", {{"type", "string"}, {"format", "date"}}},
        {"first_contact_due", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
        {"verification_due", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
        {"assignee", nullable("string")},
        {"version", {{"type", "integer"}}}}}};
}

json lead_schema() {
  return {{"allOf",
           {lead_item_schema(),
            {{"type", "object"},
             {"description",
              "线索详情：来源明细 source_entries（含 reference）、处置结果 outcomes、日期；"
              "数据预警线索的描述、核实记录中的医疗情况和备注仅对办理该线索的角色显示"},
             {"properties",
              {{"subject", {{"type", "object"}, {"nullable", true}}},
               {"description", nullable("string")},
               {"source_entries", {{"type", "array"}, {"items", {{"type", "object"}}}}},
               {"outcomes", {{"type", "array"}, {"items", {{"type", "object"}}}}},
               {"allowed_actions", {{"type", "array"}, {"items", {{"type", "string"}}}}},
               {"attached", {{"type", "boolean"}}}}}}}}};
}

json lead_detail_schema() {
  return {{"allOf",
           {lead_schema(),
            {{"type", "object"},
             {"properties",
              {{"history", {{"type", "array"}, {"items", {{"type", "object"}}}}},
               {"verifications", {{"type", "array"}, {"items", {{"type", "object"}}}}},
               {"candidates", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}};
}

json list_leads() {
  return {
      {"summary", "线索列表（按本人辖区）"},
      {"description",
       "乡镇民政办只见本乡镇、协理员只见本村的线索；县级角色、热线和督导见全县；部门联络员 403。"
       "overdue=true 仅列出今天已超过首次联系或核实期限的未办结线索，overdue=false 不筛选。"},
      {"tags", {"leads"}},
      {"parameters",
       {query_param("status", string_enum({"new", "assigned", "verifying", "decided", "closed"}),
                    "状态"),
        query_param("level", string_enum({"red", "orange", "yellow"}), "等级"),
        query_param("source",
                    string_enum({"data_warning", "visit", "campaign", "hotline", "social_report",
                                 "referral", "self_report", "superior"}),
                    "来源"),
        query_param("township", {{"type", "string"}}, "乡镇（街道）代码"),
        query_param("village", {{"type", "string"}}, "村（社区）代码"),
        query_param("assignee", {{"type", "string"}}, "被分派人用户名"),
        query_param("overdue", string_enum({"true", "false"}), "是否超期"),
        {{"$ref", "#/components/parameters/Page"}},
        {{"$ref", "#/components/parameters/PageSize"}}}},
      {"responses",
       {{"200", ok_response("线索分页列表", page_of(lead_item_schema()))},
        {"400", ref("BadRequest")},
        {"401", ref("Unauthorized")},
        {"403", ref("Forbidden")}}}};
}

json intake_lead() {
  json subject = {{"type", "object"},
                  {"required", {"name"}},
                  {"properties",
                   {{"name", {{"type", "string"}}},
                    {"phone", {{"type", "string"}}},
                    {"address", {{"type", "string"}}}}}};
  json body = {{"type", "object"},
               {"required", {"source", "description"}},
               {"properties",
                {{"source", string_enum({"visit", "campaign", "hotline", "social_report",
                                         "referral", "self_report", "superior"})},
                 {"household_no", {{"type", "string"}}},
                 {"subject", subject},
                 {"village", {{"type", "string"}}},
                 {"township", {{"type", "string"}}},
                 {"level", string_enum({"red", "orange", "yellow"})},
                 {"description", {{"type", "string"}}},
                 {"reported_on", {{"type", "string"}, {"format", "date"}}}}}};
  return {{"summary", "人工登记线索"},
          {"description",
           "对象为已登记的户（household_no）或未识别的当事人（subject，村/乡镇默认为本人辖区）。"
           "该户已有办理中的线索时并入该线索（来源累加），答复 200 且 attached 为 true；否则新建，"
           "答复 201。辖区外的户或村 404。角色：县级、乡镇民政办、协理员、热线。"},
          {"tags", {"leads"}},
          {"security", kCsrf},
          {"requestBody", json_body(body)},
          {"responses",
           {{"201", ok_response("已新建线索", lead_schema())},
            {"200", ok_response("已并入该户办理中的线索（attached: true）", lead_schema())},
            {"400", ref("BadRequest")},
            {"401", ref("Unauthorized")},
            {"403", ref("Forbidden")},
            {"404", ref("NotFound")}}}};
}

json lead_detail() {
  return {{"summary", "线索详情"},
          {"description",
           "线索、来源明细、历史、核实记录、处置结果、本人当前可执行的操作（allowed_actions），"
           "未识别当事人的候选人（本人辖区内，手机号脱敏）。每次查看记入审计日志。"},
          {"tags", {"leads"}},
          {"parameters", {path_param("lead_no", {{"type", "string"}})}},
          {"responses",
           {{"200", ok_response("线索详情", lead_detail_schema())},
            {"401", ref("Unauthorized")},
            {"403", ref("Forbidden")},
            {"404", ref("NotFound")}}}};
}

json lead_action() {
  json body = {
      {"type", "object"},
      {"required", {"action", "version"}},
      {"description",
       "assign {assignee}；start_verification {contact_on?}；record_verification {visited_on?, "
       "method, met?, conditions?{food,housing,medical,schooling,care}, willingness, ability, "
       "policy_explained?, policies?, difficulty_found?, notes?}；decide {outcomes:[{outcome, "
       "params}], reason?, on?}；close {follow_up_on?, note?, on?}；reopen {reason}；merge {into, "
       "reason?}"},
      {"properties",
       {{"action", string_enum({"assign", "start_verification", "record_verification", "decide",
                                "close", "reopen", "merge"})},
        {"version", {{"type", "integer"}}}}},
      {"additionalProperties", true}};
  return {{"summary", "对线索执行操作"},
          {"description",
           "县级角色和本乡镇民政办可执行全部操作；协理员只能对分派给本人的线索执行 "
           "start_verification 和 record_verification；其他角色 403。缺少 version 400，版本已过期 "
           "409，当前状态不允许 422。成功时答复更新后的线索（新版本）。"},
          {"tags", {"leads"}},
          {"security", kCsrf},
          {"parameters", {path_param("lead_no", {{"type", "string"}})}},
          {"requestBody", json_body(body)},
          {"responses",
           {{"200", ok_response("更新后的线索", lead_schema())},
            {"400", ref("BadRequest")},
            {"401", ref("Unauthorized")},
            {"403", ref("Forbidden")},
            {"404", ref("NotFound")},
            {"409", ref("Conflict")},
            {"422", ref("Unprocessable")}}}};
}

json list_tasks() {
  json task = {{"type", "object"},
               {"properties",
                {{"id", {{"type", "integer"}}},
                 {"kind", string_enum({"follow_up", "campaign_visit", "routine_visit", "paperwork",
                                       "callback"})},
                 {"title", {{"type", "string"}}},
                 {"household_no", nullable("string")},
                 {"lead_no", nullable("string")},
                 {"due_on", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
                 {"overdue", {{"type", "boolean"}}},
                 {"status", string_enum({"open", "done", "cancelled"})}}}};
  return {
      {"summary", "本人辖区的任务"},
      {"description", "乡镇民政办见本乡镇、协理员见本村的任务，热线只见回访任务；默认只列待办。"},
      {"tags", {"inbox"}},
      {"parameters",
       {query_param("status", string_enum({"open", "done", "cancelled", "all"}), "状态"),
        query_param(
            "kind",
            string_enum({"follow_up", "campaign_visit", "routine_visit", "paperwork", "callback"}),
            "类型"),
        {{"$ref", "#/components/parameters/Page"}},
        {{"$ref", "#/components/parameters/PageSize"}}}},
      {"responses",
       {{"200", ok_response("任务分页列表", page_of(task))},
        {"400", ref("BadRequest")},
        {"401", ref("Unauthorized")},
        {"403", ref("Forbidden")}}}};
}

json notification_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"kind", {{"type", "string"}}},
            {"subject_type", {{"type", "string"}}},
            {"subject_id", {{"type", "integer"}}},
            {"region", nullable("string")},
            {"message", {{"type", "string"}}},
            {"on", {{"type", "string"}, {"format", "date"}}},
            {"read", {{"type", "boolean"}}}}}};
}

json list_notifications() {
  return {
      {"summary", "本人的通知"},
      {"description", "发给本人，或发给本人角色且在本人辖区内的通知，新的在前（最多 2000 条）。"},
      {"tags", {"inbox"}},
      {"parameters",
       {query_param("unread", string_enum({"true", "false"}), "只列未读"),
        {{"$ref", "#/components/parameters/Page"}},
        {{"$ref", "#/components/parameters/PageSize"}}}},
      {"responses",
       {{"200", ok_response("通知分页列表", page_of(notification_schema()))},
        {"400", ref("BadRequest")},
        {"401", ref("Unauthorized")}}}};
}

json read_notification() {
  return {{"summary", "标记通知为已读"},
          {"tags", {"inbox"}},
          {"security", kCsrf},
          {"parameters", {path_param("id", {{"type", "integer"}})}},
          {"responses",
           {{"200", ok_response("已读的通知", notification_schema())},
            {"401", ref("Unauthorized")},
            {"403", ref("Forbidden")},
            {"404", ref("NotFound")}}}};
}

}  // namespace

nlohmann::json openapi_lead_paths() {
  return {{"/api/v1/leads", {{"get", list_leads()}, {"post", intake_lead()}}},
          {"/api/v1/leads/{lead_no}", {{"get", lead_detail()}}},
          {"/api/v1/leads/{lead_no}/actions", {{"post", lead_action()}}},
          {"/api/v1/tasks", {{"get", list_tasks()}}},
          {"/api/v1/notifications", {{"get", list_notifications()}}},
          {"/api/v1/notifications/{id}/read", {{"post", read_notification()}}}};
}

}  // namespace faxian::api
