#include "kiosk/xlsx/shared_strings.h"

#include "kiosk/xlsx/part_parser.h"
#include "kiosk/xlsx/string_item.h"

namespace custody::xlsx {
namespace {

struct SharedStringsXml : XmlHandler {
    std::vector<std::string> strings;
    StringItem item;
    bool in_item = false;

    void start(std::string_view name, const XmlAttrs&) override {
        if (name == "si") in_item = true;
        else if (in_item) item.start(name);
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(item.take());
            in_item = false;
        } else if (in_item) {
            item.end(name);
        }
    }
    void text(std::string_view s) override {
        if (in_item) item.text(s);
    }
};

}  // namespace

Result<std::vector<std::string>> read_shared_strings(const ZipReader& zip, const std::string& part) {
    if (part.empty()) return std::vector<std::string>{};
    SharedStringsXml xml;
    CUSTODY_TRY(parse_part(zip, part, xml));
    return std::move(xml.strings);
}

}  // namespace custody::xlsx
