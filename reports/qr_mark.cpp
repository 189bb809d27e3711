#include "reports/qr_mark.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace custody::reports {

Status draw_qr(PdfDocument& doc, float x, float y, float size, std::string_view text) {
    std::string copy(text);
    QRcode* code = QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M);
    if (code == nullptr)
        return fail(Error(MessageId::ReportPdfFailed, {"QR", std::strerror(errno)}, "QRcode_encodeString8bit"));
    const int n = code->width;
    const float module = size / static_cast<float>(n + 2);  // a quiet zone of one module
    std::vector<std::pair<float, float>> dark;
    for (int row = 0; row < n; ++row)
        for (int col = 0; col < n; ++col)
            if (code->data[row * n + col] & 1)
                dark.emplace_back(x + module * static_cast<float>(col + 1),
                                  y + size - module * static_cast<float>(row + 2));
    QRcode_free(code);
    doc.fill_squares(dark, module);
    return {};
}

}  // namespace custody::reports
