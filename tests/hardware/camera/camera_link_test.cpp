// The real GA/T 947.4 adapter against libgat947-sim.so: the happy paths.

#include <dlfcn.h>

#include <filesystem>

#include "hardware/camera/gat947_abi.h"
#include "tests/hardware/camera/camera_fixture.h"

namespace fs = std::filesystem;

namespace custody::test {
namespace {

using CameraLink947 = CameraFixture;

TEST_F(CameraLink947, IdentifiesTheDockedCamera) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto id = cam->identify();
    ASSERT_TRUE(id.ok()) << log_line(id.error());
    EXPECT_EQ(id->serial, kSerial);
    EXPECT_EQ(id->maker_model, kIdCode);
    EXPECT_EQ(id->firmware, "V2.1.0");
}

TEST_F(CameraLink947, AuthenticatesWithTheRightPassword) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto s = cam->authenticate(kPassword);
    EXPECT_TRUE(s.ok()) << log_line(s.error());
}

TEST_F(CameraLink947, BindingRoundTripsChineseAsGbk) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    OfficerBinding b{"012345", "张三", "110100000000", "北京市公安局"};
    auto w = cam->write_binding(b);
    ASSERT_TRUE(w.ok()) << log_line(w.error());
    // The device holds GBK bytes, not UTF-8 (the simulator keeps them as hex).
    auto state = read_state();
    EXPECT_EQ(state["user_name_gbk"], "D5C5C8FD");
    EXPECT_EQ(state["unit_name_gbk"], "B1B1BEA9CAD0B9ABB0B2BED6");
    EXPECT_EQ(state["user_no"], "012345");
    EXPECT_EQ(state["serial"], kSerial);  // the product serial is sent back unchanged
    auto r = cam->read_binding();
    ASSERT_TRUE(r.ok()) << log_line(r.error());
    EXPECT_EQ(r->officer_number, "012345");
    EXPECT_EQ(r->officer_name, "张三");
    EXPECT_EQ(r->unit_code, "110100000000");
    EXPECT_EQ(r->unit_name, "北京市公安局");
}

TEST_F(CameraLink947, FieldSizeIsMeasuredInGbkBytes) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    // 16 Chinese characters: 48 bytes of UTF-8 but 32 of GBK, which fits 33 with its NUL.
    std::string sixteen;
    for (int i = 0; i < 16; ++i) sixteen += "警";
    auto w = cam->write_binding({"012345", sixteen, "110100000000", "北京市公安局"});
    ASSERT_TRUE(w.ok()) << log_line(w.error());
    auto r = cam->read_binding();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->officer_name, sixteen);
}

TEST_F(CameraLink947, NameTooLongIsRefusedAndNothingWritten) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    ASSERT_TRUE(cam->write_binding({"012345", "张三", "110100000000", "北京市公安局"}).ok());
    auto before = read_state();
    std::string seventeen;
    for (int i = 0; i < 17; ++i) seventeen += "警";  // 34 GBK bytes: would cut the 17th in half
    auto w = cam->write_binding({"099999", seventeen, "110100000000", "北京市公安局"});
    ASSERT_FALSE(w.ok());
    EXPECT_EQ(w.error().id, MessageId::CameraNameTooLong);
    EXPECT_EQ(w.error().args.at(0), seventeen);
    EXPECT_EQ(w.error().args.at(1), "32");
    EXPECT_EQ(read_state(), before);
    // A too-long unit name is refused the same way, before anything is sent.
    auto u = cam->write_binding({"099999", "李四", "110100000000", seventeen + "分局"});
    ASSERT_FALSE(u.ok());
    EXPECT_EQ(u.error().id, MessageId::CameraNameTooLong);
    EXPECT_EQ(read_state(), before);
}

TEST_F(CameraLink947, SyncFixesAFarOffClock) {
    constexpr std::int64_t kThirtyDays = 30 * kMsPerDay;
    set_state("clock_offset_s", std::to_string(kThirtyDays / kMsPerSecond));
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    SystemClock host;
    auto before = cam->read_clock();
    ASSERT_TRUE(before.ok()) << log_line(before.error());
    // Generous bounds: these compare two clocks, not how long anything took.
    EXPECT_GT(before->ms - host.now().ms, kThirtyDays - kMsPerHour);
    ASSERT_TRUE(cam->sync_clock().ok());
    auto after = cam->read_clock();
    ASSERT_TRUE(after.ok());
    EXPECT_LT(std::llabs(after->ms - host.now().ms), kMsPerHour);
    EXPECT_EQ(read_state()["clock_offset_s"], "0");
}

TEST_F(CameraLink947, ReportsBatteryAndStorage) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto pct = cam->battery_pct();
    ASSERT_TRUE(pct.ok()) << log_line(pct.error());
    EXPECT_EQ(*pct, 87);
    auto st = cam->storage();
    ASSERT_TRUE(st.ok()) << log_line(st.error());
    EXPECT_EQ(st->total_mb, 32768);
    EXPECT_EQ(st->free_mb, 32767);  // a few small files round up to one MiB used
}

TEST_F(CameraLink947, RecordingsListMatchesTheVolume) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto path = cam->mass_storage_path();
    ASSERT_TRUE(path.ok()) << log_line(path.error());
    EXPECT_EQ(fs::path(*path), volume());
    EXPECT_EQ(read_state()["msdc"], "1");
    auto list = cam->recordings();
    ASSERT_TRUE(list.ok()) << log_line(list.error());
    ASSERT_EQ(list->size(), 3u);  // the hidden file is not a recording
    const char* expected[] = {"AUDIO/AUD0001.WAV", "DCIM/100MEDIA/IMG0001.JPG", "DCIM/100MEDIA/VID0001.MP4"};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ((*list)[i].relative_path, expected[i]);
        EXPECT_EQ((*list)[i].bytes, static_cast<std::int64_t>(fs::file_size(volume() / expected[i])));
        EXPECT_GT((*list)[i].bytes, 0);
    }
}

TEST_F(CameraLink947, DeleteRemovesOneRecording) {
    auto cam = open_camera();
    ASSERT_TRUE(cam);
    auto list = cam->recordings();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 3u);
    auto d = cam->delete_recording((*list)[2]);
    ASSERT_TRUE(d.ok()) << log_line(d.error());
    EXPECT_FALSE(fs::exists(volume() / "DCIM/100MEDIA/VID0001.MP4"));
    auto after = cam->recordings();
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->size(), 2u);
    EXPECT_EQ((*after)[0].relative_path, "AUDIO/AUD0001.WAV");
    // Deleting it again, or a path outside the volume, is a storage error.
    auto again = cam->delete_recording((*list)[2]);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().id, MessageId::CameraStorageError);
    auto escape = cam->delete_recording({"../state.ini", 0});
    ASSERT_FALSE(escape.ok());
    EXPECT_EQ(escape.error().id, MessageId::CameraStorageError);
    EXPECT_TRUE(fs::exists(slot_dir_ / "state.ini"));
}

TEST_F(CameraLink947, TwoSlotsTakeTurnsOnOneLibrary) {
    auto second = make_slot("slot2", "B765432");
    link_ = std::make_unique<camera::Gat947CameraLink>(
        std::vector<camera::Gat947Slot>{slot_config(1, slot_dir_), slot_config(2, second)});
    auto a = link_->open(1);
    auto b = link_->open(2);
    ASSERT_TRUE(a.ok() && b.ok());
    // Each call re-selects its own device in the shared library.
    for (int round = 0; round < 2; ++round) {
        auto ia = (*a)->identify();
        auto ib = (*b)->identify();
        ASSERT_TRUE(ia.ok() && ib.ok());
        EXPECT_EQ(ia->serial, kSerial);
        EXPECT_EQ(ib->serial, "B765432");
    }
}

// The simulator's list/delete extensions, called directly (the adapter walks the
// mounted volume instead, as it must for real cameras).
TEST_F(CameraLink947, SimulatorListAndDeleteExtensions) {
    void* h = dlopen(GAT947_SIM_PATH, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(h, nullptr) << dlerror();
    auto init = reinterpret_cast<decltype(&::Init_Device)>(dlsym(h, "Init_Device"));
    auto list = reinterpret_cast<decltype(&::ListRecordings)>(dlsym(h, "ListRecordings"));
    auto del = reinterpret_cast<decltype(&::DeleteRecording)>(dlsym(h, "DeleteRecording"));
    ASSERT_TRUE(init && list && del);
    int iret = -1;
    std::string code = std::string(kIdCode) + "@" + slot_dir_.string();
    ASSERT_NE(init(code.c_str(), &iret), nullptr);
    int needed = 0;
    EXPECT_EQ(list(nullptr, 0, &needed, kPassword, &iret), GAT947_SIM_BC_FAILED);
    std::string buf(static_cast<std::size_t>(needed), '\0');
    ASSERT_EQ(list(buf.data(), needed, &needed, kPassword, &iret), GAT947_SIM_BC_SUCCESS);
    EXPECT_NE(buf.find("DCIM/100MEDIA/VID0001.MP4\t"), std::string::npos);
    EXPECT_EQ(del("../state.ini", kPassword, &iret), GAT947_SIM_BC_FAILED);
    EXPECT_EQ(iret, GAT947_SIM_ERR_ARGUMENT);
    EXPECT_EQ(del("AUDIO/AUD0001.WAV", "000000", &iret), GAT947_SIM_BC_FAILED);
    EXPECT_EQ(iret, GAT947_SIM_ERR_PASSWORD);
    EXPECT_EQ(del("AUDIO/AUD0001.WAV", kPassword, &iret), GAT947_SIM_BC_SUCCESS);
    EXPECT_FALSE(fs::exists(volume() / "AUDIO/AUD0001.WAV"));
    dlclose(h);
}

}  // namespace
}  // namespace custody::test
