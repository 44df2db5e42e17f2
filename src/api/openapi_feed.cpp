// OpenAPI paths of the feed routes: uploads (multipart file or JSON rows) and batch reports.

#include "api/openapi.hpp"

namespace faxian::api {
namespace {

nlohmann::json issue_list() {
  return nlohmann::json::parse(R"JSON({"type": "array", "items": {"type": "object",
    "properties": {"row": {"type": "integer", "description": "文件中的行号（表头为第 1 行；JSON rows[i] 为第 i+2 行；0 = 整个文件）"},
      "column": {"type": "string"}, "code": {"type": "string"},
      "message": {"type": "string"}}}})JSON");
}

nlohmann::json batch_summary() {
  return nlohmann::json::parse(R"JSON({"type": "object",
    "required": ["batch_id", "feed", "status", "rows", "imported", "duplicates", "rejected"],
    "properties": {"batch_id": {"type": "integer"}, "feed": {"type": "string"},
      "feed_label": {"type": "string"}, "file_name": {"type": "string"},
      "sha256": {"type": "string"}, "department": {"type": "string"},
      "imported_by": {"type": "string"}, "started_at": {"type": "integer"},
      "finished_at": {"type": "integer", "nullable": true},
      "status": {"type": "string", "enum": ["running", "committed", "rejected", "failed"]},
      "rows": {"type": "integer"}, "imported": {"type": "integer"},
      "duplicates": {"type": "integer"}, "rejected": {"type": "integer"}}})JSON");
}

nlohmann::json batch_report() {
  nlohmann::json schema = batch_summary();
  schema["properties"]["errors"] = issue_list();
  schema["properties"]["errors"]["description"] = "前 1000 条行错误";
  schema["properties"]["errors_total"] = {{"type", "integer"}};
  schema["properties"]["warnings"] = issue_list();
  schema["properties"]["warnings_total"] = {{"type", "integer"}};
  return schema;
}

nlohmann::json upload_report() {
  nlohmann::json schema = batch_report();
  auto& properties = schema["properties"];
  properties["persons_created"] = {{"type", "integer"}};
  properties["hotline_tickets"] = {{"type", "integer"}};
  properties["screening"] = nlohmann::json::parse(R"JSON({"type": "object", "nullable": true,
    "description": "导入后的增量筛查（尚未做过任何筛查时为 null）",
    "properties": {"households": {"type": "integer"}, "warnings_opened": {"type": "integer"},
      "warnings_escalated": {"type": "integer"}, "warnings_cleared": {"type": "integer"}}})JSON");
  properties["leads"] = nlohmann::json::parse(R"JSON({"type": "object", "nullable": true,
    "description": "新预警转成的线索",
    "properties": {"opened": {"type": "integer"}, "attached": {"type": "integer"},
      "raised": {"type": "integer"}, "referrals": {"type": "integer"}}})JSON");
  return schema;
}

nlohmann::json json_content(nlohmann::json schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

nlohmann::json upload_operation() {
  nlohmann::json operation = nlohmann::json::parse(R"JSON({
    "summary": "上传一批部门数据（multipart 文件或 JSON 行）/ upload a feed batch",
    "description": "县民政局管理员可上传任何数据；部门联络员只能上传本部门的数据；部门接口令牌只能上传签发时指定的数据。导入后对涉及的家庭增量筛查并为新预警开立线索。文件 ≤ 2 GiB（流式接收），JSON ≤ 1 MiB。",
    "security": [{"session": [], "csrf": []}, {"token": []}],
    "parameters": [
      {"name": "feed", "in": "path", "required": true, "schema": {"type": "string"},
       "description": "数据类型固定名称，如 medical、population"},
      {"name": "strict", "in": "query", "required": false,
       "schema": {"type": "boolean", "default": false},
       "description": "任一行被拒绝则整批不导入"}],
    "requestBody": {"required": true, "content": {
      "multipart/form-data": {"schema": {"type": "object", "required": ["file"],
        "properties": {"file": {"type": "string", "format": "binary",
          "description": "CSV（UTF-8/GB18030）或 XLSX"}}}},
      "application/json": {"schema": {"type": "object", "required": ["rows"],
        "properties": {"rows": {"type": "array", "minItems": 1, "items": {"type": "object",
          "description": "列名（中文或英文别名，见数据规范）→ 值",
          "additionalProperties": {"description": "文本、数字、布尔（是/否）或 null"}}}}}}}},
    "responses": {
      "400": {"$ref": "#/components/responses/BadRequest"},
      "401": {"$ref": "#/components/responses/Unauthorized"},
      "403": {"$ref": "#/components/responses/Forbidden"},
      "404": {"$ref": "#/components/responses/NotFound"},
      "413": {"$ref": "#/components/responses/TooLarge"}}
  })JSON");
  operation["responses"]["201"] = {{"description", "批次已提交（被拒绝的行列在 errors 中）"},
                                   {"content", json_content(upload_report())}};
  nlohmann::json refused = nlohmann::json::parse(R"JSON({"type": "object", "properties": {
    "error": {"type": "object", "properties": {"code": {"type": "string"},
      "message": {"type": "string"}}}}})JSON");
  refused["properties"]["error"]["properties"]["details"] = upload_report();
  operation["responses"]["422"] = {
      {"description",
       "整批未导入（strict 下有行被拒绝，或文件无法读取/缺少必需列）；details 为批次报告"},
      {"content", json_content(refused)}};
  return operation;
}

}  // namespace

nlohmann::json openapi_feed_paths() {
  nlohmann::json paths;
  paths["/api/v1/feeds/{feed}/batches"]["post"] = upload_operation();
  nlohmann::json list = nlohmann::json::parse(R"JSON({
    "summary": "导入批次列表（最新在前）/ batches",
    "description": "县级角色与督导看全部；部门联络员与接口令牌只看本部门的数据。",
    "security": [{"session": []}, {"token": []}],
    "parameters": [
      {"name": "feed", "in": "query", "required": false, "schema": {"type": "string"}},
      {"$ref": "#/components/parameters/Page"},
      {"$ref": "#/components/parameters/PageSize"}],
    "responses": {
      "400": {"$ref": "#/components/responses/BadRequest"},
      "401": {"$ref": "#/components/responses/Unauthorized"},
      "403": {"$ref": "#/components/responses/Forbidden"}}
  })JSON");
  list["responses"]["200"] = {
      {"description", "分页列表"},
      {"content", json_content({{"type", "object"},
                                {"properties",
                                 {{"items", {{"type", "array"}, {"items", batch_summary()}}},
                                  {"page", {{"type", "integer"}}},
                                  {"page_size", {{"type", "integer"}}},
                                  {"total", {{"type", "integer"}}}}}})}};
  paths["/api/v1/batches"]["get"] = list;
  nlohmann::json one = nlohmann::json::parse(R"JSON({
    "summary": "导入批次报告 / one batch report",
    "security": [{"session": []}, {"token": []}],
    "parameters": [{"name": "batch_id", "in": "path", "required": true,
      "schema": {"type": "integer"}}],
    "responses": {
      "401": {"$ref": "#/components/responses/Unauthorized"},
      "403": {"$ref": "#/components/responses/Forbidden"},
      "404": {"$ref": "#/components/responses/NotFound"}}
  })JSON");
  one["responses"]["200"] = {{"description", "批次报告"},
                             {"content", json_content(batch_report())}};
  paths["/api/v1/batches/{batch_id}"]["get"] = one;
  return paths;
}

}  // namespace faxian::api
