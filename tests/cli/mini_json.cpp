#include "tests/cli/mini_json.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace custody::test {

namespace {

class Parser {
public:
    explicit Parser(const std::string& t) : t_(t) {}

    Json document() {
        Json v = value();
        ws();
        if (i_ != t_.size()) bad("trailing text");
        return v;
    }

private:
    [[noreturn]] void bad(const std::string& what) const {
        throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(i_));
    }
    void ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    bool eat(char c) {
        ws();
        if (i_ < t_.size() && t_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!eat(c)) bad(std::string("expected '") + c + "'");
    }
    bool word(const char* w) {
        std::string s(w);
        if (t_.compare(i_, s.size(), s) != 0) return false;
        i_ += s.size();
        return true;
    }

    Json value() {
        ws();
        if (i_ >= t_.size()) bad("unexpected end");
        Json v;
        char c = t_[i_];
        if (c == '{') {
            ++i_;
            v.type = Json::Type::Object;
            if (eat('}')) return v;
            do {
                ws();
                v.keys.push_back(string_literal());
                expect(':');
                v.items.push_back(value());
            } while (eat(','));
            expect('}');
        } else if (c == '[') {
            ++i_;
            v.type = Json::Type::Array;
            if (eat(']')) return v;
            do v.items.push_back(value());
            while (eat(','));
            expect(']');
        } else if (c == '"') {
            v.type = Json::Type::String;
            v.string = string_literal();
        } else if (word("null")) {
            v.type = Json::Type::Null;
        } else if (word("true")) {
            v.type = Json::Type::Bool;
            v.boolean = true;
        } else if (word("false")) {
            v.type = Json::Type::Bool;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t start = i_;
            if (t_[i_] == '-') ++i_;
            while (i_ < t_.size() && std::string("0123456789.eE+-").find(t_[i_]) != std::string::npos) ++i_;
            std::string num = t_.substr(start, i_ - start);
            char* end = nullptr;
            v.type = Json::Type::Number;
            v.number = std::strtod(num.c_str(), &end);
            if (end != num.c_str() + num.size()) bad("bad number " + num);
        } else {
            bad(std::string("unexpected '") + c + "'");
        }
        return v;
    }

    static void utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::uint32_t hex4() {
        if (i_ + 4 > t_.size()) bad("short \\u escape");
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            char h = t_[i_++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= static_cast<std::uint32_t>(h - 'A' + 10);
            else
                bad("bad \\u escape");
        }
        return v;
    }

    std::string string_literal() {
        if (i_ >= t_.size() || t_[i_] != '"') bad("expected a string");
        ++i_;
        std::string out;
        while (true) {
            if (i_ >= t_.size()) bad("unterminated string");
            char c = t_[i_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) bad("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= t_.size()) bad("unterminated escape");
            char e = t_[i_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (!word("\\u")) bad("lone high surrogate");
                        std::uint32_t lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF) bad("bad low surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    utf8(out, cp);
                    break;
                }
                default:
                    bad(std::string("bad escape \\") + e);
            }
        }
    }

    const std::string& t_;
    std::size_t i_ = 0;
};

}  // namespace

const Json& Json::operator[](const std::string& key) const {
    if (type != Type::Object) throw std::runtime_error("JSON: not an object, looking for " + key);
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return items[i];
    throw std::runtime_error("JSON: no member " + key);
}

bool Json::has(const std::string& key) const {
    if (type != Type::Object) return false;
    for (const auto& k : keys)
        if (k == key) return true;
    return false;
}

std::int64_t Json::as_int() const {
    if (type != Type::Number || std::floor(number) != number) throw std::runtime_error("JSON: not an integer");
    return static_cast<std::int64_t>(number);
}

const std::string& Json::as_string() const {
    if (type != Type::String) throw std::runtime_error("JSON: not a string");
    return string;
}

Json parse_json(const std::string& text) { return Parser(text).document(); }

}  // namespace custody::test
