#include "kiosk/xlsx/xml_stream.h"

#include <expat.h>

#include <climits>
#include <cstring>
#include <stdexcept>

namespace custody::xlsx {
namespace {

// Names come as "namespace-uri|local" (or just "local" outside any namespace).
constexpr char kNamespaceSeparator = '|';

std::string_view local_name(const char* name) {
    std::string_view n(name);
    auto bar = n.rfind(kNamespaceSeparator);
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

XmlStream& stream_of(void* user) { return *static_cast<XmlStream*>(user); }

void on_start(void* user, const XML_Char* name, const XML_Char** attrs) {
    XmlStream& s = stream_of(user);
    s.handler().start(local_name(name), XmlAttrs(attrs));
    s.note_rejection();
}

void on_end(void* user, const XML_Char* name) {
    XmlStream& s = stream_of(user);
    s.handler().end(local_name(name));
    s.note_rejection();
}

void on_text(void* user, const XML_Char* text, int len) {
    XmlStream& s = stream_of(user);
    s.handler().text(std::string_view(text, static_cast<std::size_t>(len)));
    s.note_rejection();
}

}  // namespace

const char* XmlAttrs::find(std::string_view local) const {
    for (const char** a = raw_; a != nullptr && *a != nullptr; a += 2)
        if (local_name(a[0]) == local) return a[1];
    return nullptr;
}

XmlStream::XmlStream(XmlHandler& handler)
    : handler_(handler), parser_(XML_ParserCreateNS("UTF-8", kNamespaceSeparator)) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, on_start, on_end);
    XML_SetCharacterDataHandler(parser_, on_text);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

void XmlStream::note_rejection() {
    if (handler_.problem().empty() || rejected_line_ != 0) return;
    rejected_line_ = XML_GetCurrentLineNumber(parser_);
    XML_StopParser(parser_, XML_FALSE);
}

bool XmlStream::feed(const char* data, std::size_t size, bool last) {
    if (!reason_.empty()) return false;
    // The callers feed chunks far below INT_MAX; split anyway so a size_t never wraps.
    while (size > static_cast<std::size_t>(INT_MAX)) {
        if (!feed(data, INT_MAX, false)) return false;
        data += INT_MAX;
        size -= INT_MAX;
    }
    if (XML_Parse(parser_, data, static_cast<int>(size), last ? XML_TRUE : XML_FALSE) == XML_STATUS_OK) return true;
    if (!handler_.problem().empty()) {
        reason_ = "line " + std::to_string(rejected_line_) + ": " + handler_.problem();
    } else {
        reason_ = "line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ", column " +
                  std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) + ": " +
                  XML_ErrorString(XML_GetErrorCode(parser_));
    }
    return false;
}

}  // namespace custody::xlsx
