#pragma once
#include <string>

#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

enum class Role { Officer, Keeper, UnitHead, Supervisor, Finance, Admin };

inline constexpr NamedCode<Role> kRoles[] = {
    {Role::Officer, "officer", "民警", "officer"},
    {Role::Keeper, "keeper", "保管员", "keeper"},
    {Role::UnitHead, "unit_head", "单位负责人", "unit head"},
    {Role::Supervisor, "supervisor", "督察", "supervisor"},
    {Role::Finance, "finance", "财务", "finance"},
    {Role::Admin, "admin", "管理员", "administrator"},
};

struct Officer {
    Id id = 0;
    std::string number;  // police or staff number (警号)
    std::string name;
    Id unit_id = 0;
    Role role = Role::Officer;
    bool active = true;
};

}  // namespace custody
