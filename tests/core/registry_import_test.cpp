// Bulk registration from CSV (R3, R4): each kind imports Chinese names, and a finance
// office may use the Chinese column headers and enum names instead of the codes.
#include <gtest/gtest.h>

#include "kiosk/core/registry_import.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

using test::StoreFixture;

class RegistryImportTest : public ::testing::Test {
protected:
    int import(RegistryKind kind, std::string_view csv) {
        auto r = RegistryImport(f.store(), f.clock(), "custodian").run(kind, csv, "in.csv");
        if (!r) {
            ADD_FAILURE() << log_line(r.error());
            return -1;
        }
        return r->records;
    }
    std::unique_ptr<StoreTx> tx() { return f.store().begin().value(); }

    StoreFixture f;
};

TEST_F(RegistryImportTest, UnitsWithEnglishHeaders) {
    EXPECT_EQ(import(RegistryKind::Units, "code,name,allocation_class\nZD01,治安大队,A\nXJ02,刑警大队,B\n"), 2);
    auto t = tx();
    auto u = t->unit_by_code("ZD01").value();
    ASSERT_TRUE(u);
    EXPECT_EQ(u->name, "治安大队");
    EXPECT_EQ(u->allocation, AllocationClass::A);
    EXPECT_EQ(t->unit_by_code("XJ02").value()->allocation, AllocationClass::B);
}

TEST_F(RegistryImportTest, UnitsWithChineseHeadersAndValues) {
    EXPECT_EQ(import(RegistryKind::Units, "单位代码,单位名称,配备类别\nZD01,治安管理大队,甲类\nXJ02,刑事侦查大队,乙类\n"), 2);
    auto t = tx();
    EXPECT_EQ(t->unit_by_code("ZD01").value()->name, "治安管理大队");
    EXPECT_EQ(t->unit_by_code("ZD01").value()->allocation, AllocationClass::A);
    EXPECT_EQ(t->unit_by_code("XJ02").value()->allocation, AllocationClass::B);
}

TEST_F(RegistryImportTest, OfficersWithChineseHeadersRolesAndActiveFlags) {
    import(RegistryKind::Units, test::agency::kUnitsCsv);
    EXPECT_EQ(import(RegistryKind::Officers,
                     "警号,姓名,单位代码,角色,在岗\n"
                     "100001,张伟,ZD01,民警,是\n"
                     "100002,欧阳娜娜,ZD01,保管员,否\n"
                     "200001,刘洋,XJ02,unit_head,1\n"),
              3);
    auto t = tx();
    auto zhang = t->officer_by_number("100001").value();
    ASSERT_TRUE(zhang);
    EXPECT_EQ(zhang->name, "张伟");
    EXPECT_EQ(zhang->role, Role::Officer);
    EXPECT_TRUE(zhang->active);
    EXPECT_EQ(zhang->unit_id, t->unit_by_code("ZD01").value()->id);
    auto ouyang = t->officer_by_number("100002").value();
    EXPECT_EQ(ouyang->name, "欧阳娜娜");
    EXPECT_EQ(ouyang->role, Role::Keeper);
    EXPECT_FALSE(ouyang->active);
    EXPECT_EQ(t->officer_by_number("200001").value()->role, Role::UnitHead);
}

TEST_F(RegistryImportTest, OptionalOfficerColumnsDefaultToActiveOfficer) {
    import(RegistryKind::Units, test::agency::kUnitsCsv);
    EXPECT_EQ(import(RegistryKind::Officers, "unit_code,name,number\nZD01,张伟,100001\n"), 1);
    auto o = tx()->officer_by_number("100001").value();
    ASSERT_TRUE(o);
    EXPECT_EQ(o->name, "张伟");
    EXPECT_EQ(o->role, Role::Officer);
    EXPECT_TRUE(o->active);
}

TEST_F(RegistryImportTest, DevicesWithChineseHeadersKeeperAndSlot) {
    import(RegistryKind::Units, test::agency::kUnitsCsv);
    import(RegistryKind::Officers, test::agency::kOfficersCsv);
    EXPECT_EQ(import(RegistryKind::Devices,
                     "序列号,类型,品牌,型号,固件版本,单位代码,保管人警号,柜位\n"
                     "ZD-CAM-01,执法记录仪,海康威视,DSJ-K1,V1.2,ZD01,100004,5\n"
                     "ZD-REC-01,录音笔,索尼,ICD-UX570,,ZD01,,\n"),
              2);
    auto t = tx();
    auto cam = t->device_by_serial("ZD-CAM-01").value();
    ASSERT_TRUE(cam);
    EXPECT_EQ(cam->kind, DeviceKind::BodyCamera);
    EXPECT_EQ(cam->brand, "海康威视");
    EXPECT_EQ(cam->model, "DSJ-K1");
    EXPECT_EQ(cam->firmware, "V1.2");
    EXPECT_EQ(cam->unit_id, t->unit_by_code("ZD01").value()->id);
    EXPECT_EQ(cam->keeper_id, t->officer_by_number("100004").value()->id);  // R4
    EXPECT_EQ(cam->slot, 5);
    EXPECT_EQ(cam->status, DeviceStatus::InService);
    EXPECT_EQ(t->device_in_slot(5).value()->serial, "ZD-CAM-01");
    auto rec = t->device_by_serial("ZD-REC-01").value();
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->kind, DeviceKind::AudioRecorder);
    EXPECT_EQ(rec->brand, "索尼");
    EXPECT_FALSE(rec->keeper_id);
    EXPECT_FALSE(rec->slot);
}

TEST_F(RegistryImportTest, BadgesAreNormalisedWithChineseHeaders) {
    import(RegistryKind::Units, test::agency::kUnitsCsv);
    import(RegistryKind::Officers, test::agency::kOfficersCsv);
    f.clock().advance_ms(1234);
    EXPECT_EQ(import(RegistryKind::Badges, "卡号,警号\n04:a2:3b:11,100001\n04 b0 00 01 aa bb cc,200001\n"), 2);
    auto t = tx();
    auto b = t->badge("04A23B11").value();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->officer_id, t->officer_by_number("100001").value()->id);
    EXPECT_EQ(b->issued_at, f.clock().now());
    EXPECT_FALSE(b->revoked());
    EXPECT_TRUE(t->badge("04B00001AABBCC").value());
}

TEST_F(RegistryImportTest, ExcelExportWithBomCrlfAndBlankLines) {
    EXPECT_EQ(import(RegistryKind::Units, "\xEF\xBB\xBF" "单位代码,单位名称,配备类别\r\n\r\nZD01,治安大队,A\r\n\r\n"), 1);
    EXPECT_TRUE(tx()->unit_by_code("ZD01").value());
}

TEST_F(RegistryImportTest, EveryRecordIsAuditedWithItsSource) {
    auto before = f.last_audit_seq();
    import(RegistryKind::Units, test::agency::kUnitsCsv);
    import(RegistryKind::Officers, test::agency::kOfficersCsv);
    auto rows = f.audit_after(before);
    ASSERT_EQ(rows.size(), 3u + 6u);
    EXPECT_EQ(rows[0].action, "register_unit");
    EXPECT_EQ(rows[0].subject, "ZD01");
    EXPECT_EQ(rows[0].actor, "custodian");
    EXPECT_NE(rows[0].detail.find("source=in.csv"), std::string::npos) << rows[0].detail;
    EXPECT_EQ(rows[3].action, "register_officer");
    EXPECT_EQ(rows[3].subject, "100001");
    EXPECT_NE(rows[3].detail.find("unit=ZD01"), std::string::npos) << rows[3].detail;
}

TEST_F(RegistryImportTest, HeaderOnlyFileImportsNothing) {
    EXPECT_EQ(import(RegistryKind::Units, "code,name,allocation_class\n"), 0);
    EXPECT_EQ(f.count("units"), 0);
}

TEST_F(RegistryImportTest, ColumnsAreListedInExportOrder) {
    EXPECT_EQ(registry_columns(RegistryKind::Badges), (std::vector<std::string>{"uid", "officer_number"}));
    EXPECT_EQ(registry_columns(RegistryKind::Units), (std::vector<std::string>{"code", "name", "allocation_class"}));
    EXPECT_EQ(registry_columns(RegistryKind::Devices).size(), 8u);
}

}  // namespace
}  // namespace custody
