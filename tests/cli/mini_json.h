#pragma once
// A strict little JSON reader, enough to check custodyctl's --format json output
// without trusting the product's own writer. Throws std::runtime_error on bad input.

#include <cstdint>
#include <string>
#include <vector>

namespace custody::test {

struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> items;        // Array elements, or Object values
    std::vector<std::string> keys;  // Object keys, parallel to items

    bool is_null() const { return type == Type::Null; }
    // Object member; throws when absent or when this is not an object.
    const Json& operator[](const std::string& key) const;
    bool has(const std::string& key) const;
    std::int64_t as_int() const;
    const std::string& as_string() const;
};

Json parse_json(const std::string& text);

}  // namespace custody::test
