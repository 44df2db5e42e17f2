#pragma once
// Expat (SAX) for the parts of an .xlsx, hardened: memory is capped per parser (a custom
// allocator; a huge token fails cleanly instead of growing without bound), documents with a
// DTD are refused (no entity expansion at all), and element and attribute names are matched
// by local name so that prefixed writers (`x:row`) read like the usual unprefixed ones.
// Parsing can be suspended from a handler and resumed (one sheet row at a time).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace faxian::ingest {

// Callbacks for one document. `attributes` is expat's null-terminated name/value array.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void on_start(std::string_view name, const char** attributes) = 0;
  virtual void on_end(std::string_view name) = 0;
  virtual void on_text(std::string_view text) = 0;
};

// The local part of a possibly prefixed XML name: "x:row" → "row".
std::string_view xml_local_name(std::string_view name);
// The value of the attribute whose local name is `name`, or nullptr.
const char* xml_attribute(const char** attributes, std::string_view name);

class XmlParser {
 public:
  enum class Status { kOk, kSuspended, kStopped };

  // REQUIRES: handler outlives the parser. Memory of the parser itself is capped at
  // `max_memory` bytes.
  XmlParser(XmlHandler& handler, std::string part_name, int64_t max_memory = 64 << 20);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // A buffer of `size` bytes to fill with the next chunk, then pass to parse_buffer; an Error
  // when the parser's memory cap is reached.
  Result<char*> buffer(size_t size);
  // Parses the chunk written into buffer(): kOk when consumed, kSuspended when a handler
  // called suspend(), kStopped when a handler called stop(); an Error for malformed XML.
  Result<Status> parse_buffer(size_t size, bool final);
  // Parses bytes held elsewhere (whole small documents).
  Result<Status> parse(std::string_view bytes, bool final);
  // Continues after kSuspended, with the same results as parse_buffer.
  Result<Status> resume();
  // From a handler: pause after the current callback (resumable) / end parsing for good.
  void suspend();
  void stop();

  struct State;  // implementation detail, public for expat's C callbacks

 private:
  Result<Status> finish(int expat_status);
  Error memory_error() const;
  std::unique_ptr<State> state_;
};

// Parses a whole document held in memory. Errors: malformed XML, a DTD, the memory cap.
Result<void> parse_xml_document(std::string_view bytes, XmlHandler& handler,
                                const std::string& part_name);

}  // namespace faxian::ingest
