#include "ingest/xlsx_xml.hpp"

#include <expat.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

namespace faxian::ingest {
namespace {

struct MemoryBudget {
  int64_t limit = 0;
  int64_t used = 0;
};

// Expat's allocator has no context argument: the budget of the parser being called is set
// around every call into expat, and each block remembers its budget in a 16-byte header.
thread_local MemoryBudget* current_budget = nullptr;

struct alignas(16) BlockHeader {
  MemoryBudget* budget;
  size_t size;
};

class BudgetScope {
 public:
  explicit BudgetScope(MemoryBudget* budget) : saved_(current_budget) { current_budget = budget; }
  ~BudgetScope() { current_budget = saved_; }
  BudgetScope(const BudgetScope&) = delete;
  BudgetScope& operator=(const BudgetScope&) = delete;

 private:
  MemoryBudget* saved_;
};

bool over_budget(const MemoryBudget* budget, size_t extra) {
  return budget != nullptr && budget->used + static_cast<int64_t>(extra) > budget->limit;
}

void* budget_malloc(size_t size) {
  MemoryBudget* budget = current_budget;
  if (over_budget(budget, size))
    return nullptr;
  auto* header = static_cast<BlockHeader*>(std::malloc(sizeof(BlockHeader) + size));
  if (header == nullptr)
    return nullptr;
  header->budget = budget;
  header->size = size;
  if (budget != nullptr)
    budget->used += static_cast<int64_t>(size);
  return header + 1;
}

void budget_free(void* pointer) {
  if (pointer == nullptr)
    return;
  BlockHeader* header = static_cast<BlockHeader*>(pointer) - 1;
  if (header->budget != nullptr)
    header->budget->used -= static_cast<int64_t>(header->size);
  std::free(header);
}

void* budget_realloc(void* pointer, size_t size) {
  if (pointer == nullptr)
    return budget_malloc(size);
  BlockHeader* header = static_cast<BlockHeader*>(pointer) - 1;
  MemoryBudget* budget = header->budget;
  const size_t old_size = header->size;
  if (size > old_size && over_budget(budget, size - old_size))
    return nullptr;
  auto* moved = static_cast<BlockHeader*>(std::realloc(header, sizeof(BlockHeader) + size));
  if (moved == nullptr)
    return nullptr;
  moved->size = size;
  if (budget != nullptr)
    budget->used += static_cast<int64_t>(size) - static_cast<int64_t>(old_size);
  return moved + 1;
}

const XML_Memory_Handling_Suite kMemorySuite = {budget_malloc, budget_realloc, budget_free};

constexpr size_t kParseSlice = 16 << 20;

}  // namespace

struct XmlParser::State {
  State(XmlHandler& h, std::string part_name, int64_t max_memory)
      : handler(h), part(std::move(part_name)) {
    budget.limit = max_memory;
  }
  XmlHandler& handler;
  std::string part;
  MemoryBudget budget;
  XML_Parser parser = nullptr;
  bool doctype = false;
  bool stopped = false;
};

namespace {

void XMLCALL handle_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto* state = static_cast<XmlParser::State*>(data);
  state->handler.on_start(xml_local_name(name), attributes);
}

void XMLCALL handle_end(void* data, const XML_Char* name) {
  static_cast<XmlParser::State*>(data)->handler.on_end(xml_local_name(name));
}

void XMLCALL handle_text(void* data, const XML_Char* text, int length) {
  static_cast<XmlParser::State*>(data)->handler.on_text(
      std::string_view(text, static_cast<size_t>(length)));
}

// OOXML parts never need a DTD; refusing one rules out entity-expansion attacks entirely.
void XMLCALL handle_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* state = static_cast<XmlParser::State*>(data);
  state->doctype = true;
  XML_StopParser(state->parser, XML_FALSE);
}

}  // namespace

std::string_view xml_local_name(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* xml_attribute(const char** attributes, std::string_view name) {
  for (size_t index = 0; attributes[index] != nullptr; index += 2) {
    if (xml_local_name(attributes[index]) == name)
      return attributes[index + 1];
  }
  return nullptr;
}

XmlParser::XmlParser(XmlHandler& handler, std::string part_name, int64_t max_memory)
    : state_(std::make_unique<State>(handler, std::move(part_name), max_memory)) {
  BudgetScope scope(&state_->budget);
  state_->parser = XML_ParserCreate_MM(nullptr, &kMemorySuite, nullptr);
  if (state_->parser == nullptr)
    return;
  XML_SetUserData(state_->parser, state_.get());
  XML_SetElementHandler(state_->parser, handle_start, handle_end);
  XML_SetCharacterDataHandler(state_->parser, handle_text);
  XML_SetStartDoctypeDeclHandler(state_->parser, handle_doctype);
}

XmlParser::~XmlParser() {
  BudgetScope scope(&state_->budget);
  if (state_->parser != nullptr)
    XML_ParserFree(state_->parser);
}

Result<char*> XmlParser::buffer(size_t size) {
  if (state_->parser == nullptr)
    return tl::unexpected(memory_error());
  BudgetScope scope(&state_->budget);
  void* buffer = XML_GetBuffer(state_->parser, static_cast<int>(size));
  if (buffer == nullptr)
    return tl::unexpected(memory_error());
  return static_cast<char*>(buffer);
}

Error XmlParser::memory_error() const {
  return Error(ErrorCode::kInvalidArgument,
               "XLSX 文件内容异常：" + state_->part + " 中的元素过大，超出内存上限",
               "expat memory cap reached");
}

Result<XmlParser::Status> XmlParser::parse_buffer(size_t size, bool final) {
  if (state_->parser == nullptr)
    return finish(XML_STATUS_ERROR);
  BudgetScope scope(&state_->budget);
  return finish(XML_ParseBuffer(state_->parser, static_cast<int>(size), final));
}

Result<XmlParser::Status> XmlParser::parse(std::string_view bytes, bool final) {
  if (state_->parser == nullptr)
    return finish(XML_STATUS_ERROR);
  BudgetScope scope(&state_->budget);
  do {
    const size_t slice = std::min(bytes.size(), kParseSlice);
    const bool last = slice == bytes.size();
    auto status =
        finish(XML_Parse(state_->parser, bytes.data(), static_cast<int>(slice), last && final));
    if (!status || *status != Status::kOk)
      return status;
    bytes.remove_prefix(slice);
  } while (!bytes.empty());
  return Status::kOk;
}

Result<XmlParser::Status> XmlParser::resume() {
  BudgetScope scope(&state_->budget);
  return finish(XML_ResumeParser(state_->parser));
}

void XmlParser::suspend() {
  XML_StopParser(state_->parser, XML_TRUE);
}

void XmlParser::stop() {
  state_->stopped = true;
  XML_StopParser(state_->parser, XML_FALSE);
}

Result<XmlParser::Status> XmlParser::finish(int expat_status) {
  if (expat_status == XML_STATUS_OK)
    return Status::kOk;
  if (expat_status == XML_STATUS_SUSPENDED)
    return Status::kSuspended;
  const State& state = *state_;
  if (state.parser == nullptr || XML_GetErrorCode(state.parser) == XML_ERROR_NO_MEMORY)
    return tl::unexpected(memory_error());
  if (state.doctype) {
    return fail(ErrorCode::kInvalidArgument,
                "XLSX 文件内容异常：" + state.part + " 含有文档类型声明（DTD），已拒绝",
                "DTD refused");
  }
  if (state.stopped && XML_GetErrorCode(state.parser) == XML_ERROR_ABORTED)
    return Status::kStopped;
  const XML_Error code = XML_GetErrorCode(state.parser);
  return fail(
      ErrorCode::kInvalidArgument,
      fmt::format("XLSX 文件已损坏：{} 第 {} 行第 {} 列的 XML 格式错误", state.part,
                  XML_GetCurrentLineNumber(state.parser), XML_GetCurrentColumnNumber(state.parser)),
      std::string("expat: ") + XML_ErrorString(code));
}

Result<void> parse_xml_document(std::string_view bytes, XmlHandler& handler,
                                const std::string& part_name) {
  XmlParser parser(handler, part_name);
  auto status = parser.parse(bytes, true);
  if (!status)
    return tl::unexpected(status.error());
  return ok();
}

}  // namespace faxian::ingest
