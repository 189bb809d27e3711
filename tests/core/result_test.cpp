// Result<T, E>: expected failures are values; reading the wrong side is a programming
// error and throws std::logic_error.
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "kiosk/core/result.h"

namespace custody {
namespace {

Result<int> half(int n) {
    if (n % 2 != 0) return fail(Error(MessageId::UsageError, {"odd: " + std::to_string(n)}));
    return n / 2;
}

Result<int> quarter(int n) {
    auto h = half(n);
    CUSTODY_TRY(h);
    return half(*h);
}

Status check_even(int n) {
    CUSTODY_TRY(half(n));
    return {};
}

TEST(Result, SuccessHoldsTheValue) {
    Result<int> r = half(10);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(static_cast<bool>(r));
    EXPECT_EQ(r.value(), 5);
    EXPECT_EQ(*r, 5);
    EXPECT_THROW((void)r.error(), std::logic_error);
}

TEST(Result, FailureHoldsTheErrorAndValueThrows) {
    Result<int> r = half(7);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(static_cast<bool>(r));
    EXPECT_EQ(r.error().id, MessageId::UsageError);
    ASSERT_EQ(r.error().args.size(), 1u);
    EXPECT_EQ(r.error().args[0], "odd: 7");
    EXPECT_THROW((void)r.value(), std::logic_error);
    EXPECT_THROW((void)*r, std::logic_error);
    const Result<int>& cr = r;
    EXPECT_THROW((void)cr.value(), std::logic_error);
    EXPECT_THROW((void)std::move(r).value(), std::logic_error);
}

TEST(Result, ArrowReachesMembersAndThrowsOnFailure) {
    Result<std::string> ok = std::string("abc");
    EXPECT_EQ(ok->size(), 3u);
    Result<std::string> bad = fail(Error(MessageId::DeviceUnknown, {"X"}));
    EXPECT_THROW((void)bad->size(), std::logic_error);
}

TEST(Result, RvalueValueMovesOutMoveOnlyTypes) {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(42);
    std::unique_ptr<int> p = std::move(r).value();
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(*p, 42);
}

TEST(Result, VoidStatus) {
    Status ok;
    EXPECT_TRUE(ok.ok());
    EXPECT_NO_THROW(ok.value());
    EXPECT_THROW((void)ok.error(), std::logic_error);

    Status bad = fail(Error(MessageId::StorageBusy));
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().id, MessageId::StorageBusy);
    EXPECT_THROW(bad.value(), std::logic_error);
}

TEST(Result, TryPropagatesTheFirstFailureUnchanged) {
    EXPECT_EQ(*quarter(12), 3);
    auto r = quarter(6);  // 6 -> 3 -> odd
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().args[0], "odd: 3");
    auto r2 = quarter(5);
    ASSERT_FALSE(r2.ok());
    EXPECT_EQ(r2.error().args[0], "odd: 5");
    EXPECT_TRUE(check_even(4).ok());
    auto s = check_even(9);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().args[0], "odd: 9");
}

TEST(Result, ErrorWithCauseKeepsBothAndLeavesOriginalAlone) {
    Error outer(MessageId::ImportRejected, {"a.csv", "3"});
    Error both = outer.with_cause(Error(MessageId::CsvEmptyField, {"name"}));
    EXPECT_EQ(outer.cause, nullptr);
    ASSERT_NE(both.cause, nullptr);
    EXPECT_EQ(both.cause->id, MessageId::CsvEmptyField);
    EXPECT_EQ(both.args, outer.args);
}

}  // namespace
}  // namespace custody
