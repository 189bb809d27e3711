// kiosk.conf: every device the kiosk reaches is set here, and a mistake is refused with
// its file and line rather than read some other way.
#include <gtest/gtest.h>

#include <fstream>

#include "hardware/config/hardware_config.h"
#include "hardware/config/ini_file.h"

namespace custody::config {
namespace {

const char* kFull = R"(; kiosk.conf for cabinet 1
[reader]
kind = wedge
device = /dev/input/by-id/usb-ACME-event-kbd
format = decimal10
byte_order = big
debounce_ms = 2000

[cabinet]
link = rtu:/dev/ttyUSB1@57600
unit_id = 7
attempts = 5
timeout_ms = 400

[camera]
library = /opt/vendor/libzfy.so
encoding = GB18030
password = 888888
init_code = HIK-DSJ-K1
bc_success = 0
code_wrong_password = -3

[display]
awake_from = 06:30
awake_until = 23:05

[slot.10]
usb_port = 1-1.4.2

[slot.2]
usb_port = 1-1.2
password = 123456
)";

TEST(HardwareConfig, EverySectionIsRead) {
    auto c = parse_hardware_config(kFull, "kiosk.conf");
    ASSERT_TRUE(c.ok()) << log_line(c.error());
    EXPECT_EQ(c->reader, ReaderKind::Wedge);
    EXPECT_EQ(c->wedge.device, "/dev/input/by-id/usb-ACME-event-kbd");
    EXPECT_EQ(c->wedge.format, nfc::WedgeUidFormat::Decimal10);
    EXPECT_EQ(c->wedge.byte_order, nfc::Decimal10ByteOrder::BigEndian);
    EXPECT_EQ(c->wedge.debounce, std::chrono::milliseconds(2000));
    EXPECT_TRUE(c->wedge.require_exclusive) << "never configurable: UIDs must not leak as keystrokes";
    ASSERT_TRUE(c->cabinet.has_value());
    EXPECT_EQ(c->cabinet->describe(), "rtu:/dev/ttyUSB1@57600");
    EXPECT_EQ(c->cabinet->unit_id, 7);
    EXPECT_EQ(c->cabinet->attempts, 5);
    EXPECT_EQ(c->cabinet->response_timeout, std::chrono::milliseconds(400));
    ASSERT_EQ(c->cameras.size(), 2u);
    EXPECT_EQ(c->cameras[0].slot, 2) << "slots in number order, not text order";
    EXPECT_EQ(c->cameras[1].slot, 10);
    EXPECT_EQ(c->cameras[0].password, "123456") << "a slot overrides [camera]";
    EXPECT_EQ(c->cameras[1].password, "888888");
    EXPECT_EQ(c->cameras[1].usb_port, "1-1.4.2");
    EXPECT_EQ(c->cameras[1].vendor.library_path, "/opt/vendor/libzfy.so");
    EXPECT_EQ(c->cameras[1].vendor.encoding, "GB18030");
    EXPECT_EQ(c->cameras[1].vendor.codes.bc_success, 0);
    EXPECT_EQ(c->cameras[1].vendor.codes.wrong_password, -3);
    EXPECT_EQ(c->cameras[1].init_code, "HIK-DSJ-K1");
    EXPECT_EQ(c->display.awake_from, 6 * 60 + 30);
    EXPECT_EQ(c->display.awake_until, 23 * 60 + 5);
}

TEST(HardwareConfig, AnEmptyFileMeansTheFirstPn532AndNothingElse) {
    auto c = parse_hardware_config("", "kiosk.conf");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->reader, ReaderKind::Pn532);
    EXPECT_TRUE(c->pn532.connstring.empty());
    EXPECT_FALSE(c->cabinet.has_value());
    EXPECT_TRUE(c->cameras.empty());
}

// The package installs this file as /etc/custody-kiosk/kiosk.conf: as shipped it must load
// (a PN532 found by libnfc, no cabinet yet), and every example line in it, uncommented,
// must be a key the parser knows.
TEST(HardwareConfig, TheShippedTemplateLoadsAndEveryExampleKeyIsKnown) {
    const std::string path = std::string(CUSTODY_SOURCE_DIR) + "/installer/package/kiosk.conf";
    auto c = load_hardware_config(path);
    ASSERT_TRUE(c.ok()) << log_line(c.error());
    EXPECT_FALSE(c->cabinet.has_value());
    EXPECT_EQ(c->display.awake_from, 7 * 60);
    EXPECT_EQ(c->display.awake_until, 22 * 60);

    std::ifstream in(path);
    std::string line, section;
    int examples = 0;
    while (std::getline(in, line)) {
        if (line.rfind("[", 0) == 0) section = line;
        if (line.rfind("; [slot.", 0) == 0) section = line.substr(2);  // the commented slot examples
        if (line.rfind("; ", 0) != 0 || section.empty()) continue;
        const std::string example = line.substr(2);
        const auto eq = example.find(" = ");
        if (eq == std::string::npos || example.find(' ') != eq) continue;  // prose, not a key
        // Each example alone in its section: a slot needs a camera library to be read, and
        // a lone example may still lack its companions (wedge needs its device); what it
        // must never be is an unknown key or a value the parser refuses.
        std::string text = section + "\n" + example + "\n";
        if (section.rfind("[slot.", 0) == 0) text = "[camera]\nlibrary = /l.so\n" + text;
        if (section == "[cabinet]" && example.rfind("link", 0) != 0) text = "[cabinet]\nlink = tcp:h:502\n" + example + "\n";
        auto parsed = parse_hardware_config(text, "kiosk.conf");
        if (!parsed) {
            ASSERT_TRUE(parsed.error().cause) << log_line(parsed.error());
            const MessageId why = parsed.error().cause->id;
            EXPECT_TRUE(why == MessageId::ConfigNeeds) << example << " in " << section << ": " << log_line(parsed.error());
        }
        ++examples;
    }
    EXPECT_GT(examples, 20) << "the template shows every option";
}

TEST(HardwareConfig, AMissingFileIsAnEmptyConfiguration) {
    auto c = load_hardware_config("/nonexistent/kiosk.conf");
    ASSERT_TRUE(c.ok());
    EXPECT_FALSE(c->cabinet.has_value());
    EXPECT_NE(c->source.find("absent"), std::string::npos);
}

void expect_refused(const std::string& text, int line, const std::string& why) {
    auto c = parse_hardware_config(text, "k.conf");
    ASSERT_FALSE(c.ok()) << text;
    EXPECT_EQ(c.error().id, MessageId::ConfigBadLine) << log_line(c.error());
    ASSERT_EQ(c.error().args.size(), 2u);
    EXPECT_EQ(c.error().args[1], std::to_string(line)) << text;
    ASSERT_TRUE(c.error().cause) << "the reason comes as the cause, in both languages";
    const std::string reason = render(*c.error().cause, Lang::En);
    EXPECT_NE(reason.find(why), std::string::npos) << reason;
    EXPECT_FALSE(render(*c.error().cause, Lang::Zh).empty());
}

TEST(HardwareConfig, MistakesAreNamedByLine) {
    expect_refused("[reader]\nkind = magic\n", 2, "pn532 or wedge");
    expect_refused("[reader]\nconnstring = x\nspeed = 9\n", 3, "unknown key \"speed\"");
    expect_refused("[cabinets]\nlink = tcp:h:1\n", 1, "unknown section [cabinets]");
    expect_refused("[cabinet]\nlink = tcp:host\n", 2, "tcp:HOST:PORT");
    expect_refused("[cabinet]\nlink = tcp:host:70000\n", 2, "tcp:HOST:PORT");
    expect_refused("[cabinet]\nlink = tcp:h:502\nunit_id = 0\n", 3, "1..247");
    expect_refused("[cabinet]\nlink = tcp:h:502\nlink = tcp:h:503\n", 3, "set twice");
    expect_refused("link = tcp:h:502\n", 1, "before any [section]");
    expect_refused("[cabinet]\njust words\n", 2, "key = value");
    expect_refused("[slot.x]\nmount_path = /m\n", 1, "[slot.N]");
    expect_refused("[slot.1]\nmount_path = /m\n", 1, "no camera library");
    expect_refused("[camera]\nlibrary = /l.so\n[slot.1]\nmount_path = /m\nusb_port = 1-1\n", 3, "exactly one of mount_path and usb_port");
    expect_refused("[camera]\nlibrary = /l.so\n[slot.1]\nusb_port = /sys/bus/usb/1-1\n", 3, "1-1.3");
    expect_refused("\n[reader]\nkind = wedge\n", 2, "needs device");
    expect_refused("[display]\nawake_from = 7:00\n", 2, "HH:MM");
    expect_refused("[display]\nawake_until = 24:00\n", 2, "HH:MM");
    expect_refused("[display]\nawake_from = 07:00\nbrightness = 9\n", 3, "unknown key \"brightness\"");
}

TEST(IniFile, CommentsBlankLinesAndSpacesAroundValues) {
    auto e = parse_ini("# top\n\n[a]\n  k =  v w  \n; note\n[b]\nk=\n", "f");
    ASSERT_TRUE(e.ok()) << log_line(e.error());
    ASSERT_EQ(e->size(), 2u);
    EXPECT_EQ((*e)[0].section, "a");
    EXPECT_EQ((*e)[0].value, "v w");
    EXPECT_EQ((*e)[0].line, 4);
    EXPECT_EQ((*e)[1].section, "b");
    EXPECT_EQ((*e)[1].value, "");
}

TEST(CabinetLink, BothTransportsParse) {
    auto t = parse_cabinet_link("tcp:192.168.1.50:502");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->kind, CabinetLinkConfig::Kind::Tcp);
    EXPECT_EQ(t->host, "192.168.1.50");
    EXPECT_EQ(t->port, 502);
    auto r = parse_cabinet_link("rtu:/dev/ttyS1");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->device, "/dev/ttyS1");
    EXPECT_EQ(r->baud, 115200);
    for (const char* bad : {"", "modbus:x", "rtu:", "rtu:/dev/x@", "rtu:/dev/x@fast", "tcp::502", "tcp:h:"})
        EXPECT_FALSE(parse_cabinet_link(bad).ok()) << bad;
}

}  // namespace
}  // namespace custody::config
