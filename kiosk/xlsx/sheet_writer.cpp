// write_sheet: every cell as text through libxlsxwriter, into path.partial, published
// only when the workbook is complete and on disk.
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

#include "kiosk/core/csv.h"
#include "kiosk/xlsx/cell_text.h"
#include "kiosk/xlsx/durable_rename.h"
#include "kiosk/xlsx/xlsx_sheet.h"

namespace custody {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// A pale blue, the usual fill of a finance sheet's header.
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr double kMaxColumnWidth = 255;  // Excel's own limit, in characters

struct WorkbookFree {
    void operator()(lxw_workbook* wb) const { lxw_workbook_free(wb); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookFree>;

Error write_failed(const std::string& path, std::string reason) {
    return Error(MessageId::XlsxWriteFailed, {path, std::move(reason)});
}

// Before anything is built: libxlsxwriter would write such bytes into the XML as they
// are, and Excel would then refuse the whole file.
Status check_text(const std::string& path, const Rows& rows) {
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            if (!valid_utf8(rows[r][c]))
                return fail(Error(MessageId::XlsxCellNotText, {path, std::to_string(r + 1), xlsx::column_name(c)}));
    return {};
}

// libxlsxwriter creates its file only when closing and then reports a bare "error
// creating file"; trying first gives the system's reason (no such folder, read-only).
Status try_create(const std::string& path, const std::string& partial) {
    int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(write_failed(path, std::strerror(errno)));
    ::close(fd);
    return {};
}

Status set_columns(const std::string& path, lxw_worksheet* ws, const std::vector<double>& widths) {
    for (std::size_t c = 0; c < widths.size(); ++c) {
        double w = widths[c];
        if (!std::isfinite(w) || w < 0 || w > kMaxColumnWidth)
            return fail(write_failed(path, "column " + xlsx::column_name(c) + " width " + std::to_string(w) +
                                               " is outside 0 to 255"));
        lxw_error e = worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
        if (e != LXW_NO_ERROR) return fail(write_failed(path, "column " + xlsx::column_name(c) + ": " + lxw_strerror(e)));
    }
    return {};
}

lxw_format* header_format(lxw_workbook* wb) {
    lxw_format* f = workbook_add_format(wb);
    format_set_bold(f);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, kHeaderFill);
    return f;
}

Status write_cells(const std::string& path, lxw_worksheet* ws, const Rows& rows, lxw_format* header, int header_rows) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
        // Header cells are written even when empty, so the fill runs unbroken.
        lxw_format* format = static_cast<long long>(r) < header_rows ? header : nullptr;
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (r >= static_cast<std::size_t>(xlsx::kMaxRows) || c >= xlsx::kMaxColumns)
                return fail(write_failed(path, "the sheet has more rows or columns than Excel allows"));
            lxw_error e = worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                                 xlsx::protect_xstring(rows[r][c]).c_str(), format);
            if (e != LXW_NO_ERROR)
                return fail(write_failed(path, "cell " + xlsx::column_name(c) + std::to_string(r + 1) + ": " +
                                                   lxw_strerror(e)));
        }
    }
    return {};
}

Status build(const std::string& path, lxw_workbook* wb, const Rows& rows, const SheetWriteOptions& opt) {
    const char* name = opt.sheet_name.empty() ? nullptr : opt.sheet_name.c_str();
    if (name != nullptr) {
        lxw_error e = workbook_validate_sheet_name(wb, name);
        if (e != LXW_NO_ERROR) return fail(write_failed(path, "sheet name \"" + opt.sheet_name + "\": " + lxw_strerror(e)));
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    if (ws == nullptr) return fail(write_failed(path, "cannot add the worksheet"));
    CUSTODY_TRY(set_columns(path, ws, opt.column_widths));
    if (opt.header_rows > 0)
        worksheet_freeze_panes(ws, static_cast<lxw_row_t>(std::min(opt.header_rows, xlsx::kMaxRows - 1)), 0);
    return write_cells(path, ws, rows, header_format(wb), opt.header_rows);
}

Status write_partial(const std::string& path, const std::string& partial, const Rows& rows,
                     const SheetWriteOptions& opt) {
    Workbook wb(workbook_new(partial.c_str()));
    if (!wb) return fail(write_failed(path, "out of memory"));
    CUSTODY_TRY(build(path, wb.get(), rows, opt));
    // workbook_close frees the workbook whatever it returns.
    lxw_error e = workbook_close(wb.release());
    if (e != LXW_NO_ERROR) return fail(write_failed(path, lxw_strerror(e)));
    return {};
}

}  // namespace

Status write_sheet(const std::string& path, const Rows& rows, const SheetWriteOptions& opt) {
    CUSTODY_TRY(check_text(path, rows));
    const std::string partial = path + ".partial";
    CUSTODY_TRY(try_create(path, partial));
    if (auto written = write_partial(path, partial, rows, opt); !written) {
        ::unlink(partial.c_str());
        return written;
    }
    auto published = xlsx::publish_durably(partial, path);
    if (published.error != 0)
        return fail(write_failed(published.where, std::strerror(published.error)));
    return {};
}

}  // namespace custody
