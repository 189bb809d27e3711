#pragma once
// One file offloaded from a camera: where it came from, where the archive keeps it, its
// SHA-256, what the file itself says it holds, and how long it must be kept (R12, R15,
// R18–R21). Its state only moves forward; the database refuses anything else.

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/clock.h"
#include "kiosk/core/ids.h"
#include "kiosk/core/named_code.h"

namespace custody {

// Pending: listed on the camera. Copying: a copy may be lying half-written in the
// archive. Verified: the archive copy is on disk and read back with the same hash.
// Committed: listed in the job's SHA256SUMS and indexed. Wiped: gone from the camera.
enum class RecordingState { Pending, Copying, Verified, Committed, Wiped };

inline constexpr NamedCode<RecordingState> kRecordingStates[] = {
    {RecordingState::Pending, "pending", "待复制", "pending"},
    {RecordingState::Copying, "copying", "复制中", "copying"},
    {RecordingState::Verified, "verified", "已校验", "verified"},
    {RecordingState::Committed, "committed", "已入库", "committed"},
    {RecordingState::Wiped, "wiped", "已从设备清除", "wiped from camera"},
};

enum class MediaKind { Video, Audio, Photo, Other };

inline constexpr NamedCode<MediaKind> kMediaKinds[] = {
    {MediaKind::Video, "video", "视频", "video"},
    {MediaKind::Audio, "audio", "音频", "audio"},
    {MediaKind::Photo, "photo", "照片", "photo"},
    {MediaKind::Other, "other", "其他", "other"},
};

// What the file says about itself (libavformat, EXIF): the evidence record form (R21)
// needs the format and length, coverage needs the start and the duration.
struct MediaInfo {
    MediaKind kind = MediaKind::Other;
    std::string container;                  // e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav", "jpeg"
    std::string codec;                      // e.g. "h264", "pcm_s16le", "mjpeg"
    std::optional<std::int64_t> duration_ms;  // none for a photo
    std::optional<Timestamp> started_at;    // by the camera's clock, as the file says
    int width = 0;
    int height = 0;
    std::string probe_error;                // why nothing could be read, when that is so
};

// R18 ordinary (kept for the profile's retention period), R19 evidence (kept with its
// case file), R20 long-term (kept, with one of the reasons below).
enum class RetentionClass { Ordinary, Evidence, LongTerm };

inline constexpr NamedCode<RetentionClass> kRetentionClasses[] = {
    {RetentionClass::Ordinary, "ordinary", "一般", "ordinary"},
    {RetentionClass::Evidence, "evidence", "证据", "evidence"},
    {RetentionClass::LongTerm, "long_term", "长期保存", "long-term"},
};

enum class LongTermReason {
    ComplaintLikely, PartyObstructed, ReviewOrLitigation, PublicReport, LargeOrSeizureCase, MajorOrSensitive
};

// R20's list, as 000 §16 and 002 §16 word it.
inline constexpr NamedCode<LongTermReason> kLongTermReasons[] = {
    {LongTermReason::ComplaintLikely, "complaint_likely", "可能引起信访、投诉", "complaint or petition likely"},
    {LongTermReason::PartyObstructed, "party_obstructed", "当事人逃避、拒绝、阻碍、辱骂、殴打执法人员",
     "party evaded, refused, obstructed, insulted or assaulted officers"},
    {LongTermReason::ReviewOrLitigation, "review_or_litigation", "行政复议或诉讼", "administrative review or litigation"},
    {LongTermReason::PublicReport, "public_report", "群众举报", "public report"},
    {LongTermReason::LargeOrSeizureCase, "large_or_seizure_case", "大额、移送或查封扣押案件",
     "large-value, transferred or seizure case"},
    {LongTermReason::MajorOrSensitive, "major_or_sensitive", "其他重大、敏感事项", "other major or sensitive matter"},
};

struct Recording {
    Id id = 0;
    Id job_id = 0;
    Id device_id = 0;
    std::string source_path;   // on the camera's volume, e.g. "DCIM/100MEDIA/VID0001.MP4"
    std::int64_t bytes = 0;
    RecordingState state = RecordingState::Pending;
    std::string sha256;        // lower-case hex, once verified
    std::string archive_path;  // relative to the archive root, once verified
    MediaInfo media;
    // The start by the kiosk's clock: the camera's start minus its offset at docking.
    std::optional<Timestamp> corrected_start;
    RetentionClass retention = RetentionClass::Ordinary;
    std::optional<LongTermReason> long_term_reason;
    std::string case_number;   // R19, when it is evidence
    std::optional<Timestamp> verified_at;
    std::optional<Timestamp> committed_at;
    std::optional<Timestamp> wiped_at;
    std::optional<Timestamp> purged_at;  // R18: deleted from the archive after review
    std::string purged_by;
    std::string purge_reason;
};

constexpr int rank(RecordingState s) { return static_cast<int>(s); }

}  // namespace custody
