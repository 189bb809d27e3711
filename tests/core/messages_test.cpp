// Every user-visible message exists in zh_CN and en with the same placeholders, so a
// refusal never shows a "?" or drops an argument in one language.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "kiosk/core/error.h"
#include "kiosk/core/messages.h"

namespace custody {
namespace {

// Every {N} in a template (the formatter understands single digits only, so anything
// else that looks like a placeholder is reported as a bad index -1).
std::multiset<int> placeholders(std::string_view tpl) {
    std::multiset<int> out;
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] != '{') continue;
        auto close = tpl.find('}', i);
        if (close == std::string_view::npos) continue;
        std::string_view inner = tpl.substr(i + 1, close - i - 1);
        if (inner.size() == 1 && inner[0] >= '0' && inner[0] <= '9') out.insert(inner[0] - '0');
        else if (!inner.empty() && inner.find_first_not_of("0123456789") == std::string_view::npos) out.insert(-1);
    }
    return out;
}

std::set<int> as_set(const std::multiset<int>& m) { return {m.begin(), m.end()}; }

TEST(Messages, TableIsIndexedByIdAndEveryTextIsPresent) {
    const auto& table = message_table();
    ASSERT_FALSE(table.empty());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const MessageText& m = table[i];
        EXPECT_EQ(static_cast<std::size_t>(m.id), i) << m.key;
        EXPECT_EQ(&message_text(m.id), &m) << m.key;
        EXPECT_FALSE(m.key.empty());
        EXPECT_FALSE(m.zh.empty()) << m.key;
        EXPECT_FALSE(m.en.empty()) << m.key;
        EXPECT_NE(m.zh, m.en) << m.key << ": zh text is not translated";
    }
}

TEST(Messages, PlaceholdersMatchBetweenChineseAndEnglish) {
    for (const MessageText& m : message_table()) {
        auto zh = placeholders(m.zh);
        auto en = placeholders(m.en);
        EXPECT_EQ(zh.count(-1), 0u) << m.key << ": multi-digit placeholder in zh";
        EXPECT_EQ(en.count(-1), 0u) << m.key << ": multi-digit placeholder in en";
        EXPECT_EQ(as_set(zh), as_set(en)) << m.key << "\n zh: " << m.zh << "\n en: " << m.en;
        // {0}..{n-1} with no hole, so args map by position.
        auto s = as_set(zh);
        int expect = 0;
        for (int n : s) EXPECT_EQ(n, expect++) << m.key << ": placeholder numbers have a gap";
    }
}

TEST(Messages, FormatSubstitutesEveryArgumentInBothLanguages) {
    for (const MessageText& m : message_table()) {
        auto s = as_set(placeholders(m.en));
        std::vector<std::string> args;
        for (std::size_t i = 0; i < s.size(); ++i) args.push_back("ARG" + std::to_string(i) + "X");
        for (Lang lang : {Lang::Zh, Lang::En}) {
            std::string out = format_message(m.id, lang, args);
            for (const auto& a : args) EXPECT_NE(out.find(a), std::string::npos) << m.key << " lacks " << a;
            EXPECT_EQ(out.find('{'), std::string::npos) << m.key << ": " << out;
        }
    }
}

TEST(Messages, MissingArgumentsShowAQuestionMarkRatherThanCrash) {
    std::string out = format_message(MessageId::SlotOccupied, Lang::En, {"7"});
    EXPECT_EQ(out, "Slot 7 already holds device ?.");
}

TEST(Messages, RenderAppendsTheCauseInTheSameLanguage) {
    Error e = Error(MessageId::ImportRejected, {"officers.csv", "4"})
                  .with_cause(Error(MessageId::CsvUnknownUnit, {"ZZ09"}));
    EXPECT_EQ(render(e, Lang::En),
              "officers.csv line 4 is wrong; nothing from the file was imported: unit code ZZ09 does not exist");
    EXPECT_EQ(render(e, Lang::Zh), "officers.csv 第 4 行有误，整个文件未导入：单位代码 ZZ09 不存在");
    // A cause of a cause is rendered too.
    Error deeper = Error(MessageId::AuditBroken, {"9"}).with_cause(e);
    EXPECT_EQ(render(deeper, Lang::En), "Audit chain broken at entry 9: " + render(e, Lang::En));
}

TEST(Messages, LogLineNamesTheKeyAndDetail) {
    Error e(MessageId::StorageFailure, {"disk I/O error"}, "INSERT INTO x: code 10");
    EXPECT_EQ(log_line(e), "[StorageFailure] Database operation failed: disk I/O error (INSERT INTO x: code 10)");
}

TEST(Messages, LanguageComesFromTheEnvironmentInPriorityOrder) {
    const char* vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    std::vector<std::pair<std::string, std::string>> saved;
    for (const char* v : vars) {
        if (const char* old = std::getenv(v)) saved.emplace_back(v, old);
        unsetenv(v);
    }
    EXPECT_EQ(lang_from_environment(), Lang::Zh);
    setenv("LANG", "en_US.UTF-8", 1);
    EXPECT_EQ(lang_from_environment(), Lang::En);
    setenv("LC_ALL", "zh_CN.UTF-8", 1);  // LC_ALL wins over LANG
    EXPECT_EQ(lang_from_environment(), Lang::Zh);
    setenv("LANGUAGE", "en", 1);  // LANGUAGE wins over everything
    EXPECT_EQ(lang_from_environment(), Lang::En);
    setenv("LANGUAGE", "", 1);  // empty is skipped
    EXPECT_EQ(lang_from_environment(), Lang::Zh);
    for (const char* v : vars) unsetenv(v);
    for (const auto& [k, v] : saved) setenv(k.c_str(), v.c_str(), 1);
}

}  // namespace
}  // namespace custody
