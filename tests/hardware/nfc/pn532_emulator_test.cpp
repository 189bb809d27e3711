// The emulator against the real libnfc: what libnfc accepts is what a kiosk would see.
#include "hardware/nfc/pn532_emulator.h"

#include <gtest/gtest.h>
#include <nfc/nfc.h>

#include <cstdio>
#include <string>

namespace custody::nfc {
namespace {

std::string hex(const std::uint8_t* b, std::size_t n) {
    std::string s;
    char two[3];
    for (std::size_t i = 0; i < n; ++i) {
        std::snprintf(two, sizeof two, "%02X", b[i]);
        s += two;
    }
    return s;
}

class LibnfcSession {
public:
    explicit LibnfcSession(const std::string& path) {
        nfc_init(&ctx_);
        if (!ctx_) return;
        const std::string connstring = "pn532_uart:" + path + ":115200";
        dev_ = nfc_open(ctx_, connstring.c_str());
        if (dev_ && nfc_initiator_init(dev_) < 0) close();
        // One try per select, so an empty field answers at once instead of after ~350 ms.
        if (dev_) nfc_device_set_property_bool(dev_, NP_INFINITE_SELECT, false);
    }
    ~LibnfcSession() {
        close();
        if (ctx_) nfc_exit(ctx_);
    }
    bool open() const { return dev_ != nullptr; }
    // The UID on the field, "" for none, "error" when libnfc fails.
    std::string select() {
        const nfc_modulation iso14443a{NMT_ISO14443A, NBR_106};
        nfc_target target{};
        int n = nfc_initiator_select_passive_target(dev_, iso14443a, nullptr, 0, &target);
        if (n < 0) return "error";
        if (n == 0) return "";
        return hex(target.nti.nai.abtUid, target.nti.nai.szUidLen);
    }

private:
    void close() {
        if (dev_) nfc_close(dev_);
        dev_ = nullptr;
    }
    nfc_context* ctx_ = nullptr;
    nfc_device* dev_ = nullptr;
};

TEST(Pn532Emulator, LibnfcSeesTheCardOnTheField) {
    auto emu = Pn532Emulator::start();
    ASSERT_TRUE(emu.ok());
    LibnfcSession s((*emu)->path());
    ASSERT_TRUE(s.open());
    EXPECT_EQ(s.select(), "");
    ASSERT_TRUE((*emu)->place("04:a2:3b:11"));
    EXPECT_EQ(s.select(), "04A23B11");
    (*emu)->remove();
    EXPECT_EQ(s.select(), "");
}

TEST(Pn532Emulator, SevenAndTenByteUids) {
    auto emu = Pn532Emulator::start();
    ASSERT_TRUE(emu.ok());
    LibnfcSession s((*emu)->path());
    ASSERT_TRUE(s.open());
    ASSERT_TRUE((*emu)->place("04112233445566"));
    EXPECT_EQ(s.select(), "04112233445566");
    ASSERT_TRUE((*emu)->place("04112233445566778899"));
    EXPECT_EQ(s.select(), "04112233445566778899");
}

TEST(Pn532Emulator, RejectsWhatIsNotAUid) {
    auto emu = Pn532Emulator::start();
    ASSERT_TRUE(emu.ok());
    EXPECT_FALSE((*emu)->place("xyz"));
    EXPECT_FALSE((*emu)->place("0411223344"));  // 5 bytes: not an ISO 14443A cascade size
}

}  // namespace
}  // namespace custody::nfc
