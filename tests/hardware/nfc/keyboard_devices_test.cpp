// Candidate readers for an installer: the *-event-kbd links of a by-id directory, resolved.
#include "hardware/nfc/keyboard_devices.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"

namespace custody::nfc {
namespace {

namespace fs = std::filesystem;

TEST(KeyboardDevices, ListsKeyboardLinksResolvedAndSorted) {
    test::TempDir dir;
    const fs::path by_id = dir.path() / "by-id";
    fs::create_directory(by_id);
    for (auto node : {"event3", "event5", "event7"}) std::ofstream(dir.path() / node) << "";
    fs::create_symlink("../event5", by_id / "usb-Reader_B-event-kbd");
    fs::create_symlink("../event3", by_id / "usb-Reader_A-event-kbd");
    fs::create_symlink("../event7", by_id / "usb-Logitech_Mouse-event-mouse");
    fs::create_symlink("../event9", by_id / "usb-Unplugged-event-kbd");  // dangling

    auto found = list_keyboard_devices(by_id);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ((*found)[0].by_id, (by_id / "usb-Reader_A-event-kbd").string());
    EXPECT_EQ((*found)[0].node, fs::canonical(dir.path() / "event3").string());
    EXPECT_EQ((*found)[1].by_id, (by_id / "usb-Reader_B-event-kbd").string());
    EXPECT_EQ((*found)[1].node, fs::canonical(dir.path() / "event5").string());
}

TEST(KeyboardDevices, NoDirectoryMeansNoKeyboards) {
    test::TempDir dir;
    auto found = list_keyboard_devices(dir.path() / "by-id");
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(found->empty());
}

TEST(KeyboardDevices, AFileInsteadOfADirectoryIsAnError) {
    test::TempDir dir;
    std::ofstream(dir.path() / "by-id") << "";
    auto found = list_keyboard_devices(dir.path() / "by-id");
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().id, MessageId::FileUnreadable);
}

}  // namespace
}  // namespace custody::nfc
