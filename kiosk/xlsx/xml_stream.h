#pragma once
// expat behind a small interface. Names arrive without their namespace: writers differ
// in prefixes (<c> or <x:c>) and strict OOXML uses other namespace URIs, yet the local
// names are the same in all of them.

#include <cstddef>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace custody::xlsx {

class XmlAttrs {
public:
    explicit XmlAttrs(const char** raw) : raw_(raw) {}
    // The value of the attribute with this local name, or nullptr.
    const char* find(std::string_view local) const;

private:
    const char** raw_;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view name, const XmlAttrs& attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}

    // Content that is well-formed XML but wrong for the part; parsing stops here.
    void reject(std::string why) {
        if (problem_.empty()) problem_ = std::move(why);
    }
    const std::string& problem() const { return problem_; }

private:
    std::string problem_;
};

class XmlStream {
public:
    explicit XmlStream(XmlHandler& handler);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Feeds the next bytes of the document; `last` closes it. False once the XML or the
    // handler rejected it: reason() then says why and on which line.
    bool feed(const char* data, std::size_t size, bool last);
    const std::string& reason() const { return reason_; }

    // For the expat callbacks only.
    XmlHandler& handler() { return handler_; }
    void note_rejection();

private:
    XmlHandler& handler_;
    XML_ParserStruct* parser_;
    std::string reason_;
    unsigned long rejected_line_ = 0;
};

}  // namespace custody::xlsx
