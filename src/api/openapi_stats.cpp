// OpenAPI paths of the stats routes: the supervision board and the home-page figures.

#include "api/openapi.hpp"

namespace faxian::api {

nlohmann::json openapi_stats_paths() {
  return nlohmann::json::parse(R"JSON({
  "/api/v1/stats/supervision": {
    "get": {
      "summary": "督导看板 / supervision figures",
      "description": "县级角色与督导：全县（或 township 指定的乡镇/村）；乡镇民政办：本乡镇；村协理员：本村。热线与部门联络员无权查看。期间默认本月 1 日至今天，最长 10 年。",
      "parameters": [
        {"name": "from", "in": "query", "required": false,
         "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "required": false,
         "schema": {"type": "string", "format": "date"}},
        {"name": "township", "in": "query", "required": false,
         "schema": {"type": "string", "pattern": "^[0-9]{9}([0-9]{3})?$"},
         "description": "9 位乡镇或 12 位村（社区）代码，须在本人辖区内"}],
      "responses": {
        "200": {"description": "各项督导指标", "content": {"application/json": {"schema": {
          "type": "object",
          "required": ["region", "from", "to", "as_of", "volume", "on_time", "funnel",
                       "first_contact", "campaigns", "overdue", "trend"],
          "properties": {
            "region": {"type": "string"},
            "from": {"type": "string", "format": "date"},
            "to": {"type": "string", "format": "date"},
            "as_of": {"type": "string", "format": "date"},
            "volume": {"type": "object", "description": "预警与线索按等级、来源、乡镇"},
            "on_time": {"type": "object", "description": "各乡镇按时率"},
            "funnel": {"type": "object", "description": "预警 → 核实有需求 → 获得救助"},
            "first_contact": {"type": "object", "description": "首次联系用时中位数"},
            "campaigns": {"type": "array", "items": {"type": "object"}},
            "overdue": {"type": "object", "description": "超期线索与任务"},
            "trend": {"type": "array", "items": {"type": "object", "properties": {
              "month": {"type": "string"}, "warnings_raised": {"type": "integer"},
              "leads_created": {"type": "integer"}, "leads_closed": {"type": "integer"}}}}}}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthorized"},
        "403": {"$ref": "#/components/responses/Forbidden"}}
    }
  },
  "/api/v1/stats/dashboard": {
    "get": {
      "summary": "工作台数字 / home-page figures for the caller's scope",
      "description": "区域角色：在办预警（按等级）、在办线索（按状态、等级）、今日新增、今日到期与超期、任务；部门联络员：本部门数据近 7 天的导入批次与待处理转介。",
      "responses": {
        "200": {"description": "工作台数字", "content": {"application/json": {"schema": {
          "type": "object",
          "properties": {
            "as_of": {"type": "string", "format": "date"},
            "scope": {"type": "object", "properties": {
              "kind": {"type": "string", "enum": ["area", "department"]},
              "region": {"type": "string"},
              "feeds": {"type": "array", "items": {"type": "string"}}}},
            "warnings": {"type": "object", "properties": {
              "open": {"type": "integer"}, "red": {"type": "integer"},
              "orange": {"type": "integer"}, "yellow": {"type": "integer"},
              "review": {"type": "integer"}}},
            "leads": {"type": "object", "properties": {
              "open": {"type": "integer"}, "created_today": {"type": "integer"},
              "due_today": {"type": "integer"}, "overdue": {"type": "integer"},
              "overdue_first_contact": {"type": "integer"},
              "overdue_verification": {"type": "integer"},
              "by_status": {"type": "object", "additionalProperties": {"type": "integer"}},
              "by_level": {"type": "object", "additionalProperties": {"type": "integer"}}}},
            "tasks": {"type": "object", "properties": {
              "open": {"type": "integer"}, "overdue": {"type": "integer"},
              "due_today": {"type": "integer"}}},
            "batches_last_7_days": {"type": "object",
              "additionalProperties": {"type": "integer"}},
            "referrals_pending": {"type": "integer", "nullable": true}}}}}},
        "401": {"$ref": "#/components/responses/Unauthorized"}}
    }
  }
})JSON");
}

}  // namespace faxian::api
