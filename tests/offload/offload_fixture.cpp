#include "tests/offload/offload_fixture.h"

#include <algorithm>
#include <fstream>
#include <random>

#include "kiosk/core/checkout.h"
#include "kiosk/core/custody_return.h"
#include "tests/support/run_command.h"

namespace custody::test {

namespace fs = std::filesystem;

void OffloadFixture::SetUp() {
    DockFixture::SetUp();
    archive_root_ = (archive_dir_.path() / "archive").string();
    auto a = archive::DiskArchive::open(archive_root_);
    if (!a) throw std::runtime_error(log_line(a.error()));
    archive_ = std::move(*a);
    probe_ = std::make_unique<media::FileMediaProbe>("Asia/Shanghai");
    offload_ = std::make_unique<FootageOffload>(store_.store(), store_.clock(), *archive_, *probe_);
}

Id OffloadFixture::shift_on_slot_1(Timestamp out, Timestamp back) {
    store_.clock().set(out);
    store_.make_all_ready();
    auto grant = Checkout(store_.store(), store_.clock()).run({agency::kZhangBadge, std::nullopt, std::string(kCam1)});
    if (!grant) throw std::runtime_error(log_line(grant.error()));
    store_.clock().set(back);
    auto ret = Return(store_.store(), store_.clock()).run({kCam1, 1, "kiosk"});
    if (!ret) throw std::runtime_error(log_line(ret.error()));
    return ret->entry_id;
}

OffloadRequest OffloadFixture::request(int slot, std::optional<Id> return_entry) {
    OffloadRequest r;
    r.slot = slot;
    r.return_entry_id = return_entry;
    r.clock_offset_ms = 0;  // as the docking check measured it
    return r;
}

Result<OffloadOutcome> OffloadFixture::offload(int slot, const OffloadRequest& r, const OffloadProgressFn& progress) {
    auto cam = link_->open(slot);
    if (!cam) return fail(cam.error());
    return offload_->run(**cam, r, progress);
}

std::vector<Recording> OffloadFixture::recordings() {
    std::vector<Recording> all;
    auto tx = store_.store().begin();
    if (!tx) throw std::runtime_error(log_line(tx.error()));
    auto ids = store_.scalar("SELECT coalesce(max(id), 0) FROM recordings");
    for (Id id = 1; id <= ids; ++id) {
        auto r = (*tx)->recording(id);
        if (!r) throw std::runtime_error(log_line(r.error()));
        if (*r) all.push_back(**r);
    }
    return all;
}

std::vector<OffloadJob> OffloadFixture::jobs() {
    auto tx = store_.store().begin();
    if (!tx) throw std::runtime_error(log_line(tx.error()));
    auto j = (*tx)->recent_jobs(1000);
    if (!j) throw std::runtime_error(log_line(j.error()));
    std::reverse(j->begin(), j->end());
    return *j;
}

std::vector<std::string> OffloadFixture::on_camera(int slot) {
    std::vector<std::string> out;
    const fs::path v = camera(slot).volume();
    if (!fs::exists(v)) return out;
    for (const auto& e : fs::recursive_directory_iterator(v))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), v).string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> OffloadFixture::in_archive() {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(archive_root_))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), archive_root_).string());
    std::sort(out.begin(), out.end());
    return out;
}

std::string OffloadFixture::sha256_of(const fs::path& p) {
    auto r = run_command({"sha256sum", p.string()});
    if (r.exit_code != 0) throw std::runtime_error("sha256sum failed: " + r.err);
    return r.out.substr(0, 64);
}

void write_noise(const fs::path& p, std::size_t bytes, unsigned seed) {
    fs::create_directories(p.parent_path());
    std::mt19937 gen(seed);
    std::string data(bytes, '\0');
    for (auto& c : data) c = static_cast<char>(gen() & 0xff);
    std::ofstream(p, std::ios::binary) << data;
}

}  // namespace custody::test
