#pragma once
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// R1
enum class DeviceKind { BodyCamera, Camera, VideoCamera, AudioRecorder, HandheldTerminal, Collector };

inline constexpr NamedCode<DeviceKind> kDeviceKinds[] = {
    {DeviceKind::BodyCamera, "body_camera", "执法记录仪", "body-worn camera"},
    {DeviceKind::Camera, "camera", "照相机", "camera"},
    {DeviceKind::VideoCamera, "video_camera", "摄像机", "video camera"},
    {DeviceKind::AudioRecorder, "audio_recorder", "录音笔", "audio recorder"},
    {DeviceKind::HandheldTerminal, "handheld_terminal", "手持执法终端", "handheld terminal"},
    {DeviceKind::Collector, "collector", "采集器", "collector / storage"},
};

// InService: in the cabinet, offloaded, available subject to the pre-use check.
// Docked: returned, footage not yet offloaded (R14, R15).
enum class DeviceStatus { InService, Out, Docked, Quarantined, InRepair, Lost, Disposed };

inline constexpr NamedCode<DeviceStatus> kDeviceStatuses[] = {
    {DeviceStatus::InService, "in_service", "在柜可用", "in service"},
    {DeviceStatus::Out, "out", "已领出", "out"},
    {DeviceStatus::Docked, "docked", "已归还待导出", "docked, pending offload"},
    {DeviceStatus::Quarantined, "quarantined", "故障隔离", "quarantined"},
    {DeviceStatus::InRepair, "in_repair", "维修中", "in repair"},
    {DeviceStatus::Lost, "lost", "丢失", "lost"},
    {DeviceStatus::Disposed, "disposed", "已报废", "disposed"},
};

struct Device {
    Id id = 0;
    std::string serial;
    DeviceKind kind = DeviceKind::BodyCamera;
    std::string brand;
    std::string model;
    std::string firmware;
    Id unit_id = 0;
    std::optional<Id> keeper_id;  // R4: the named keeper
    DeviceStatus status = DeviceStatus::InService;
    std::optional<int> slot;                // the cabinet slot it sits in, if any
    std::optional<Id> open_checkout_id;     // the custody entry while it is out
    std::optional<Timestamp> last_issued_at;
};

}  // namespace custody
