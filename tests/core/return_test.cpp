// A camera docked at shift end (R5, R14): the open checkout is closed by a Return entry,
// a device that was not out is logged as an unexpected return, and a docking that makes
// no sense is refused and audited as "return_refused" with nothing else changed.
#include <gtest/gtest.h>

#include "tests/support/checkout_helpers.h"

namespace custody {
namespace {

using namespace test::agency;
using test::checkout;
using test::give_back;
using test::StoreFixture;

class ReturnTest : public ::testing::Test {
protected:
    void SetUp() override {
        f.register_agency();
        f.make_all_ready();
    }

    void expect_refused(const std::string& serial, int slot, MessageId id, const std::vector<std::string>& args) {
        const std::string before = f.snapshot();
        const auto seq = f.last_audit_seq();
        auto r = give_back(f, serial, slot);
        ASSERT_FALSE(r.ok()) << "docked " << serial << " in slot " << slot;
        EXPECT_EQ(r.error().id, id) << log_line(r.error());
        EXPECT_EQ(r.error().args, args) << log_line(r.error());
        EXPECT_EQ(f.snapshot(), before);
        auto audit = f.audit_after(seq);
        ASSERT_EQ(audit.size(), 1u);
        EXPECT_EQ(audit[0].action, "return_refused");
        EXPECT_EQ(audit[0].actor, "kiosk");
        EXPECT_EQ(audit[0].subject, serial);
        EXPECT_NE(audit[0].detail.find("reason=" + std::string(message_text(id).key)), std::string::npos);
    }

    StoreFixture f;
};

TEST_F(ReturnTest, ClosesTheOpenCheckout) {
    auto out = checkout(f, kZhangBadge, kLiBadge);
    ASSERT_TRUE(out.ok()) << log_line(out.error());
    const Timestamp taken = f.clock().now();
    f.clock().advance_ms(9 * kMsPerHour);
    const auto seq = f.last_audit_seq();

    auto r = give_back(f, "ZD-CAM-01", 5);  // any free slot will do
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_FALSE(r->unexpected);
    ASSERT_TRUE(r->officer);
    EXPECT_EQ(r->officer->number, kZhang);
    EXPECT_EQ(r->checked_out_at, taken);
    EXPECT_EQ(r->slot, 5);
    EXPECT_EQ(r->device.status, DeviceStatus::Docked);

    Device d = f.device("ZD-CAM-01");
    EXPECT_EQ(d.status, DeviceStatus::Docked);
    EXPECT_EQ(d.slot, 5);
    EXPECT_FALSE(d.open_checkout_id);
    EXPECT_EQ(d.last_issued_at, taken);

    CustodyEntry row = f.entry(r->entry_id);
    EXPECT_EQ(row.kind, CustodyKind::Return);
    EXPECT_EQ(row.closes_id, out->entry_id);
    EXPECT_EQ(row.officer_id, out->officer.id);
    EXPECT_EQ(row.partner_id, out->partner->id);
    EXPECT_EQ(row.slot, 5);
    EXPECT_EQ(row.at, f.clock().now());
    EXPECT_EQ(row.device_id, d.id);
    EXPECT_EQ(f.count("custody_entries"), 2);

    auto tx = f.store().begin().value();
    EXPECT_TRUE(tx->open_checkouts().value().empty());
    EXPECT_EQ(tx->device_in_slot(5).value()->serial, "ZD-CAM-01");
    EXPECT_FALSE(tx->device_in_slot(1).value());
    tx.reset();

    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "return");
    EXPECT_EQ(audit[0].actor, kZhang);
    EXPECT_EQ(audit[0].detail, "slot=5; closes=" + std::to_string(out->entry_id) + "; status=docked");
}

TEST_F(ReturnTest, ReturnedDeviceWaitsForOffloadBeforeItServesAgain) {
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(give_back(f, "ZD-CAM-01", 1).ok());
    f.make_ready("ZD-CAM-01");
    // Docked (pending offload) is never issued, even with a perfect health reading.
    auto next = checkout(f, kLiBadge);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->device.serial, "ZD-CAM-02");
}

TEST_F(ReturnTest, UnexpectedReturnOfADeviceThatWasNotOut) {
    Device lost = f.device("XJ-CAM-01");
    lost.status = DeviceStatus::Lost;
    lost.slot.reset();
    f.put_device(lost);
    const auto seq = f.last_audit_seq();

    auto r = give_back(f, "XJ-CAM-01", 7);
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_TRUE(r->unexpected);
    EXPECT_FALSE(r->officer);
    EXPECT_FALSE(r->checked_out_at);
    Device d = f.device("XJ-CAM-01");
    EXPECT_EQ(d.status, DeviceStatus::Docked);
    EXPECT_EQ(d.slot, 7);

    CustodyEntry row = f.entry(r->entry_id);
    EXPECT_EQ(row.kind, CustodyKind::UnexpectedReturn);
    EXPECT_FALSE(row.officer_id);
    EXPECT_FALSE(row.closes_id);
    auto audit = f.audit_after(seq);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "unexpected_return");
    EXPECT_EQ(audit[0].actor, "kiosk");
    EXPECT_EQ(audit[0].detail, "slot=7; previous_status=lost; status=docked");
}

TEST_F(ReturnTest, RefusesUnknownDevice) {
    expect_refused("NO-SUCH-CAM", 5, MessageId::DeviceUnknown, {"NO-SUCH-CAM"});
}

TEST_F(ReturnTest, RefusesUnknownSlot) {
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    expect_refused("ZD-CAM-01", 99, MessageId::SlotUnknown, {"99"});
    expect_refused("ZD-CAM-01", 0, MessageId::SlotUnknown, {"0"});
}

TEST_F(ReturnTest, RefusesASlotHoldingAnotherDevice) {
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    expect_refused("ZD-CAM-01", 2, MessageId::SlotOccupied, {"2", "ZD-CAM-02"});
    EXPECT_EQ(f.device("ZD-CAM-01").status, DeviceStatus::Out);
}

TEST_F(ReturnTest, RefusesADeviceAlreadyDocked) {
    expect_refused("ZD-CAM-02", 2, MessageId::DeviceNotReturnable, {"ZD-CAM-02", "在柜可用"});
    expect_refused("ZD-CAM-02", 6, MessageId::DeviceNotReturnable, {"ZD-CAM-02", "在柜可用"});
}

TEST_F(ReturnTest, RefusesAReturnedDeviceDockedTwice) {
    ASSERT_TRUE(checkout(f, kZhangBadge).ok());
    ASSERT_TRUE(give_back(f, "ZD-CAM-01", 1).ok());
    expect_refused("ZD-CAM-01", 5, MessageId::DeviceNotReturnable, {"ZD-CAM-01", "已归还待导出"});
}

TEST_F(ReturnTest, RefusesADisposedDevice) {
    Device d = f.device("XJ-CAM-01");
    d.status = DeviceStatus::Disposed;
    d.slot.reset();
    f.put_device(d);
    expect_refused("XJ-CAM-01", 3, MessageId::DeviceNotReturnable, {"XJ-CAM-01", "已报废"});
}

}  // namespace
}  // namespace custody
