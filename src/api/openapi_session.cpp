// OpenAPI paths of the session routes, the document itself and the health checks.

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_session_paths() {
  return nlohmann::json::parse(R"JSON({
  "/api/v1/session": {
    "post": {
      "summary": "登录 / log in",
      "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["username", "password"],
        "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
      "responses": {
        "200": {"description": "已登录；会话 Cookie（HttpOnly, SameSite=Strict）随响应设置",
          "content": {"application/json": {"schema": {"type": "object",
            "required": ["user", "role", "region", "csrf_token"],
            "properties": {"user": {"type": "string"}, "role": {"type": "string"},
              "region": {"type": "string", "nullable": true},
              "department": {"type": "string"}, "display_name": {"type": "string"},
              "must_change_password": {"type": "boolean"},
              "csrf_token": {"type": "string"}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"},
        "429": {"$ref": "#/components/responses/TooManyRequests"}}
    },
    "delete": {
      "summary": "退出登录 / log out",
      "security": [{"session": [], "csrf": []}],
      "responses": {"204": {"description": "已退出"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/me": {
    "get": {
      "summary": "当前用户 / who is logged in",
      "responses": {
        "200": {"description": "当前用户", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"username": {"type": "string"},
            "display_name": {"type": "string"}, "role": {"type": "string"},
            "region": {"type": "string", "nullable": true},
            "region_name": {"type": "string"}, "department": {"type": "string"},
            "must_change_password": {"type": "boolean"},
            "csrf_token": {"type": "string", "description": "会话的 CSRF 令牌（页面刷新后重新取得）"}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"}}
    }
  },
  "/api/v1/me/password": {
    "post": {
      "summary": "修改本人密码（至少 10 个字符，不同于用户名）/ change one's password",
      "security": [{"session": [], "csrf": []}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["current_password", "new_password"],
        "properties": {"current_password": {"type": "string"},
          "new_password": {"type": "string", "minLength": 10}}}}}},
      "responses": {"204": {"description": "已修改；本人其他会话结束"},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/openapi.json": {
    "get": {
      "summary": "本文档 / this document",
      "security": [],
      "responses": {"200": {"description": "OpenAPI 3 文档",
        "content": {"application/json": {"schema": {"type": "object"}}}}}
    }
  },
  "/healthz": {
    "get": {
      "summary": "存活检查 / liveness",
      "security": [],
      "responses": {"200": {"description": "进程存活",
        "content": {"application/json": {"schema": {"type": "object"}}}}}
    }
  },
  "/readyz": {
    "get": {
      "summary": "就绪检查：数据库可用且结构为最新 / readiness",
      "security": [],
      "responses": {"200": {"description": "可以服务",
          "content": {"application/json": {"schema": {"type": "object"}}}},
        "503": {"description": "数据库不可用或未迁移",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    }
  }
})JSON");
}

}  // namespace faxian::api
