// Registration is all or nothing: the first bad row rejects the WHOLE file with its line
// and reason, nothing is written, and the rejection itself is audited.
#include <gtest/gtest.h>

#include "kiosk/core/registry_import.h"
#include "tests/support/store_fixture.h"

namespace custody {
namespace {

using test::StoreFixture;

struct Case {
    const char* name;
    RegistryKind kind;
    const char* table;  // where records of this kind go
    const char* csv;
    int line;
    MessageId cause;
    std::vector<std::string> cause_args;  // checked as a prefix
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const Case kCases[] = {
    {"MissingColumn", RegistryKind::Units, "units", "code,name\nN1,新单位\n", 1, MessageId::CsvMissingColumn,
     {"allocation_class"}},
    {"MissingColumnDevices", RegistryKind::Devices, "devices", "serial,kind,brand,unit_code\nD1,camera,佳能,ZD01\n", 1,
     MessageId::CsvMissingColumn, {"model"}},
    {"TooManyColumns", RegistryKind::Units, "units", "code,name,allocation_class\nN1,新单位,A\nN2,另一个,B,多余\n", 3,
     MessageId::CsvColumnCount, {"3", "4"}},
    {"TooFewColumns", RegistryKind::Badges, "badges", "uid,officer_number\n04D00001,100001\n04D00002\n", 3,
     MessageId::CsvColumnCount, {"2", "1"}},
    {"EmptyRequiredField", RegistryKind::Officers, "officers",
     "number,name,unit_code\n100010,周杰,ZD01\n100011,,ZD01\n", 3, MessageId::CsvEmptyField, {"name"}},
    {"BlankRequiredField", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code\nD1,camera,佳能,EOS,ZD01\nD2,camera,  ,EOS,ZD01\n", 3,
     MessageId::CsvEmptyField, {"brand"}},
    {"BadAllocationClass", RegistryKind::Units, "units", "code,name,allocation_class\nN1,新单位,丙类\n", 2,
     MessageId::CsvBadValue, {"allocation_class", "丙类"}},
    {"BadDeviceKind", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code\nD1,camera,佳能,EOS,ZD01\nD2,无人机,大疆,M3,ZD01\n", 3, MessageId::CsvBadValue,
     {"kind", "无人机"}},
    {"BadRole", RegistryKind::Officers, "officers", "number,name,unit_code,role\n100010,周杰,ZD01,局长\n", 2,
     MessageId::CsvBadValue, {"role", "局长"}},
    {"BadActiveFlag", RegistryKind::Officers, "officers", "number,name,unit_code,active\n100010,周杰,ZD01,maybe\n", 2,
     MessageId::CsvBadValue, {"active", "maybe"}},
    {"UnknownUnitForOfficer", RegistryKind::Officers, "officers",
     "number,name,unit_code\n100010,周杰,ZD01\n100011,吴磊,ZZ99\n", 3, MessageId::CsvUnknownUnit, {"ZZ99"}},
    {"UnknownUnitForDevice", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code\nD1,camera,佳能,EOS,ZZ99\n", 2, MessageId::CsvUnknownUnit, {"ZZ99"}},
    {"UnknownOfficerForBadge", RegistryKind::Badges, "badges", "uid,officer_number\n04D00001,100001\n04D00002,999999\n",
     3, MessageId::CsvUnknownOfficer, {"999999"}},
    {"UnknownKeeperForDevice", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code,keeper_number\nD1,camera,佳能,EOS,ZD01,999999\n", 2,
     MessageId::CsvUnknownOfficer, {"999999"}},
    {"DuplicateUnitInFile", RegistryKind::Units, "units",
     "code,name,allocation_class\nN1,一,A\n\nN2,二,B\nN1,三,A\n", 5, MessageId::CsvDuplicateInFile, {"N1", "2"}},
    {"DuplicateOfficerInFile", RegistryKind::Officers, "officers",
     "number,name,unit_code\n100010,周杰,ZD01\n100011,吴磊,ZD01\n100010,周杰伦,XJ02\n", 4,
     MessageId::CsvDuplicateInFile, {"100010", "2"}},
    {"DuplicateDeviceInFile", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code\nD1,camera,佳能,EOS,ZD01\nD1,camera,佳能,EOS,XJ02\n", 3,
     MessageId::CsvDuplicateInFile, {"D1", "2"}},
    {"DuplicateBadgeSpelledDifferently", RegistryKind::Badges, "badges",
     "uid,officer_number\n04:d0:00:01,100001\n04D00001,100002\n", 3, MessageId::CsvDuplicateInFile,
     {"04D00001", "2"}},
    {"UnitAlreadyRegistered", RegistryKind::Units, "units", "code,name,allocation_class\nN1,新单位,A\nZD01,治安,A\n", 3,
     MessageId::CsvAlreadyExists, {"ZD01"}},
    {"OfficerAlreadyRegistered", RegistryKind::Officers, "officers", "number,name,unit_code\n100001,张伟,ZD01\n", 2,
     MessageId::CsvAlreadyExists, {"100001"}},
    {"DeviceAlreadyRegistered", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code\nXJ-CAM-01,camera,佳能,EOS,XJ02\n", 2, MessageId::CsvAlreadyExists,
     {"XJ-CAM-01"}},
    {"BadgeAlreadyRegistered", RegistryKind::Badges, "badges", "uid,officer_number\n04a23b11,100002\n", 2,
     MessageId::CsvAlreadyExists, {"04A23B11"}},
    {"BadUidNotHex", RegistryKind::Badges, "badges", "uid,officer_number\n04D00001,100001\nXYZ12345,100002\n", 3,
     MessageId::CsvBadValue, {"uid", "XYZ12345"}},
    {"BadUidTooShort", RegistryKind::Badges, "badges", "uid,officer_number\n04A2,100001\n", 2, MessageId::CsvBadValue,
     {"uid", "04A2"}},
    {"BadUidOddLength", RegistryKind::Badges, "badges", "uid,officer_number\n04A23B111,100001\n", 2,
     MessageId::CsvBadValue, {"uid", "04A23B111"}},
    {"SlotNotANumber", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code,slot\nD1,camera,佳能,EOS,ZD01,第五\n", 2, MessageId::CsvBadValue,
     {"slot", "第五"}},
    {"SlotUnknown", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code,slot\nD1,camera,佳能,EOS,ZD01,5\nD2,camera,佳能,EOS,ZD01,99\n", 3,
     MessageId::SlotUnknown, {"99"}},
    {"SlotZero", RegistryKind::Devices, "devices", "serial,kind,brand,model,unit_code,slot\nD1,camera,佳能,EOS,ZD01,0\n",
     2, MessageId::SlotUnknown, {"0"}},
    {"SlotOccupiedByRegisteredDevice", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code,slot\nD1,camera,佳能,EOS,ZD01,1\n", 2, MessageId::SlotOccupied,
     {"1", "ZD-CAM-01"}},
    {"SlotOccupiedEarlierInFile", RegistryKind::Devices, "devices",
     "serial,kind,brand,model,unit_code,slot\nD1,camera,佳能,EOS,ZD01,6\nD2,camera,佳能,EOS,ZD01,6\n", 3,
     MessageId::SlotOccupied, {"6", "D1"}},
    {"EmptyFile", RegistryKind::Units, "units", "", 1, MessageId::CsvEmptyFile, {}},
    {"OnlyBlankLines", RegistryKind::Officers, "officers", "\xEF\xBB\xBF\r\n\r\n", 1, MessageId::CsvEmptyFile, {}},
    {"MalformedCsv", RegistryKind::Units, "units", "code,name,allocation_class\nN1,\"新单位,A\n", 2,
     MessageId::CsvUnterminatedQuote, {}},
    {"NotUtf8", RegistryKind::Units, "units", "code,name,allocation_class\nN1,ok,A\nN2,\xD6\xCE\xB0\xB2,B\n", 3,
     MessageId::CsvBadUtf8, {}},
};

class ImportRejection : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override { f.register_agency(); }
    StoreFixture f;
};

TEST_P(ImportRejection, RejectsTheWholeFileAtTheRightLineAndAuditsIt) {
    const Case& c = GetParam();
    const std::string before = f.snapshot();
    const auto rows_before = f.count(c.table);
    const auto seq_before = f.last_audit_seq();

    auto r = RegistryImport(f.store(), f.clock(), "custodian").run(c.kind, c.csv, "upload.csv");

    ASSERT_FALSE(r.ok()) << "file was accepted";
    const Error& e = r.error();
    EXPECT_EQ(e.id, MessageId::ImportRejected) << log_line(e);
    ASSERT_EQ(e.args.size(), 2u);
    EXPECT_EQ(e.args[0], "upload.csv");
    EXPECT_EQ(e.args[1], std::to_string(c.line)) << log_line(e);
    ASSERT_NE(e.cause, nullptr);
    EXPECT_EQ(e.cause->id, c.cause) << log_line(e);
    ASSERT_GE(e.cause->args.size(), c.cause_args.size()) << log_line(e);
    for (std::size_t i = 0; i < c.cause_args.size(); ++i) EXPECT_EQ(e.cause->args[i], c.cause_args[i]) << i;

    // Nothing written: not the good rows before the bad one, not anything else.
    EXPECT_EQ(f.count(c.table), rows_before);
    EXPECT_EQ(f.snapshot(), before);

    // Exactly one audit line, naming the file, line and reason.
    auto audit = f.audit_after(seq_before);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "import_rejected");
    EXPECT_EQ(audit[0].actor, "custodian");
    EXPECT_EQ(audit[0].subject, "upload.csv");
    EXPECT_NE(audit[0].detail.find("reason=ImportRejected"), std::string::npos) << audit[0].detail;
    EXPECT_NE(audit[0].detail.find("arg1=" + std::to_string(c.line)), std::string::npos) << audit[0].detail;
    EXPECT_NE(audit[0].detail.find(std::string("cause=") + std::string(message_text(c.cause).key)), std::string::npos)
        << audit[0].detail;
}

INSTANTIATE_TEST_SUITE_P(EveryReason, ImportRejection, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ImportRejectionAfterwards, TheSameFileCorrectedImportsCompletely) {
    StoreFixture f;
    f.register_agency();
    RegistryImport imp(f.store(), f.clock(), "custodian");
    ASSERT_FALSE(imp.run(RegistryKind::Officers, "number,name,unit_code\n100010,周杰,ZD01\n100011,吴磊,ZZ99\n", "o.csv").ok());
    auto r = imp.run(RegistryKind::Officers, "number,name,unit_code\n100010,周杰,ZD01\n100011,吴磊,XJ02\n", "o.csv");
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->records, 2);
    EXPECT_EQ(f.count("officers"), 8);
}

}  // namespace
}  // namespace custody
