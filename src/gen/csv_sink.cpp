#include "gen/csv_sink.hpp"

#include "gen/cell_render.hpp"

namespace faxian::gen {

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
}

CsvChunkSink::CsvChunkSink(const FileStyle& style, Rng rng, std::string& out)
    : style_(style), rng_(rng), out_(out) {}

void CsvChunkSink::row(std::span<const Cell> cells) {
  bool first = true;
  for (uint8_t column : style_.order) {
    if (!first)
      out_ += ',';
    first = false;
    field_.clear();
    render_cell_text(cells[column], style_, rng_, field_);
    append_csv_field(out_, field_);
  }
  if (!style_.extra_header.empty()) {
    out_ += ',';
    append_csv_field(out_, style_.extra_value);
  }
  out_ += style_.crlf ? "\r\n" : "\n";
  ++rows_;
}

std::string csv_header(Feed feed, const FileStyle& style) {
  std::string header;
  if (style.bom)
    header += "\xEF\xBB\xBF";
  const auto columns = feed_columns(feed);
  bool first = true;
  auto add = [&](std::string_view name) {
    if (!first)
      header += ',';
    first = false;
    if (style.padded_headers)
      header += ' ';
    append_csv_field(header, name);
    if (style.padded_headers)
      header += ' ';
  };
  for (uint8_t column : style.order) {
    add(style.english_headers ? columns[column].en : columns[column].zh);
  }
  if (!style.extra_header.empty())
    add(style.extra_header);
  header += style.crlf ? "\r\n" : "\n";
  return header;
}

}  // namespace faxian::gen
