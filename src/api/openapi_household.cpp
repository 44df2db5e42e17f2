// OpenAPI paths of the household routes (routes_household.cpp: regions, households, persons)
// and the warning routes (routes_warning.cpp).

#include "api/openapi.hpp"

namespace faxian::api {
namespace {

// Schemas written once and placed into the operations below.
nlohmann::json warning_schema() {
  return nlohmann::json::parse(R"JSON({
  "type": "object",
  "required": ["id", "household_no", "kind", "level", "score", "status", "rules", "fired_rules",
    "reasons", "first_detected", "township", "village", "lead_no"],
  "properties": {
    "id": {"type": "integer"},
    "household_no": {"type": "string"},
    "kind": {"type": "string", "enum": ["need", "review"]},
    "level": {"type": "string", "enum": ["red", "orange", "yellow"], "nullable": true,
      "description": "需求预警的等级；应退核查预警为 null"},
    "score": {"type": "integer"},
    "status": {"type": "string", "enum": ["open", "cleared", "suppressed"]},
    "rules": {"type": "array", "items": {"type": "string"}, "description": "规则编号，升序"},
    "fired_rules": {"type": "array", "items": {"type": "object", "properties": {
      "rule": {"type": "string"}, "name": {"type": "string", "description": "规则中文名"},
      "points": {"type": "integer"}, "red": {"type": "boolean"},
      "reason": {"type": "string",
        "description": "带数据的中文说明；仅经办角色（县管理员、县救助科、乡镇）可见"}}}},
    "reasons": {"type": "array", "items": {"type": "string"},
      "description": "经办角色：各规则的中文说明（含金额等）；其他角色：规则中文名"},
    "actions": {"type": "array", "items": {"type": "string"}},
    "departments": {"type": "array", "items": {"type": "string"}},
    "first_detected": {"type": "string", "format": "date"},
    "last_changed": {"type": "string", "format": "date"},
    "as_of": {"type": "string", "format": "date"},
    "township": {"type": "string", "description": "乡镇（街道）代码，9 位"},
    "village": {"type": "string", "description": "村（社区）代码，12 位"},
    "lead_no": {"type": "string", "nullable": true, "description": "该户未办结线索的编号"}
  }})JSON");
}

nlohmann::json household_item_schema() {
  return nlohmann::json::parse(R"JSON({
  "type": "object",
  "properties": {
    "household_no": {"type": "string"},
    "village": {"type": "string"}, "township": {"type": "string"},
    "address": {"type": "string"},
    "head_name": {"type": "string", "nullable": true,
      "description": "户主姓名（辖区内工作人员可见；身份证号、手机号一律脱敏）"},
    "size": {"type": "integer", "description": "当前在世成员数"},
    "categories": {"type": "array", "items": {"type": "string"}},
    "warning_level": {"type": "string", "nullable": true,
      "description": "未解除需求预警的等级 red / orange / yellow"},
    "review_warning": {"type": "boolean"},
    "lead_no": {"type": "string", "nullable": true}
  }})JSON");
}

nlohmann::json member_schema() {
  return nlohmann::json::parse(R"JSON({
  "type": "object",
  "properties": {
    "person_id": {"type": "integer"}, "name": {"type": "string"},
    "relation": {"type": "string", "nullable": true}, "relation_label": {"type": "string", "nullable": true},
    "sex": {"type": "string", "enum": ["male", "female"]},
    "birth_date": {"type": "string", "format": "date"}, "age": {"type": "integer", "nullable": true},
    "resident_id": {"type": "string", "example": "500241********1234", "description": "脱敏"},
    "phone": {"type": "string", "example": "138****5678", "description": "脱敏"},
    "death_date": {"type": "string", "format": "date", "nullable": true},
    "member_since": {"type": "string", "format": "date"},
    "categories": {"type": "array", "items": {"type": "string"}},
    "health": {"type": "string", "nullable": true, "description": "仅经办角色"},
    "health_label": {"type": "string", "nullable": true},
    "disability_category": {"type": "string", "nullable": true, "description": "仅经办角色"},
    "disability_category_label": {"type": "string", "nullable": true},
    "disability_grade": {"type": "integer", "nullable": true, "description": "仅经办角色"},
    "disability_certified_on": {"type": "string", "format": "date",
      "description": "残联有效残疾证的发证日期，仅经办角色"},
    "self_care": {"type": "string", "nullable": true, "description": "仅经办角色"},
    "employment": {"type": "string", "nullable": true, "description": "仅经办角色"},
    "income_12m_fen": {"type": "integer",
      "description": "近 12 个自然月收入（分），仅经办角色"}
  }})JSON");
}

nlohmann::json household_no_parameter() {
  return {{"name", "household_no"},
          {"in", "path"},
          {"required", true},
          {"description", "户号（字母、数字或连字符，至多 40 位；格式不符为 400）"},
          {"schema", {{"type", "string"}, {"pattern", "^[0-9A-Za-z-]{1,40}$"}}}};
}

nlohmann::json errors(std::initializer_list<const char*> statuses) {
  nlohmann::json out = nlohmann::json::object();
  for (const char* status : statuses) {
    const std::string code(status);
    const char* name = code == "400"   ? "BadRequest"
                       : code == "401" ? "Unauthorized"
                       : code == "403" ? "Forbidden"
                                       : "NotFound";
    out[code] = {{"$ref", std::string("#/components/responses/") + name}};
  }
  return out;
}

nlohmann::json ok_json(const char* description, nlohmann::json schema) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", std::move(schema)}}}}}};
}

nlohmann::json page_of(nlohmann::json item) {
  return {{"allOf",
           {{{"$ref", "#/components/schemas/Page"}},
            {{"type", "object"},
             {"properties", {{"items", {{"type", "array"}, {"items", std::move(item)}}}}}}}}};
}

nlohmann::json items_of(nlohmann::json item) {
  return {{"type", "object"},
          {"properties", {{"items", {{"type", "array"}, {"items", std::move(item)}}}}}};
}

nlohmann::json query(const char* name, nlohmann::json schema, const char* description) {
  return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", schema}};
}

nlohmann::json page_parameters() {
  return {{{"$ref", "#/components/parameters/Page"}},
          {{"$ref", "#/components/parameters/PageSize"}}};
}

nlohmann::json household_sub_resource(const char* summary, nlohmann::json item) {
  nlohmann::json responses = errors({"400", "401", "403", "404"});
  responses["200"] = ok_json("列表", items_of(std::move(item)));
  return {{"get",
           {{"summary", summary},
            {"parameters", {household_no_parameter()}},
            {"responses", responses}}}};
}

nlohmann::json regions_path() {
  nlohmann::json responses = errors({"401", "403"});
  responses["200"] = ok_json(
      "区划树（县 → 乡镇（街道）→ 村（社区）），每个节点 {code, name, level, parent_code, "
      "urban_rural, children}",
      items_of({{"type", "object"}}));
  return {{"get",
           {{"summary", "辖区内的行政区划树 / the region tree within the caller's area"},
            {"description", "部门联络员无家庭辖区，返回全县区划（区划不是个人信息）。"},
            {"responses", responses}}}};
}

nlohmann::json households_path() {
  nlohmann::json parameters = page_parameters();
  parameters.push_back(
      query("q", {{"type", "string"}, {"maxLength", 60}},
            "户号前缀、现有成员姓名前缀，或 4–18 位身份证号末尾数字（18 位为完整号码精确匹配）"));
  parameters.push_back(query("township", {{"type", "string"}, {"pattern", "^[0-9]{9}$"}},
                             "乡镇（街道）代码；辖区外返回空列表"));
  parameters.push_back(query("village", {{"type", "string"}, {"pattern", "^[0-9]{12}$"}},
                             "村（社区）代码；辖区外返回空列表"));
  parameters.push_back(query("category", {{"type", "string"}},
                             "救助类别键（dibao、tekun、dibao_edge …），当前有效"));
  nlohmann::json responses = errors({"400", "401", "403"});
  responses["200"] = ok_json("一页家庭，按户号排序", page_of(household_item_schema()));
  return {{"get",
           {{"summary", "检索辖区内家庭 / search households in the caller's area"},
            {"description", "部门联络员 403。每次检索记入审计（household.search）。"},
            {"parameters", parameters},
            {"responses", responses}}}};
}

nlohmann::json profile_path() {
  nlohmann::json schema = {
      {"type", "object"},
      {"properties",
       {{"household_no", {{"type", "string"}}},
        {"address", {{"type", "string"}}},
        {"village", {{"type", "object"}}},
        {"township", {{"type", "object"}}},
        {"case_details", {{"type", "boolean"}}},
        {"size", {{"type", "integer"}}},
        {"members", {{"type", "array"}, {"items", member_schema()}}},
        {"categories", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"warnings", {{"type", "array"}, {"items", warning_schema()}}},
        {"leads", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"applications", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  nlohmann::json responses = errors({"400", "401", "403", "404"});
  responses["200"] = ok_json("家庭档案", schema);
  return {{"get",
           {{"summary", "家庭档案 / household profile"},
            {"description",
             "辖区外或不存在的户号 404；户号格式不符 400；部门联络员 403。健康、残疾、收入信息仅"
             "县管理员、县救助科和本乡镇民政办可见。记入审计（household.view）。"},
            {"parameters", {household_no_parameter()}},
            {"responses", responses}}}};
}

nlohmann::json timeline_path() {
  nlohmann::json parameters = page_parameters();
  parameters.insert(parameters.begin(), household_no_parameter());
  parameters.push_back(
      query("kind",
            {{"type", "string"},
             {"enum",
              {"population", "medical", "employment", "income", "disability", "death", "disaster",
               "poverty_monitoring", "education", "assets", "hotline", "application_record",
               "registry", "warning", "lead", "application", "visit", "payment"}}},
            "只看一类记录"));
  nlohmann::json entry = {{"type", "object"},
                          {"required", {"date", "kind", "title", "detail"}},
                          {"properties",
                           {{"date", {{"type", "string"}, {"format", "date"}}},
                            {"kind", {{"type", "string"}}},
                            {"title", {{"type", "string"}}},
                            {"detail", {{"type", "string"}}}}}};
  nlohmann::json responses = errors({"400", "401", "403", "404"});
  responses["200"] = ok_json("一页记录，按日期从新到旧", page_of(entry));
  return {{"get",
           {{"summary", "家庭时间线 / the household's timeline"},
            {"description",
             "户籍变动、成员的部门数据（按到达的记录）、预警、线索、申请、走访和发放，从新到旧。"
             "医疗、残疾、收入、财产、防返贫监测和发放记录仅经办角色可见。"},
            {"parameters", parameters},
            {"responses", responses}}}};
}

nlohmann::json reveal_path() {
  nlohmann::json body = {
      {"type", "object"},
      {"required", {"field", "reason"}},
      {"properties",
       {{"field", {{"type", "string"}, {"enum", {"resident_id", "phone"}}}},
        {"reason", {{"type", "string"}, {"minLength", 2}, {"description", "查看理由"}}}}}};
  nlohmann::json responses = errors({"400", "401", "403", "404"});
  responses["200"] = ok_json("完整号码", {{"type", "object"},
                                          {"properties",
                                           {{"person_id", {{"type", "integer"}}},
                                            {"field", {{"type", "string"}}},
                                            {"value", {{"type", "string"}}}}}});
  nlohmann::json person_id = {{"name", "person_id"},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "integer"}, {"minimum", 1}}}};
  return {
      {"post",
       {{"summary", "查看完整身份证号或手机号 / reveal a full resident ID or phone"},
        {"description",
         "仅县管理员、县救助科、乡镇民政办（本辖区）；须填写理由（至少 2 个字）。先写入审计"
         "日志（id.reveal / phone.reveal，含理由）再返回号码。辖区外 404。"},
        {"security", {{{"session", nlohmann::json::array()}, {"csrf", nlohmann::json::array()}}}},
        {"parameters", {person_id}},
        {"requestBody",
         {{"required", true}, {"content", {{"application/json", {{"schema", body}}}}}}},
        {"responses", responses}}}};
}

nlohmann::json warnings_path() {
  nlohmann::json parameters = page_parameters();
  parameters.push_back(query("kind", {{"type", "string"}, {"enum", {"need", "review"}}},
                             "need 需求预警 / review 应退核查"));
  parameters.push_back(
      query("level", {{"type", "string"}, {"enum", {"red", "orange", "yellow"}}}, "等级"));
  parameters.push_back(query("township", {{"type", "string"}, {"pattern", "^[0-9]{9}$"}},
                             "乡镇（街道）代码；辖区外返回空列表"));
  parameters.push_back(query("village", {{"type", "string"}, {"pattern", "^[0-9]{12}$"}},
                             "村（社区）代码；辖区外返回空列表"));
  parameters.push_back(
      query("rule", {{"type", "string"}, {"pattern", "^[RV][0-9]{2}$"}}, "含该规则的预警"));
  nlohmann::json responses = errors({"400", "401", "403"});
  responses["200"] =
      ok_json("一页未解除的预警：红色在前，再按分值、户号", page_of(warning_schema()));
  return {{"get",
           {{"summary", "辖区内未解除的预警 / open warnings in the caller's area"},
            {"description", "部门联络员 403；热线和督导为全县。记入审计（warning.list）。"},
            {"parameters", parameters},
            {"responses", responses}}}};
}

nlohmann::json warning_path() {
  nlohmann::json responses = errors({"400", "401", "403", "404"});
  responses["200"] = ok_json("预警（任何状态）", warning_schema());
  nlohmann::json id = {{"name", "warning_id"},
                       {"in", "path"},
                       {"required", true},
                       {"schema", {{"type", "integer"}, {"minimum", 1}}}};
  return {
      {"get",
       {{"summary", "一条预警 / one warning"}, {"parameters", {id}}, {"responses", responses}}}};
}

}  // namespace

nlohmann::json openapi_household_paths() {
  return {
      {"/api/v1/regions", regions_path()},
      {"/api/v1/households", households_path()},
      {"/api/v1/households/{household_no}", profile_path()},
      {"/api/v1/households/{household_no}/timeline", timeline_path()},
      {"/api/v1/households/{household_no}/warnings",
       household_sub_resource("该户全部预警（未解除在前）/ the household's warnings",
                              warning_schema())},
      {"/api/v1/households/{household_no}/leads",
       household_sub_resource("该户线索 / the household's leads", {{"type", "object"}})},
      {"/api/v1/households/{household_no}/applications",
       household_sub_resource("该户救助申请 / the household's applications", {{"type", "object"}})},
      {"/api/v1/persons/{person_id}/reveal", reveal_path()},
      {"/api/v1/warnings", warnings_path()},
      {"/api/v1/warnings/{warning_id}", warning_path()}};
}

}  // namespace faxian::api
