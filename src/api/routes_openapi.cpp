// GET /api/v1/openapi.json: the OpenAPI 3 document, assembled from the route groups' fragments
// (openapi.hpp) and the components they share.

#include <nlohmann/json.hpp>

#include "api/openapi.hpp"
#include "api/router.hpp"

namespace faxian::api {
namespace {

nlohmann::json error_response(const char* description) {
  return {
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

nlohmann::json components() {
  nlohmann::json schemas = {
      {"Error",
       {{"type", "object"},
        {"required", {"error"}},
        {"properties",
         {{"error",
           {{"type", "object"},
            {"required", {"code", "message", "details"}},
            {"properties",
             {{"code", {{"type", "string"}, {"example", "not_found"}}},
              {"message", {{"type", "string"}, {"description", "中文错误信息"}}},
              {"details", {{"type", "object"}}}}}}}}}}},
      {"Page",
       {{"type", "object"},
        {"required", {"items", "page", "page_size", "total"}},
        {"properties",
         {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"page", {{"type", "integer"}, {"minimum", 1}}},
          {"page_size", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPageSize}}},
          {"total", {{"type", "integer"}, {"minimum", 0}}}}}}}};
  nlohmann::json responses = {
      {"BadRequest", error_response("请求参数无效 / invalid input")},
      {"Unauthorized", error_response("未登录或登录已过期 / no valid session or token")},
      {"Forbidden", error_response("角色无权操作、CSRF 令牌无效或须先修改密码 / forbidden")},
      {"NotFound", error_response("不存在或不在本人辖区内 / not found or outside the area")},
      {"Conflict", error_response("版本已过期或状态冲突 / stale version or conflict")},
      {"TooLarge", error_response("请求内容过大 / payload too large")},
      {"Unprocessable", error_response("违反业务规则，如非法的状态转换 / rule violation")},
      {"TooManyRequests", error_response("请求过于频繁 / rate limited")}};
  nlohmann::json parameters = {
      {"Page",
       {{"name", "page"},
        {"in", "query"},
        {"schema", {{"type", "integer"}, {"minimum", 1}, {"default", 1}}}}},
      {"PageSize",
       {{"name", "page_size"},
        {"in", "query"},
        {"schema",
         {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPageSize}, {"default", 50}}}}}};
  nlohmann::json security = {
      {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "faxian_session"}}},
      {"csrf", {{"type", "apiKey"}, {"in", "header"}, {"name", "X-CSRF-Token"}}},
      {"token", {{"type", "http"}, {"scheme", "bearer"}}}};
  return {{"schemas", schemas},
          {"responses", responses},
          {"parameters", parameters},
          {"securitySchemes", security}};
}

void merge_paths(nlohmann::json& paths, const nlohmann::json& fragment) {
  for (const auto& [path, operations] : fragment.items()) {
    for (const auto& [method, operation] : operations.items())
      paths[path][method] = operation;
  }
}

}  // namespace

nlohmann::json openapi_document() {
  nlohmann::json paths = nlohmann::json::object();
  merge_paths(paths, openapi_session_paths());
  merge_paths(paths, openapi_household_paths());
  merge_paths(paths, openapi_lead_paths());
  merge_paths(paths, openapi_feed_paths());
  merge_paths(paths, openapi_stats_paths());
  merge_paths(paths, openapi_public_paths());
  merge_paths(paths, openapi_admin_paths());
  merge_paths(paths, openapi_casework_paths());
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "Faxian 发现 — 社会救助主动发现 API"},
            {"version", "1"},
            {"description",
             "县民政局社会救助主动发现平台的接口。所有列表按调用者的辖区过滤；身份证号和手机号默认"
             "脱敏；状态变更请求须带会话的 X-CSRF-Token。"}}},
          {"servers", {{{"url", "/"}}}},
          {"security", {{{"session", nlohmann::json::array()}}}},
          {"paths", paths},
          {"components", components()}};
}

void register_openapi_route(Router& router) {
  router.add("GET", "/api/v1/openapi.json", Access::open(), [](Call&) -> Result<Reply> {
    static const nlohmann::json document = openapi_document();
    return Reply::json(document);
  });
}

}  // namespace faxian::api
