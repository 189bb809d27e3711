// The kiosk's print buttons (issue 6): the saved reconciliation, the receipt of a return
// and the month's ledger go through the real report composer to a real cupsd of the
// test's own, whose queue writes the job to a file; a stopped printer and a kiosk without
// one are said on the screen (R3, R5, R15).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "kiosk/ui/report_desk.h"
#include "tests/support/pdf_probe.h"
#include "tests/support/private_cupsd.h"
#include "tests/terminal/terminal_fixture.h"

namespace custody::test {
namespace {

constexpr const char* kPin = "2468";
constexpr const char* kKeeper = "100004";  // 赵强

using terminal::PrintableReport;
using terminal::Screen;

// The Generic PDF driver wraps the PDF in a PJL envelope: the document starts at %PDF.
std::string received_pdf(const std::string& received, const TempDir& scratch) {
    const auto at = received.find("%PDF");
    if (at == std::string::npos) return "";
    const std::string path = scratch.file("received.pdf");
    std::ofstream(path, std::ios::binary) << received.substr(at);
    return path;
}

class PrintButtonsTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        ASSERT_TRUE(cupsd_.start());
        ASSERT_TRUE(cupsd_.add_queue("front-desk", "值班室打印机"));
        ASSERT_TRUE(cupsd_.set_default("front-desk"));
        desk_ = std::make_unique<ui::ReportDesk>(store_.store(), store_.db_path(), ui::report_folder_for(store_.db_path()),
                                                 store_.clock());
        printing_ = desk_.get();
        print_work_ = std::make_unique<terminal::BackgroundWork>();
        start_cabinet_with_three_cameras();
        start_terminal();
        set_pin(kKeeper, kPin);
    }
    void TearDown() override {
        print_work_.reset();
        TerminalFixture::TearDown();
    }
    // Waits for the print's outcome on the screen.
    MessageId printed_outcome() {
        EXPECT_TRUE(ui_.run_until([&] { return !view().printing.has_value(); }, std::chrono::seconds(120)));
        return view().notice ? view().notice->id : MessageId{};
    }
    bool output_arrives() {
        for (int i = 0; i < 600; ++i) {
            if (std::filesystem::exists(cupsd_.output_path("front-desk")) &&
                std::filesystem::file_size(cupsd_.output_path("front-desk")) > 0)
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    PrivateCupsd cupsd_;
    std::unique_ptr<ui::ReportDesk> desk_;
    TempDir scratch_;
};

TEST_F(PrintButtonsTest, TheSavedReconciliationIsPrintedOnTheDefaultQueue_R3) {
    log_in_custodian(agency::kZhaoBadge, kPin);
    term().tap_reconcile();
    term().tap_save_reconciliation();
    ASSERT_TRUE(view().reconciliation && view().reconciliation->saved_id);
    const Id saved = *view().reconciliation->saved_id;

    term().tap_print(PrintableReport::Reconciliation);
    ASSERT_TRUE(view().printing.has_value()) << "the screen says it is printing";
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::KioskPrinting);
    term().tap_print(PrintableReport::Reconciliation);  // a second tap while it prints makes no second job
    EXPECT_EQ(printed_outcome(), MessageId::KioskPrinted) << (view().notice ? log_line(*view().notice) : "");
    EXPECT_EQ(view().notice->args.at(1), "front-desk");

    ASSERT_TRUE(output_arrives()) << cupsd_.error_log();
    const std::string pdf = received_pdf(cupsd_.read_output("front-desk"), scratch_);
    ASSERT_FALSE(pdf.empty()) << "the printer received a PDF";
    const std::string text = pdf_text_compact(pdf);
    EXPECT_NE(text.find("执法记录仪盘点报告"), std::string::npos);
    EXPECT_NE(text.find("盘点记录" + std::to_string(saved)), std::string::npos);
    // The copy that was printed stays beside the database.
    int kept = 0;
    for (const auto& e : std::filesystem::directory_iterator(ui::report_folder_for(store_.db_path())))
        kept += e.path().extension() == ".pdf";
    EXPECT_EQ(kept, 1);
    std::string jobs;
    ASSERT_TRUE(cupsd_.run({"lpstat", "-W", "completed", "-o", "front-desk"}, &jobs));
    EXPECT_EQ(std::count(jobs.begin(), jobs.end(), '\n'), 1) << jobs;
    // The audit chain records who printed which report.
    EXPECT_EQ(store_.scalar("SELECT count(*) FROM audit_log WHERE action = 'report_printed' AND actor = '" +
                            std::string(kKeeper) + "' AND detail LIKE 'kind=reconciliation;%queue=front-desk%'"),
              1);
}

TEST_F(PrintButtonsTest, TheReceiptOfAReturnListsItsFileAndTheWipe_R15) {
    store_.make_all_ready();
    const int slot = issued_by_tap(agency::kZhangBadge);
    ASSERT_NE(slot, 0);
    sim("remove " + std::to_string(slot));
    ASSERT_TRUE(reaches(Screen::CheckoutTaken));
    write_noise(camera(slot).volume() / "DCIM/100MEDIA/VID0001.MP4", 1024 * 1024, 3);
    sim("dock " + std::to_string(slot));
    wait_present(slot, true);
    auto report = DockArrival(store_.store(), store_.clock(), *link_).run(slot, charging(slot));
    ASSERT_TRUE(report.ok()) << log_line(report.error());
    term().docked(*report);
    offloads_finish_then_tick();
    ASSERT_TRUE(view().returned && view().returned->offload_done);
    term().tap_fault(std::nullopt);
    term().tap_interruption(std::nullopt);

    term().tap_print(PrintableReport::OffloadReceipt);
    EXPECT_EQ(printed_outcome(), MessageId::KioskPrinted) << (view().notice ? log_line(*view().notice) : "");
    ASSERT_TRUE(output_arrives()) << cupsd_.error_log();
    const std::string pdf = received_pdf(cupsd_.read_output("front-desk"), scratch_);
    ASSERT_FALSE(pdf.empty());
    const std::string text = pdf_text_compact(pdf);
    EXPECT_NE(text.find("VID0001"), std::string::npos) << text;
    EXPECT_NE(text.find(recordings().at(0).sha256), std::string::npos) << "the file's SHA-256 is on the receipt";
    ASSERT_EQ(recordings().at(0).state, RecordingState::Wiped);
    EXPECT_NE(text.find("已清除：设备上的1个文件于"), std::string::npos) << "the wipe is confirmed: " << text;
}

TEST_F(PrintButtonsTest, AStoppedPrinterIsSaidOnTheScreen) {
    ASSERT_TRUE(cupsd_.disable("front-desk", "卡纸"));
    log_in_custodian(agency::kZhaoBadge, kPin);
    term().tap_print(PrintableReport::UsageLedger);
    EXPECT_EQ(printed_outcome(), MessageId::PrintQueueStopped);
    EXPECT_EQ(store_.scalar("SELECT count(*) FROM audit_log WHERE action = 'report_printed'"), 0)
        << "nothing printed, nothing recorded as printed";
    EXPECT_EQ(view().screen, Screen::CustodianSlots) << "the custodian stays where they were";
}

class NoPrinterTest : public TerminalFixture {
protected:
    void SetUp() override {
        TerminalFixture::SetUp();
        start_cabinet_with_three_cameras();
        start_terminal();
        set_pin(kKeeper, kPin);
    }
};

TEST_F(NoPrinterTest, AKioskWithoutAPrinterSaysSo) {
    log_in_custodian(agency::kZhaoBadge, kPin);
    term().tap_print(PrintableReport::UsageLedger);
    ASSERT_TRUE(view().notice.has_value());
    EXPECT_EQ(view().notice->id, MessageId::PrintNoQueue);
    EXPECT_FALSE(view().printing.has_value());
}

}  // namespace
}  // namespace custody::test
