#pragma once
#include <string>

#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// R2: class A units need at least 1 device per 2 officers, class B 1 per 5 (policy).
enum class AllocationClass { A, B };

inline constexpr NamedCode<AllocationClass> kAllocationClasses[] = {
    {AllocationClass::A, "A", "甲类", "class A"},
    {AllocationClass::B, "B", "乙类", "class B"},
};

struct Unit {
    Id id = 0;
    std::string code;
    std::string name;
    AllocationClass allocation = AllocationClass::B;
};

}  // namespace custody
