#include "kiosk/cli/demo_paperwork.h"

#include "kiosk/archive/iso_image.h"
#include "kiosk/core/evidence_package.h"
#include "kiosk/core/footage_retention.h"
#include "kiosk/core/inventory_reconciliation.h"

namespace custody::cli {

namespace {
// The newest finished offload with at least two recordings still in the archive.
Result<std::vector<Recording>> recent_footage(CustodyStore& store) {
    auto tx = store.begin();
    if (!tx) return fail(tx.error());
    auto jobs = (*tx)->recent_jobs(100);
    if (!jobs) return fail(jobs.error());
    for (const auto& j : *jobs) {
        if (j.state != OffloadJobState::Complete) continue;
        auto recs = (*tx)->recordings_of_job(j.id);
        if (!recs) return fail(recs.error());
        if (recs->size() >= 2) return std::vector<Recording>(recs->begin(), recs->begin() + 2);
    }
    return std::vector<Recording>();
}

const DemoOfficer* first_with_role(const DemoAgency& agency, const std::string& role) {
    for (const auto& o : agency.officers)
        if (o.role == role && o.active) return &o;
    return nullptr;
}
}  // namespace

Result<DemoPaperwork> run_demo_paperwork(CustodyStore& store, const Clock& clock, FootageArchive& archive,
                                         const DemoAgency& agency, const std::string& evidence_dir) {
    DemoPaperwork done;
    auto footage = recent_footage(store);
    if (!footage) return fail(footage.error());
    const DemoOfficer* keeper = first_with_role(agency, "keeper");
    const DemoOfficer* head = first_with_role(agency, "unit_head");
    if (!footage->empty() && keeper != nullptr && head != nullptr) {
        FootageRetention retention(store, clock, archive);
        for (const auto& r : *footage) {
            auto held = retention.classify_evidence(r.id, kDemoCaseNumber, "demo");
            if (!held) return fail(held.error());
        }
        archive::XorrisoEvidenceMedia media;
        EvidencePackager packager(store, clock, archive, media);
        EvidenceExportRequest req;
        req.case_number = kDemoCaseNumber;
        req.maker = keeper->name;
        req.extractor = head->name;
        req.out_dir = evidence_dir;
        req.actor = "demo";
        auto pkg = packager.export_case(req);
        if (!pkg) return fail(pkg.error());
        for (int copy = 1; copy <= 2; ++copy) {
            auto c = packager.record_copy({pkg->record.id, kDemoCaseNumber, std::nullopt, "demo"});
            if (!c) return fail(c.error());
        }
        done.case_number = kDemoCaseNumber;
        done.evidence_files = static_cast<int>(pkg->files.size());
        done.export_id = pkg->record.id;
    }
    InventoryReconciliation inventory(store, clock);
    auto readings = inventory.ledger_readings();
    if (!readings) return fail(readings.error());
    auto saved = inventory.save(*readings, keeper != nullptr ? keeper->name : "demo", CabinetSource::Ledger);
    if (!saved) return fail(saved.error());
    done.reconciliation_id = saved->id;
    return done;
}

}  // namespace custody::cli
