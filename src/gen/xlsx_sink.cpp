#include "gen/xlsx_sink.hpp"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include "gen/cell_render.hpp"

namespace faxian::gen {
namespace {

constexpr int64_t kMaxRows = 1048576;

}  // namespace

double excel_serial(Date date) {
  return static_cast<double>(date.days_since_epoch() + 25569);
}

XlsxChunkSink::XlsxChunkSink(const FileStyle& style, Rng rng, XlsxChunk& out)
    : style_(style), rng_(rng), out_(out) {
  out_.columns = style.order.size() + (style.extra_header.empty() ? 0 : 1);
}

void XlsxChunkSink::add_string(XlsxCell::Type type, std::string_view text) {
  XlsxCell cell;
  cell.type = type;
  cell.offset = static_cast<uint32_t>(out_.strings.size());
  cell.length = static_cast<uint32_t>(text.size());
  out_.strings += text;
  out_.cells.push_back(cell);
}

void XlsxChunkSink::row(std::span<const Cell> cells) {
  for (uint8_t column : style_.order) {
    const Cell& cell = cells[column];
    text_.clear();
    switch (cell.kind) {
      case CellKind::kBlank:
        out_.cells.push_back({});
        break;
      case CellKind::kDate:
        if (style_.xlsx_dates == XlsxDates::kText) {
          render_cell_text(cell, style_, rng_, text_);
          add_string(XlsxCell::Type::kText, text_);
        } else {
          out_.cells.push_back({XlsxCell::Type::kDate, 0, 0, excel_serial(cell.date)});
        }
        break;
      case CellKind::kMoney:
        // Whole yuan and amounts of 10 yuan or more print exactly as doubles; smaller amounts
        // with fen are written as text so that no reader sees 0.07000000000000001.
        if (cell.fen % 100 == 0 || cell.fen >= 1000 || cell.fen <= -1000) {
          out_.cells.push_back(
              {XlsxCell::Type::kNumber, 0, 0, static_cast<double>(cell.fen) / 100.0});
        } else {
          append_money(text_, cell.fen, MoneyFormat::kPlain);
          add_string(XlsxCell::Type::kText, text_);
        }
        break;
      case CellKind::kId:
      case CellKind::kCode:
        render_cell_text(cell, style_, rng_, text_);
        add_string(XlsxCell::Type::kCode, text_);
        break;
      default:
        render_cell_text(cell, style_, rng_, text_);
        add_string(XlsxCell::Type::kText, text_);
        break;
    }
  }
  if (!style_.extra_header.empty())
    add_string(XlsxCell::Type::kText, style_.extra_value);
  ++out_.rows;
}

struct XlsxFileWriter::Impl {
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* text_format = nullptr;
  lxw_format* date_format = nullptr;
  int64_t next_row = 1;
  std::string path;
  std::string scratch;
};

Result<std::unique_ptr<XlsxFileWriter>> XlsxFileWriter::open(const std::string& path, Feed feed,
                                                             const FileStyle& style) {
  std::unique_ptr<XlsxFileWriter> writer(new XlsxFileWriter());
  writer->impl_ = std::make_unique<Impl>();
  Impl& impl = *writer->impl_;
  impl.path = path;
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.use_zip64 = LXW_TRUE;
  impl.workbook = workbook_new_opt(path.c_str(), &options);
  if (!impl.workbook) {
    return fail(ErrorCode::kIo, fmt::format("无法创建 Excel 文件：{}", path),
                fmt::format("workbook_new_opt failed: {}", path));
  }
  impl.sheet = workbook_add_worksheet(impl.workbook, std::string(feed_name(feed)).c_str());
  impl.text_format = workbook_add_format(impl.workbook);
  format_set_num_format(impl.text_format, "@");
  impl.date_format = workbook_add_format(impl.workbook);
  if (style.xlsx_dates == XlsxDates::kBuiltinFormat) {
    format_set_num_format_index(impl.date_format, 14);  // m/d/yyyy
  } else {
    format_set_num_format(impl.date_format, "yyyy-mm-dd");
  }
  const auto columns = feed_columns(feed);
  lxw_col_t col = 0;
  for (uint8_t column : style.order) {
    const std::string name(style.english_headers ? columns[column].en : columns[column].zh);
    worksheet_write_string(impl.sheet, 0, col++, name.c_str(), nullptr);
  }
  if (!style.extra_header.empty()) {
    worksheet_write_string(impl.sheet, 0, col, std::string(style.extra_header).c_str(), nullptr);
  }
  return writer;
}

XlsxFileWriter::~XlsxFileWriter() {
  if (impl_ && impl_->workbook)
    workbook_close(impl_->workbook);
}

Result<void> XlsxFileWriter::append(const XlsxChunk& chunk) {
  Impl& impl = *impl_;
  if (impl.next_row + chunk.rows > kMaxRows) {
    return fail(ErrorCode::kUnavailable, "行数超过 Excel 上限（1,048,576 行）",
                "xlsx row limit exceeded");
  }
  for (int64_t r = 0; r < chunk.rows; ++r) {
    const auto row = static_cast<lxw_row_t>(impl.next_row++);
    for (size_t c = 0; c < chunk.columns; ++c) {
      const XlsxCell& cell = chunk.cells[static_cast<size_t>(r) * chunk.columns + c];
      const auto col = static_cast<lxw_col_t>(c);
      switch (cell.type) {
        case XlsxCell::Type::kBlank:
          break;
        case XlsxCell::Type::kText:
        case XlsxCell::Type::kCode:
          impl.scratch.assign(chunk.strings, cell.offset, cell.length);
          worksheet_write_string(impl.sheet, row, col, impl.scratch.c_str(),
                                 cell.type == XlsxCell::Type::kCode ? impl.text_format : nullptr);
          break;
        case XlsxCell::Type::kNumber:
          worksheet_write_number(impl.sheet, row, col, cell.number, nullptr);
          break;
        case XlsxCell::Type::kDate:
          worksheet_write_number(impl.sheet, row, col, cell.number, impl.date_format);
          break;
      }
    }
  }
  return ok();
}

Result<void> XlsxFileWriter::close() {
  Impl& impl = *impl_;
  const lxw_error error = workbook_close(impl.workbook);
  impl.workbook = nullptr;
  if (error != LXW_NO_ERROR) {
    return fail(ErrorCode::kIo, fmt::format("写入 Excel 文件失败：{}", impl.path),
                fmt::format("workbook_close: {}", lxw_strerror(error)));
  }
  return ok();
}

}  // namespace faxian::gen
