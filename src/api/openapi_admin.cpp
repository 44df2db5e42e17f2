// OpenAPI paths of the admin routes (routes_admin.cpp, admin_reference.cpp): users, API tokens,
// the audit log, and the reference data of the settings pages.

#include "api/openapi.hpp"

namespace faxian::api {
namespace {

constexpr const char* kPaths = R"JSON({
  "/api/v1/users": {
    "get": {
      "summary": "用户列表（不含密码哈希）/ users — county_admin",
      "parameters": [{"$ref": "#/components/parameters/Page"}, {"$ref": "#/components/parameters/PageSize"}],
      "responses": {
        "200": {"description": "用户", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    },
    "post": {
      "summary": "新建用户（初始密码只显示一次，首次登录须修改）/ create a user — county_admin",
      "description": "township_officer 须给乡镇（街道）代码，village_coordinator 须给村（社区）代码，department_liaison 须给部门；其他角色不填 region。",
      "security": [{"session": [], "csrf": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["username", "role"],
        "properties": {"username": {"type": "string", "pattern": "^[a-z][a-z0-9._-]{2,31}$"},
          "role": {"type": "string", "enum": ["county_admin", "county_officer", "township_officer",
            "village_coordinator", "hotline_operator", "department_liaison", "auditor"]},
          "region": {"type": "string"}, "department": {"type": "string"},
          "display_name": {"type": "string", "maxLength": 50}}}}}},
      "responses": {
        "201": {"description": "已创建", "content": {"application/json": {"schema": {"$ref": "local:UserWithPassword"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "409": {"$ref": "#/components/responses/Conflict"}}
    }
  },
  "/api/v1/users/{username}/disable": {
    "post": {
      "summary": "停用用户（结束其全部会话）/ disable a user — county_admin",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"$ref": "local:Username"}],
      "responses": {
        "200": {"description": "已停用", "content": {"application/json": {"schema": {"$ref": "local:User"}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {"$ref": "#/components/responses/NotFound"},
        "422": {"$ref": "#/components/responses/Unprocessable"}}
    }
  },
  "/api/v1/users/{username}/enable": {
    "post": {
      "summary": "重新启用用户 / enable a user — county_admin",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"$ref": "local:Username"}],
      "responses": {
        "200": {"description": "已启用", "content": {"application/json": {"schema": {"$ref": "local:User"}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {"$ref": "#/components/responses/NotFound"}}
    }
  },
  "/api/v1/users/{username}/reset-password": {
    "post": {
      "summary": "重置密码（新初始密码只显示一次，须修改；解除锁定并结束会话）/ reset a password — county_admin",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"$ref": "local:Username"}],
      "responses": {
        "200": {"description": "已重置", "content": {"application/json": {"schema": {"$ref": "local:UserWithPassword"}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {"$ref": "#/components/responses/NotFound"}}
    }
  },
  "/api/v1/tokens": {
    "get": {
      "summary": "部门接口令牌列表 / API tokens — county_admin",
      "responses": {
        "200": {"description": "令牌（不含密钥）", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "local:ApiToken"}}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    },
    "post": {
      "summary": "签发接口令牌（密钥只显示一次）/ issue a token — county_admin",
      "security": [{"session": [], "csrf": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["name", "department", "expires_on"],
        "properties": {"name": {"type": "string"}, "department": {"type": "string"},
          "feeds": {"type": "array", "items": {"type": "string"}},
          "expires_on": {"type": "string", "format": "date", "description": "今天之后、一年以内"}}}}}},
      "responses": {
        "201": {"description": "已签发", "content": {"application/json": {"schema": {
          "allOf": [{"$ref": "local:ApiToken"},
            {"type": "object", "required": ["secret"], "properties": {"secret": {"type": "string"}}}]}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/tokens/{token_id}": {
    "delete": {
      "summary": "吊销接口令牌 / revoke a token — county_admin",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"name": "token_id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {
        "204": {"description": "已吊销"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "404": {"$ref": "#/components/responses/NotFound"}}
    }
  },
  "/api/v1/audit": {
    "get": {
      "summary": "审计日志检索（新的在前）/ search the audit log — county_admin, auditor",
      "parameters": [
        {"name": "actor", "in": "query", "schema": {"type": "string"}},
        {"name": "action", "in": "query", "schema": {"type": "string"}},
        {"name": "object_type", "in": "query", "schema": {"type": "string"}},
        {"name": "object_id", "in": "query", "schema": {"type": "string"}},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"$ref": "#/components/parameters/Page"}, {"$ref": "#/components/parameters/PageSize"}],
      "responses": {
        "200": {"description": "审计记录", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/audit/verify": {
    "post": {
      "summary": "校验审计日志哈希链 / verify the hash chain — county_admin, auditor",
      "security": [{"session": [], "csrf": []}],
      "responses": {
        "200": {"description": "校验结果", "content": {"application/json": {"schema": {
          "type": "object", "required": ["entries", "intact", "first_bad_id", "problem"],
          "properties": {"entries": {"type": "integer"}, "intact": {"type": "boolean"},
            "first_bad_id": {"type": "integer", "nullable": true}, "problem": {"type": "string"}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/standards": {
    "get": {
      "summary": "现行救助标准 / the standards in force",
      "responses": {
        "200": {"description": "标准（金额单位：元）", "content": {"application/json": {"schema": {"type": "object"}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "503": {"description": "尚未载入标准", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    }
  },
  "/api/v1/calendar/{year}": {
    "get": {
      "summary": "某年的工作日历 / a year's holiday calendar",
      "parameters": [{"$ref": "local:Year"}],
      "responses": {
        "200": {"description": "{year, holidays, workdays}", "content": {"application/json": {"schema": {"$ref": "local:CalendarYear"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "404": {"$ref": "#/components/responses/NotFound"}}
    },
    "put": {
      "summary": "载入或修改某年的工作日历 / store a year's calendar — county_admin",
      "security": [{"session": [], "csrf": []}],
      "parameters": [{"$ref": "local:Year"}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "local:CalendarYear"}}}},
      "responses": {
        "200": {"description": "已保存", "content": {"application/json": {"schema": {"$ref": "local:CalendarYear"}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/rules": {
    "post": {
      "summary": "保存为新的规则版本（与现行相同则不保存）/ store a new rule-set version — county_admin",
      "security": [{"session": [], "csrf": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["toml", "note"], "properties": {"toml": {"type": "string"}, "note": {"type": "string", "description": "修改说明"}}}}}},
      "responses": {
        "201": {"description": "已保存为新版本", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"version": {"type": "integer"}, "unchanged": {"type": "boolean"},
            "diff": {"type": "array", "items": {"type": "string"}}}}}}},
        "200": {"description": "与现行版本相同，未保存", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"version": {"type": "integer", "nullable": true}, "unchanged": {"type": "boolean"}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    },
    "get": {
      "summary": "现行预警规则及版本历史 / the rule set in force and its versions",
      "responses": {
        "200": {"description": "规则", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"in_force": {"type": "object"}, "rules": {"type": "array", "items": {"type": "object"}},
            "levels": {"type": "object"}, "versions": {"type": "array", "items": {"type": "object"}}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "503": {"description": "尚未载入规则", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    }
  },
  "/api/v1/rules/dry-run": {
    "post": {
      "summary": "规则试运行：候选规则与现行规则按等级、乡镇的预警数对比（不保存）/ dry run a candidate rule set — county_admin, county_officer",
      "security": [{"session": [], "csrf": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
        "required": ["toml"], "properties": {"toml": {"type": "string", "description": "候选规则 TOML 全文"},
          "as_of": {"type": "string", "format": "date", "description": "默认为最近一次筛查的基准日"}}}}}},
      "responses": {
        "200": {"description": "对比", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"as_of": {"type": "string", "format": "date"}, "compared_version": {"type": "integer"},
            "diff": {"type": "array", "items": {"type": "string"}},
            "in_force": {"$ref": "local:LevelCounts"}, "candidate": {"$ref": "local:LevelCounts"},
            "townships": {"type": "array", "items": {"type": "object", "properties": {
              "code": {"type": "string"}, "name": {"type": "string"},
              "in_force": {"$ref": "local:LevelCounts"}, "candidate": {"$ref": "local:LevelCounts"}}}}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/settings/deadlines": {
    "get": {
      "summary": "办理时限设置 / the deadline settings",
      "responses": {
        "200": {"description": "时限", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
            "key": {"type": "string"}, "label": {"type": "string"}, "value": {"type": "integer"},
            "unit": {"type": "string", "enum": ["working_days", "calendar_days"]}}}},
            "note": {"type": "string"}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"}}
    }
  }
})JSON";

// Schemas and parameters used only here, written in place of {"$ref": "local:<name>"} (the
// shared components are fixed in routes_openapi.cpp).
constexpr const char* kLocal = R"JSON({
  "User": {"type": "object", "properties": {"username": {"type": "string"},
    "display_name": {"type": "string"}, "role": {"type": "string"},
    "region": {"type": "string", "nullable": true}, "department": {"type": "string"},
    "must_change_password": {"type": "boolean"}, "disabled": {"type": "boolean"},
    "created_at": {"type": "integer"}}},
  "UserWithPassword": {"allOf": [{"$ref": "local:User"}, {"type": "object",
    "required": ["initial_password"], "properties": {"initial_password": {"type": "string"}}}]},
  "ApiToken": {"type": "object", "properties": {"token_id": {"type": "integer"},
    "name": {"type": "string"}, "department": {"type": "string"},
    "feeds": {"type": "array", "items": {"type": "string"}}, "created_at": {"type": "integer"},
    "expires_at": {"type": "integer"}, "revoked_at": {"type": "integer", "nullable": true},
    "last_used_at": {"type": "integer", "nullable": true}, "active": {"type": "boolean"}}},
  "CalendarYear": {"type": "object", "required": ["year", "holidays", "workdays"], "properties": {
    "year": {"type": "integer"},
    "holidays": {"type": "array", "items": {"type": "string", "format": "date"}},
    "workdays": {"type": "array", "items": {"type": "string", "format": "date"}}}},
  "LevelCounts": {"type": "object", "properties": {"red": {"type": "integer"},
    "orange": {"type": "integer"}, "yellow": {"type": "integer"}, "review": {"type": "integer"}}},
  "Username": {"name": "username", "in": "path", "required": true, "schema": {"type": "string"}},
  "Year": {"name": "year", "in": "path", "required": true,
    "schema": {"type": "integer", "minimum": 2000, "maximum": 2100}}
})JSON";

void inline_local_refs(nlohmann::json& node, const nlohmann::json& local) {
  if (node.is_object()) {
    auto ref = node.find("$ref");
    if (ref != node.end() && ref->is_string() && ref->get<std::string>().starts_with("local:")) {
      node = local.at(ref->get<std::string>().substr(6));
      inline_local_refs(node, local);
      return;
    }
  }
  if (node.is_structured()) {
    for (auto& child : node)
      inline_local_refs(child, local);
  }
}

}  // namespace

nlohmann::json openapi_admin_paths() {
  nlohmann::json paths = nlohmann::json::parse(kPaths);
  inline_local_refs(paths, nlohmann::json::parse(kLocal));
  return paths;
}

}  // namespace faxian::api
