#include "kiosk/cli/args.h"

namespace custody::cli {

Error usage(const std::string& what) { return Error(MessageId::UsageError, {what}); }

Result<Args> parse_args(const std::vector<std::string>& words, const std::set<std::string>& valued,
                        const std::set<std::string>& switches) {
    Args a;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.rfind("--", 0) != 0 || w == "--") {
            a.positional.push_back(w);
            continue;
        }
        std::string name = w.substr(2);
        std::string value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        if (valued.count(name)) {
            if (!inline_value) {
                if (i + 1 >= words.size()) return fail(usage("--" + name + " needs a value"));
                value = words[++i];
            }
            a.options[name] = value;
        } else if (switches.count(name) && !inline_value) {
            a.flags.insert(name);
        } else {
            return fail(usage("unknown option --" + name));
        }
    }
    return a;
}

}  // namespace custody::cli
