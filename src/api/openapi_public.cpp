// OpenAPI paths of the public routes (routes_public.cpp): no login, rate-limited per client.

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_public_paths() {
  return nlohmann::json::parse(R"JSON({
  "/api/v1/public/challenge": {
    "get": {
      "summary": "获取验证题 / a challenge for the report form",
      "description": "一道中文算术题（如“三加四等于几？”）。challenge_id 带有效期（15 分钟）和服务器签名（HMAC），答案不在其中；每道题只能用于一次提交；服务重启后旧题失效。",
      "security": [],
      "responses": {
        "200": {"description": "验证题", "content": {"application/json": {"schema": {
          "type": "object", "required": ["challenge_id", "question"],
          "properties": {"challenge_id": {"type": "string"}, "question": {"type": "string", "example": "三加四等于几？"},
            "expires_in": {"type": "integer", "description": "seconds"}}}}}}
      }
    }
  },
  "/api/v1/public/regions": {
    "get": {
      "summary": "乡镇（街道）和村（社区）列表 / townships and villages for the form",
      "security": [],
      "responses": {
        "200": {"description": "本县区划", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"townships": {"type": "array", "items": {
            "type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"},
              "villages": {"type": "array", "items": {"type": "object", "properties": {
                "code": {"type": "string"}, "name": {"type": "string"}}}}}}}}}}}}
      }
    }
  },
  "/api/v1/public/reports": {
    "post": {
      "summary": "报告困难群众 / report a person in difficulty",
      "description": "开启一条来源为社会力量报告（social_report）的线索，进入所在乡镇（街道）的待办。每个客户端地址每小时最多尝试 5 次（含失败的尝试）。须给出 village 或 township 之一（村优先）。",
      "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["subject_name", "description", "challenge_id", "challenge_answer"],
        "properties": {
          "subject_name": {"type": "string", "minLength": 1, "maxLength": 50, "description": "困难群众姓名或称呼"},
          "village": {"type": "string", "description": "村（社区）代码（12 位）"},
          "township": {"type": "string", "description": "乡镇（街道）代码（9 位），未选村时必填"},
          "address": {"type": "string", "maxLength": 200},
          "description": {"type": "string", "minLength": 5, "maxLength": 2000, "description": "遇到的困难"},
          "reporter_phone": {"type": "string", "maxLength": 20, "description": "报告人回访电话（可选）"},
          "challenge_id": {"type": "string"},
          "challenge_answer": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}}}},
      "responses": {
        "201": {"description": "已受理；查询码只显示一次", "content": {"application/json": {"schema": {
          "type": "object", "required": ["code"],
          "properties": {"code": {"type": "string", "example": "K7PM-3QXR-9T"},
            "stage": {"type": "string"}, "stage_label": {"type": "string"}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "429": {"description": "提交过于频繁（带 Retry-After 头）",
          "headers": {"Retry-After": {"schema": {"type": "integer"}}},
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
      }
    }
  },
  "/api/v1/public/reports/{code}": {
    "get": {
      "summary": "按查询码查询进度 / the stage of a report",
      "description": "只返回阶段：received（已受理）、in_progress（核实处理中）、handled（已处理完毕），不含任何个人信息或处理结果。每个客户端地址每小时最多查询 60 次。",
      "security": [],
      "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {
        "200": {"description": "阶段", "content": {"application/json": {"schema": {
          "type": "object", "required": ["code", "stage", "stage_label", "updated"],
          "properties": {"code": {"type": "string"},
            "stage": {"type": "string", "enum": ["received", "in_progress", "handled"]},
            "stage_label": {"type": "string"}, "updated": {"type": "string", "format": "date"}}}}}},
        "404": {"$ref": "#/components/responses/NotFound"},
        "429": {"description": "查询过于频繁（带 Retry-After 头）",
          "headers": {"Retry-After": {"schema": {"type": "integer"}}},
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
      }
    }
  },
  "/api/v1/public/policy": {
    "get": {
      "summary": "政策页数据 / the policy page",
      "description": "当前低保、特困标准（元/人/月）、财产限制和救助热线（如已配置，workflow_settings 的 public.hotline）。",
      "security": [],
      "responses": {
        "200": {"description": "政策数据", "content": {"application/json": {"schema": {
          "type": "object", "properties": {"as_of": {"type": "string", "format": "date"},
            "in_force_from": {"type": "string", "format": "date"},
            "dibao_urban_monthly": {"type": "number"}, "dibao_rural_monthly": {"type": "number"},
            "tekun_monthly": {"type": "number"}, "low_income_edge_multiple": {"type": "number"},
            "asset_limits": {"type": "object"}, "source": {"type": "string"},
            "hotline": {"type": "string", "nullable": true}, "where_to_ask": {"type": "string"},
            "notice": {"type": "string"}}}}}},
        "503": {"description": "暂无适用的救助标准", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
      }
    }
  },
  "/api/v1/public/self-check": {
    "post": {
      "summary": "自助测算（仅供参考）/ indicative self-check",
      "description": "按家庭人口和家庭月收入给出可能适用的救助，仅供参考、不是审批决定；不记录任何信息。",
      "security": [],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {
        "type": "object", "required": ["household_size", "monthly_income"],
        "properties": {"household_size": {"type": "integer", "minimum": 1, "maximum": 30},
          "monthly_income": {"type": "number", "minimum": 0, "description": "全家月收入（元）"},
          "area": {"type": "string", "enum": ["urban", "rural"], "default": "rural"}}}}}},
      "responses": {
        "200": {"description": "参考结果", "content": {"application/json": {"schema": {
          "type": "object", "required": ["indicative", "notice", "results"],
          "properties": {"indicative": {"type": "boolean"}, "notice": {"type": "string"},
            "area": {"type": "string"}, "per_capita_monthly_income": {"type": "number"},
            "dibao_standard": {"type": "number"}, "low_income_edge_line": {"type": "number"},
            "results": {"type": "array", "items": {"type": "object", "properties": {
              "programme": {"type": "string"}, "label": {"type": "string"},
              "may_apply": {"type": "boolean"}, "reason": {"type": "string"}}}},
            "where_to_ask": {"type": "string"}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"}
      }
    }
  }
})JSON");
}

}  // namespace faxian::api
