// The CUPS adapter of the print port against a real scheduler of the test's own (issue 6:
// printing the reports that serve R5, R13, R20 and R21). A report that did not print must
// say why — server down, no such queue, printer stopped, job aborted — and never pass
// for printed.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "reports/cups_printer.h"
#include "tests/reports/printing/print_checks.h"
#include "tests/support/private_cupsd.h"
#include "tests/support/temp_dir.h"

namespace custody::test {
namespace {

using reports::CupsPrinter;

// Generous: the waits end when the job does, the limit only bounds a broken run.
constexpr std::chrono::milliseconds kLimit = std::chrono::seconds(60);

class CupsPrinterTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(cupsd_.start()); }

    // The queue a job was sent to holds no job any more, or never got one.
    testing::AssertionResult no_jobs_on(const std::string& queue) {
        std::string out;
        if (auto r = cupsd_.run({"lpstat", "-W", "all", "-o", queue}, &out); !r) return r;
        if (!out.empty()) return testing::AssertionFailure() << "jobs on " << queue << ":\n" << out;
        return testing::AssertionSuccess();
    }

    PrivateCupsd cupsd_;
    CupsPrinter printer_;
    TempDir scratch_;
};

std::string message_of(const Error& e) { return std::string(message_text(e.id).key) + ": " + render(e, Lang::En); }

TEST_F(CupsPrinterTest, PrintsAPdfOnTheDefaultQueueAndTheTextArrives) {
    ASSERT_TRUE(cupsd_.add_queue("duty", "一楼值班室打印机"));
    ASSERT_TRUE(cupsd_.add_queue("archive"));
    ASSERT_TRUE(cupsd_.set_default("duty"));

    auto job = printer_.submit(kSamplePdf, "", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());
    EXPECT_GT(job->id, 0);
    EXPECT_EQ(job->queue, "duty");
    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_TRUE(done.ok()) << message_of(done.error()) << "\n" << cupsd_.error_log();

    EXPECT_TRUE(is_the_sample_pdf(cupsd_.read_output("duty"), scratch_));
    EXPECT_EQ(cupsd_.read_output("archive"), "");
}

TEST_F(CupsPrinterTest, PrintsOnTheNamedQueueRatherThanTheDefault) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.add_queue("archive", "档案室打印机"));
    ASSERT_TRUE(cupsd_.set_default("duty"));

    auto job = printer_.submit(kSamplePdf, "archive", "使用台账");
    ASSERT_TRUE(job.ok()) << message_of(job.error());
    EXPECT_EQ(job->queue, "archive");
    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_TRUE(done.ok()) << message_of(done.error()) << "\n" << cupsd_.error_log();

    EXPECT_TRUE(is_the_sample_pdf(cupsd_.read_output("archive"), scratch_));
    EXPECT_EQ(cupsd_.read_output("duty"), "");
}

TEST_F(CupsPrinterTest, ListsTheQueuesWithTheDefaultDescriptionsAndState) {
    ASSERT_TRUE(cupsd_.add_queue("archive", "档案室打印机"));
    ASSERT_TRUE(cupsd_.add_queue("duty", "一楼值班室打印机"));
    ASSERT_TRUE(cupsd_.add_queue("spare"));
    ASSERT_TRUE(cupsd_.set_default("duty"));
    ASSERT_TRUE(cupsd_.disable("spare", "卡纸"));
    ASSERT_TRUE(cupsd_.reject("archive", "维护中"));

    auto queues = printer_.queues();
    ASSERT_TRUE(queues.ok()) << message_of(queues.error());
    ASSERT_EQ(queues->size(), 3u);
    const PrintQueue& archive = (*queues)[0];
    const PrintQueue& duty = (*queues)[1];
    const PrintQueue& spare = (*queues)[2];
    EXPECT_EQ(archive.name, "archive");
    EXPECT_EQ(archive.description, "档案室打印机");
    EXPECT_FALSE(archive.is_default);
    EXPECT_FALSE(archive.accepting);
    EXPECT_FALSE(archive.stopped);
    EXPECT_EQ(archive.state_message, "维护中");

    EXPECT_EQ(duty.name, "duty");
    EXPECT_EQ(duty.description, "一楼值班室打印机");
    EXPECT_TRUE(duty.is_default);
    EXPECT_TRUE(duty.accepting);
    EXPECT_FALSE(duty.stopped);

    EXPECT_EQ(spare.name, "spare");
    EXPECT_EQ(spare.description, "spare");  // CUPS describes a queue by its name unless told otherwise
    EXPECT_FALSE(spare.is_default);
    EXPECT_TRUE(spare.accepting);
    EXPECT_TRUE(spare.stopped);
    EXPECT_EQ(spare.state_message, "卡纸");
}

TEST_F(CupsPrinterTest, AServerWithoutQueuesListsNone) {
    auto queues = printer_.queues();
    ASSERT_TRUE(queues.ok()) << message_of(queues.error());
    EXPECT_TRUE(queues->empty());
}

TEST_F(CupsPrinterTest, AStoppedSchedulerIsPrintServerDown) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.set_default("duty"));
    ASSERT_TRUE(cupsd_.stop());

    auto queues = printer_.queues();
    ASSERT_FALSE(queues.ok());
    EXPECT_EQ(queues.error().id, MessageId::PrintServerDown) << message_of(queues.error());
    ASSERT_FALSE(queues.error().args.empty());
    EXPECT_EQ(queues.error().args[0], cupsd_.socket_path());

    for (const std::string queue : {"", "duty"}) {
        auto job = printer_.submit(kSamplePdf, queue, "保管使用报告");
        ASSERT_FALSE(job.ok());
        EXPECT_EQ(job.error().id, MessageId::PrintServerDown) << message_of(job.error());
    }
}

TEST_F(CupsPrinterTest, AServerThatStopsWhileAJobWaitsIsPrintServerDown) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.hold_new_jobs("duty"));
    auto job = printer_.submit(kSamplePdf, "duty", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());
    ASSERT_TRUE(cupsd_.stop());

    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintServerDown) << message_of(done.error());
}

TEST_F(CupsPrinterTest, AnUnknownQueueNamesTheQueuesThereAre) {
    ASSERT_TRUE(cupsd_.add_queue("archive"));
    ASSERT_TRUE(cupsd_.add_queue("duty"));

    auto job = printer_.submit(kSamplePdf, "frontdesk", "保管使用报告");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().id, MessageId::PrintQueueUnknown) << message_of(job.error());
    EXPECT_EQ(job.error().args, (std::vector<std::string>{"frontdesk", "archive, duty"}));
}

TEST_F(CupsPrinterTest, NoQueueAtAllIsPrintNoQueue) {
    for (const std::string queue : {"", "duty"}) {
        auto job = printer_.submit(kSamplePdf, queue, "保管使用报告");
        ASSERT_FALSE(job.ok());
        EXPECT_EQ(job.error().id, MessageId::PrintNoQueue) << message_of(job.error());
    }
}

TEST_F(CupsPrinterTest, NoDefaultQueueIsPrintNoQueue) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    auto queues = printer_.queues();
    ASSERT_TRUE(queues.ok()) << message_of(queues.error());
    ASSERT_EQ(queues->size(), 1u);
    ASSERT_FALSE(queues->front().is_default);

    auto job = printer_.submit(kSamplePdf, "", "保管使用报告");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().id, MessageId::PrintNoQueue) << message_of(job.error());
}

TEST_F(CupsPrinterTest, AStoppedPrinterGetsNoJob) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.set_default("duty"));
    ASSERT_TRUE(cupsd_.disable("duty", "卡纸"));

    for (const std::string queue : {"", "duty"}) {
        auto job = printer_.submit(kSamplePdf, queue, "保管使用报告");
        ASSERT_FALSE(job.ok());
        EXPECT_EQ(job.error().id, MessageId::PrintQueueStopped) << message_of(job.error());
        EXPECT_EQ(job.error().args, (std::vector<std::string>{"duty", "卡纸"}));
    }
    EXPECT_TRUE(no_jobs_on("duty"));
}

// The printer stops under the job (its device fails and the queue's policy is to stop):
// the wait ends with PrintQueueStopped and the printer's reason, not after the limit.
TEST_F(CupsPrinterTest, AJobOnAPrinterThatStopsEndsTheWaitWithPrintQueueStopped) {
    ASSERT_TRUE(cupsd_.add_failing_queue("jammed", "stop-printer"));
    auto job = printer_.submit(kSamplePdf, "jammed", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());

    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintQueueStopped) << message_of(done.error()) << "\n" << cupsd_.error_log();
    ASSERT_EQ(done.error().args.size(), 2u);
    EXPECT_EQ(done.error().args[0], "jammed");
    EXPECT_NE(done.error().args[1].find("Permission denied"), std::string::npos) << done.error().args[1];
}

TEST_F(CupsPrinterTest, AQueueRejectingJobsIsPrintQueueRefusing) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.reject("duty", "维护中"));

    auto job = printer_.submit(kSamplePdf, "duty", "保管使用报告");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().id, MessageId::PrintQueueRefusing) << message_of(job.error());
    EXPECT_EQ(job.error().args, (std::vector<std::string>{"duty", "维护中"}));
}

// The device cannot be opened and the queue's policy is to abort the job: CUPS sets the
// job to aborted (job-state 8) with the backend's reason.
TEST_F(CupsPrinterTest, AJobTheServerAbortsIsPrintJobAbortedWithItsReason) {
    ASSERT_TRUE(cupsd_.add_failing_queue("broken", "abort-job"));
    auto job = printer_.submit(kSamplePdf, "broken", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());

    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintJobAborted) << message_of(done.error()) << "\n" << cupsd_.error_log();
    ASSERT_EQ(done.error().args.size(), 3u);
    EXPECT_EQ(done.error().args[0], std::to_string(job->id));
    EXPECT_EQ(done.error().args[1], "broken");
    EXPECT_NE(done.error().args[2].find("Permission denied"), std::string::npos) << done.error().args[2];
}

// A damaged PDF makes the queue's filter fail: CUPS stops the job (job-state 6) while the
// printer stays ready, so the job will never print and is reported as aborted.
TEST_F(CupsPrinterTest, ADamagedPdfTheServerStopsIsPrintJobAborted) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    const std::string damaged = scratch_.file("damaged.pdf");
    std::ofstream(damaged) << "%PDF-1.4\nnot a page in sight\n%%EOF\n";

    auto job = printer_.submit(damaged, "duty", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());
    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintJobAborted) << message_of(done.error()) << "\n" << cupsd_.error_log();
    ASSERT_EQ(done.error().args.size(), 3u);
    EXPECT_FALSE(done.error().args[2].empty());
    EXPECT_EQ(cupsd_.read_output("duty"), "");
}

TEST_F(CupsPrinterTest, ACanceledJobIsPrintJobCanceled) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.hold_new_jobs("duty"));
    auto job = printer_.submit(kSamplePdf, "duty", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());
    ASSERT_TRUE(cupsd_.cancel_job(job->id));

    auto done = printer_.wait_until_printed(*job, kLimit);
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintJobCanceled) << message_of(done.error());
    EXPECT_EQ(done.error().args, (std::vector<std::string>{std::to_string(job->id), "duty"}));
}

// A held job never prints by itself, so any limit runs out: no clock is raced here.
TEST_F(CupsPrinterTest, AJobStillQueuedAtTheLimitIsPrintJobTimedOut) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    ASSERT_TRUE(cupsd_.hold_new_jobs("duty"));
    auto job = printer_.submit(kSamplePdf, "duty", "保管使用报告");
    ASSERT_TRUE(job.ok()) << message_of(job.error());

    auto done = printer_.wait_until_printed(*job, std::chrono::milliseconds(300));
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().id, MessageId::PrintJobTimedOut) << message_of(done.error());
    EXPECT_EQ(done.error().args, (std::vector<std::string>{std::to_string(job->id), "duty", "0.3"}));
}

TEST_F(CupsPrinterTest, AMissingFileIsPrintFailedAndSendsNoJob) {
    ASSERT_TRUE(cupsd_.add_queue("duty"));
    const std::string missing = scratch_.file("no-such-report.pdf");

    auto job = printer_.submit(missing, "duty", "保管使用报告");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().id, MessageId::PrintFailed) << message_of(job.error());
    ASSERT_EQ(job.error().args.size(), 2u);
    EXPECT_EQ(job.error().args[0], missing);
    EXPECT_NE(job.error().args[1].find("No such file"), std::string::npos) << job.error().args[1];
    EXPECT_TRUE(no_jobs_on("duty"));
}

}  // namespace
}  // namespace custody::test
