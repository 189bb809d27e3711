// R2: per unit, one device per 2 officers (class A) or per 5 (class B), rounded up.
#include <gtest/gtest.h>

#include "kiosk/core/allocation.h"

using namespace custody;

namespace {
UnitHeadcount count(AllocationClass c, int officers, int devices) {
    UnitHeadcount h;
    h.unit.code = "U";
    h.unit.allocation = c;
    h.officers = officers;
    h.devices = devices;
    return h;
}
}  // namespace

TEST(Allocation, ClassANeedsOnePerTwoRoundedUp_R2) {
    const AgencyProfile p;
    const auto a = allocation_of(count(AllocationClass::A, 7, 3), p);
    EXPECT_EQ(a.officers_per_device, 2);
    EXPECT_EQ(a.required, 4);  // 7 / 2 = 3.5 → 4
    EXPECT_EQ(a.shortfall, 1);
    EXPECT_EQ(a.surplus, 0);
    EXPECT_FALSE(a.meets_standard());
}

TEST(Allocation, ClassBNeedsOnePerFive_R2) {
    const AgencyProfile p;
    const auto b = allocation_of(count(AllocationClass::B, 10, 3), p);
    EXPECT_EQ(b.required, 2);
    EXPECT_EQ(b.shortfall, 0);
    EXPECT_EQ(b.surplus, 1);
    EXPECT_TRUE(b.meets_standard());
    EXPECT_EQ(allocation_of(count(AllocationClass::B, 0, 0), p).required, 0);
}

TEST(Allocation, TheStandardIsTheProfilesPolicy_R2) {
    AgencyProfile p;
    p.officers_per_device_class_b = 3;
    EXPECT_EQ(allocation_of(count(AllocationClass::B, 10, 3), p).required, 4);
}
