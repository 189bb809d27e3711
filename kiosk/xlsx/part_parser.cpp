#include "kiosk/xlsx/part_parser.h"

namespace custody::xlsx {

Status parse_part(const ZipReader& zip, const std::string& part, XmlHandler& handler) {
    XmlStream xml(handler);
    bool well_formed = true;
    CUSTODY_TRY(zip.stream(part, [&](const char* data, std::size_t size, bool last) {
        well_formed = xml.feed(data, size, last);
        return well_formed;
    }));
    if (!well_formed) return fail(Error(MessageId::XlsxMalformed, {zip.path(), part, xml.reason()}));
    return {};
}

}  // namespace custody::xlsx
