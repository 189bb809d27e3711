// A camera docked at shift end: the return screen shows who returned what, the offload
// runs and its progress reaches the screen (R5, R14), and the officer's two answers file
// a fault report that quarantines the device (R9) and an interruption record for the
// offload job of this return, even when that job starts after the answer (R13).
#include <gtest/gtest.h>

#include "kiosk/core/fault_report.h"
#include "kiosk/core/interruption_log.h"
#include "kiosk/core/interruption_review.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

using terminal::ReturnStep;
using terminal::Screen;

class ReturnScreenTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        start_cabinet_with_three_cameras();
        start_terminal();
    }
    std::vector<InterruptionRecord> pending_records() {
        auto p = InterruptionReview(store_.store(), store_.clock()).pending();
        if (!p) throw std::runtime_error(log_line(p.error()));
        return *p;
    }
    Id job_of(Id return_entry) {
        auto j = InterruptionLog(store_.store(), store_.clock()).job_of_return(return_entry);
        if (!j) throw std::runtime_error(log_line(j.error()));
        return j->id;
    }
    std::vector<FaultReportRecord> open_faults() {
        auto r = FaultReport(store_.store(), store_.clock()).open_reports();
        if (!r) throw std::runtime_error(log_line(r.error()));
        return *r;
    }
    static bool said(const std::vector<Error>& notices, MessageId id) {
        for (const auto& n : notices)
            if (n.id == id) return true;
        return false;
    }
};

TEST_F(ReturnScreenTest, AShiftThroughTheScreensOffloadsTheReturnAndShowsItsProgress_R5_R14) {
    store_.make_all_ready();
    const int slot = issued_by_tap(agency::kZhangBadge);
    ASSERT_NE(slot, 0);
    const std::string serial = view().checkout->device_serial;
    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));

    // Shift end: the camera comes back with a recording on it.
    constexpr std::int64_t kBytes = 3 * 1024 * 1024;
    write_noise(camera(slot).volume() / "DCIM/100MEDIA/VID0001.MP4", kBytes, 3);
    sim("dock " + std::to_string(slot));
    wait_present(slot, true);
    auto report = DockArrival(store_.store(), store_.clock(), *link_).run(slot, charging(slot));
    ASSERT_TRUE(report.ok()) << log_line(report.error());
    ASSERT_TRUE(report->returned.has_value());
    term().docked(*report);

    EXPECT_EQ(view().screen, Screen::Return);
    ASSERT_TRUE(view().returned.has_value());
    const auto& r = *view().returned;
    EXPECT_EQ(r.slot, slot);
    EXPECT_EQ(r.device_serial, serial);
    ASSERT_TRUE(r.officer.has_value());
    EXPECT_EQ(r.officer->number, agency::kZhang);
    EXPECT_FALSE(r.unexpected);
    EXPECT_EQ(r.return_entry_id, report->returned->entry_id);
    EXPECT_EQ(r.inspection.device.serial, serial);
    EXPECT_EQ(r.step, ReturnStep::AskFault);
    EXPECT_EQ(ledger_kinds(), (std::vector<std::string>{"checkout", "return"}));

    offloads_finish_then_tick();
    ASSERT_TRUE(view().returned.has_value());
    const auto& done = *view().returned;
    EXPECT_TRUE(done.offload_done);
    EXPECT_FALSE(done.offload_error.has_value()) << log_line(*done.offload_error);
    ASSERT_TRUE(done.offload.has_value()) << "the board's progress reaches the return screen";
    EXPECT_EQ(done.offload->device_serial, serial);
    EXPECT_EQ(done.offload->phase, OffloadPhase::Done);
    EXPECT_EQ(done.offload->files_done, 1);
    EXPECT_EQ(done.offload->bytes_total, kBytes);
    EXPECT_EQ(done.offload->bytes_done, kBytes);
    EXPECT_TRUE(view().offloads.empty()) << "nothing is running any more";

    ASSERT_EQ(jobs().size(), 1u);
    EXPECT_EQ(jobs()[0].return_entry_id, report->returned->entry_id);
    EXPECT_EQ(jobs()[0].id, done.offload->job_id);
    EXPECT_EQ(recordings().size(), 1u);
    EXPECT_EQ(store_.device(serial).status, DeviceStatus::InService);

    term().tap_fault(std::nullopt);
    EXPECT_EQ(view().returned->step, ReturnStep::AskInterruption);
    term().tap_interruption(std::nullopt);
    EXPECT_EQ(view().returned->step, ReturnStep::Finished);
    EXPECT_TRUE(open_faults().empty());
    EXPECT_TRUE(pending_records().empty());
    term().tap_return_done();
    EXPECT_EQ(view().screen, Screen::Idle);
    EXPECT_FALSE(view().returned.has_value());
}

TEST_F(ReturnScreenTest, TheReturnScreenWaitsForAnUnansweredReturnBeforeLeaving) {
    const auto report = zhang_docks_cam1();
    term().docked(report);
    term().tap_return_done();  // the questions are not answered yet
    EXPECT_EQ(view().screen, Screen::Return);
    tap(agency::kLiBadge);  // another officer cannot start meanwhile
    EXPECT_EQ(view().screen, Screen::Return);
    EXPECT_EQ(ledger_kinds(), (std::vector<std::string>{"checkout", "return"}));
    offloads_finish_then_tick();
}

TEST_F(ReturnScreenTest, AReportedFaultQuarantinesTheDeviceAndFilesAReport_R9) {
    const auto report = zhang_docks_cam1();
    term().docked(report);
    term().tap_fault(0);  // kFaultKinds[0]: casing damaged
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_EQ(view().returned->step, ReturnStep::AskInterruption);
    EXPECT_EQ(view().returned->fault_kind, 0);
    EXPECT_TRUE(said(view().returned->notices, MessageId::KioskDeviceQuarantined));
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Quarantined);
    const auto faults = open_faults();
    ASSERT_EQ(faults.size(), 1u);
    EXPECT_EQ(faults[0].device_serial, kCam1);
    EXPECT_EQ(faults[0].kind, FaultKind::CasingDamaged);
    EXPECT_EQ(faults[0].reported_by, agency::kZhang);

    // The footage still comes off (R14); the device stays out of service (R9).
    offloads_finish_then_tick();
    EXPECT_TRUE(view().returned->offload_done);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Quarantined);
    ASSERT_FALSE(view().tiles.empty());
    EXPECT_EQ(view().tiles[0].state, terminal::SlotState::Faulty);
}

TEST_F(ReturnScreenTest, EveryFaultTheScreenOffersCanBeReported_R9) {
    // The kiosk has no keyboard: "other fault" is a tap like the rest and must still take
    // the camera out of service.
    const int other = static_cast<int>(std::size(kFaultKinds)) - 1;
    ASSERT_EQ(kFaultKinds[other].value, FaultKind::Other);
    const auto report = zhang_docks_cam1();
    term().docked(report);
    term().tap_fault(other);
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_EQ(view().returned->step, ReturnStep::AskInterruption)
        << (view().returned->notices.empty() ? std::string() : log_line(view().returned->notices.back()));
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Quarantined);
    const auto faults = open_faults();
    ASSERT_EQ(faults.size(), 1u);
    EXPECT_EQ(faults[0].kind, FaultKind::Other);
    EXPECT_FALSE(faults[0].note.empty());
    offloads_finish_then_tick();
}

TEST_F(ReturnScreenTest, AFaultIndexOffTheListFilesNothing) {
    const auto report = zhang_docks_cam1();
    term().docked(report);
    term().tap_fault(static_cast<int>(std::size(kFaultKinds)));
    term().tap_fault(-1);
    EXPECT_EQ(view().returned->step, ReturnStep::AskFault);
    EXPECT_TRUE(open_faults().empty());
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::Docked);
    offloads_finish_then_tick();
}

TEST_F(ReturnScreenTest, AnInterruptionIsFiledForTheOffloadJobOfThisReturn_R13) {
    const auto report = zhang_docks_cam1();
    term().docked(report);
    offloads_finish_then_tick();  // the job exists and has finished
    ASSERT_TRUE(view().returned->offload_done);
    term().tap_fault(std::nullopt);
    term().tap_interruption(InterruptionReason::Weather);
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_EQ(view().returned->step, ReturnStep::Finished);
    EXPECT_TRUE(view().returned->interruption_filed);
    EXPECT_TRUE(said(view().returned->notices, MessageId::KioskInterruptionFiled));

    const auto records = pending_records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].job_id, job_of(report.returned->entry_id));
    EXPECT_EQ(records[0].officer_id, officer_id(agency::kZhang));
    EXPECT_EQ(records[0].reason, InterruptionReason::Weather);
    EXPECT_NE(records[0].basis.find(kCam1), std::string::npos) << records[0].basis;
    EXPECT_EQ(records[0].recorded_by, std::string("kiosk:") + agency::kZhang);

    term().tick();  // filed once, not again on every tick
    EXPECT_EQ(pending_records().size(), 1u);
}

TEST_F(ReturnScreenTest, AnAnswerGivenWhileTheOffloadStartsIsFiledOnceTheJobExists_R13) {
    const auto report = zhang_docks_cam1(8 * 1024 * 1024);
    term().docked(report);
    term().tap_fault(std::nullopt);
    term().tap_interruption(InterruptionReason::Obstruction);  // the job may or may not exist yet
    offloads_finish_then_tick();
    EXPECT_TRUE(view().returned->interruption_filed);
    const auto records = pending_records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].job_id, job_of(report.returned->entry_id));
    EXPECT_EQ(records[0].reason, InterruptionReason::Obstruction);
}

TEST_F(ReturnScreenTest, AnAnswerGivenBeforeTheJobExistedIsFiledWhenTheOffloadFinallyStarts_R13) {
    const auto report = zhang_docks_cam1();
    camera(1).set("fault_unplugged", "1");  // the offload cannot reach the camera: no job
    term().docked(report);
    term().tap_fault(std::nullopt);
    term().tap_interruption(InterruptionReason::DeviceFault);
    offloads_finish_then_tick();
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_TRUE(view().returned->offload_error.has_value());
    EXPECT_FALSE(view().returned->interruption_filed);
    EXPECT_TRUE(jobs().empty());
    EXPECT_TRUE(pending_records().empty());
    term().tap_return_done();  // the officer has answered and leaves
    EXPECT_EQ(view().screen, Screen::Idle);

    // The camera is seated again; its offload starts and the answer is filed for its job.
    camera(1).set("fault_unplugged", "0");
    auto again = DockArrival(store_.store(), store_.clock(), *link_).run(1, charging(1));
    ASSERT_TRUE(again.ok()) << log_line(again.error());
    EXPECT_FALSE(again->returned.has_value());
    term().docked(*again);
    offloads_finish_then_tick();
    EXPECT_EQ(view().screen, Screen::Idle);
    ASSERT_EQ(jobs().size(), 1u);
    EXPECT_EQ(jobs()[0].return_entry_id, report.returned->entry_id) << "the job names the return it offloads";
    const auto records = pending_records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].job_id, job_of(report.returned->entry_id));
    EXPECT_EQ(records[0].officer_id, officer_id(agency::kZhang));
    EXPECT_EQ(records[0].reason, InterruptionReason::DeviceFault);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);
}

TEST_F(ReturnScreenTest, AnAnswerGivenBeforeTheJobExistedIsFiledWhenTheCustodianRetriesTheOffload_R13) {
    set_pin("100004", "2468");
    const auto report = zhang_docks_cam1();
    camera(1).set("fault_unplugged", "1");
    term().docked(report);
    term().tap_fault(std::nullopt);
    term().tap_interruption(InterruptionReason::BatteryOrStorage);
    term().tap_return_done();
    offloads_finish_then_tick();
    ASSERT_TRUE(jobs().empty());
    ASSERT_FALSE(view().tiles.empty());
    EXPECT_FALSE(view().tiles[0].problems.empty()) << "the failed offload shows on its tile";

    camera(1).set("fault_unplugged", "0");  // the custodian reseated the cable
    log_in_custodian(agency::kZhaoBadge, "2468");
    term().tap_slot(1);
    ASSERT_EQ(view().screen, Screen::DeviceDetail);
    term().tap_retry_offload();
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskOffloadRetried);
    offloads_finish_then_tick();
    ASSERT_EQ(jobs().size(), 1u);
    EXPECT_EQ(jobs()[0].return_entry_id, report.returned->entry_id) << "the retried job is this return's";
    const auto records = pending_records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].job_id, jobs()[0].id);
    EXPECT_EQ(records[0].reason, InterruptionReason::BatteryOrStorage);
    EXPECT_EQ(store_.device(kCam1).status, DeviceStatus::InService);
}

TEST_F(ReturnScreenTest, AnUnexpectedReturnAsksNobody) {
    Device d = store_.device(kCam1);
    d.status = DeviceStatus::Lost;  // taken during an outage, say
    d.slot.reset();
    store_.put_device(d);
    auto report = DockArrival(store_.store(), store_.clock(), *link_).run(1, charging(1));
    ASSERT_TRUE(report.ok()) << log_line(report.error());
    ASSERT_TRUE(report->returned.has_value());
    term().docked(*report);
    EXPECT_EQ(view().screen, Screen::Return);
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_TRUE(view().returned->unexpected);
    EXPECT_FALSE(view().returned->officer.has_value());
    EXPECT_EQ(view().returned->step, ReturnStep::Finished);
    term().tap_fault(0);
    EXPECT_TRUE(open_faults().empty());
    offloads_finish_then_tick();
    EXPECT_TRUE(view().returned->offload_done);
    term().tap_return_done();
    EXPECT_EQ(view().screen, Screen::Idle);
}

TEST_F(ReturnScreenTest, AReturnDockedDuringACheckoutIsShownOnceThatCheckoutEnds) {
    const auto report = zhang_docks_cam1();  // DSJ0001 waits for its offload
    const int slot = issued_by_tap(agency::kLiBadge);
    ASSERT_EQ(slot, 2);
    term().docked(report);
    EXPECT_EQ(view().screen, Screen::CheckoutIssued) << "李娜 is still taking her camera";
    sim("remove 2");
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));
    term().tick();
    EXPECT_EQ(view().screen, Screen::Return) << "张伟 is still at the kiosk to answer";
    ASSERT_TRUE(view().returned.has_value());
    EXPECT_EQ(view().returned->officer->number, agency::kZhang);
    offloads_finish_then_tick();
}

}  // namespace
}  // namespace custody::test
