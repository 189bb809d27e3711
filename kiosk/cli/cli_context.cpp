#include "kiosk/cli/cli_context.h"

#include <cstdlib>

#include "kiosk/core/agency_time.h"

namespace custody::cli {

Result<std::unique_ptr<db::SqliteStore>> CliContext::open_store() const {
    auto store = db::SqliteStore::open(paths, clock);
    if (!store) return store;
    auto tx = (*store)->begin();
    if (!tx) return fail(tx.error());
    auto profile = (*tx)->profile();
    if (!profile) return fail(profile.error());
    CUSTODY_TRY(apply_time_zone(profile->time_zone));
    return store;
}

int exit_code_for(MessageId id) {
    switch (id) {
        case MessageId::UsageError:
        case MessageId::ProfileUnknownKey:
        case MessageId::ReportUnknownKind:
            return kExitUsage;
        case MessageId::AuditBroken:
        case MessageId::AuditTruncated:
        case MessageId::AuditAnchorMissing:
        case MessageId::AuditRecordUnlogged:
        case MessageId::ArchiveHashMismatch:
        case MessageId::ArchiveFileMissing:
        case MessageId::ManifestMismatch:
        // Footage to be cleared or exported that no longer matches its record.
        case MessageId::PurgeCopyNotIntact:
        case MessageId::EvidenceSourceNotIntact:
        // A backup file that no longer matches its MANIFEST.
        case MessageId::BackupFileDamaged:
            return kExitTampered;
        case MessageId::StorageFailure:
        case MessageId::StorageBusy:
        case MessageId::DatabaseMissing:
        case MessageId::DatabaseNotInitialised:
        case MessageId::SchemaTooNew:
        case MessageId::MigrationFailed:
        case MessageId::KeyMissing:
        case MessageId::KeyInvalid:
        case MessageId::KeyExists:
        case MessageId::FileUnreadable:
        case MessageId::StoreOwnerNotTaken:
        case MessageId::FileUnwritable:
        case MessageId::CryptoUnavailable:
        case MessageId::TimeZoneUnknown:
        // The hardware is part of the environment: a reader, board or camera that cannot
        // be reached, or a kiosk.conf that does not say how.
        case MessageId::ReaderOffline:
        case MessageId::ReaderDeviceUnavailable:
        case MessageId::ReaderNoPermission:
        case MessageId::ReaderGrabFailed:
        case MessageId::ReaderDisconnected:
        case MessageId::CabinetOffline:
        case MessageId::CabinetBadReply:
        case MessageId::CameraLibraryMissing:
        case MessageId::CameraNotFound:
        // The footage archive and an offload that stopped (its cause says why).
        case MessageId::ArchiveFull:
        case MessageId::ArchiveUnavailable:
        case MessageId::ArchiveWriteError:
        case MessageId::OffloadFailed:
        case MessageId::CameraUnplugged:
        case MessageId::ConfigBadLine:
        case MessageId::ConfigBadValue:
        case MessageId::ConfigMissing:
        // The disk or xorriso failed a purge or an evidence package half-way.
        case MessageId::PurgeFileNotRemoved:
        case MessageId::PurgeManifestNotUpdated:
        case MessageId::EvidenceCopyMismatch:
        case MessageId::IsoImageFailed:
        // A report that could not be made or printed: the font, the disk or the printer.
        case MessageId::ReportFontMissing:
        case MessageId::ReportFontUnusable:
        case MessageId::ReportPdfFailed:
        case MessageId::ReportWriteFailed:
        case MessageId::PrintServerDown:
        case MessageId::PrintNoQueue:
        case MessageId::PrintQueueStopped:
        case MessageId::PrintQueueRefusing:
        case MessageId::PrintJobAborted:
        case MessageId::PrintJobCanceled:
        case MessageId::PrintJobTimedOut:
        case MessageId::PrintFailed:
        // The backup disk: not there, not writable, or full.
        case MessageId::BackupTargetMissing:
        case MessageId::BackupTargetUnwritable:
        case MessageId::BackupNoSpace:
            return kExitEnvironment;
        default:
            return kExitRefused;
    }
}

int CliContext::report(const Error& e) const {
    int code = exit_code_for(e.id);
    err << render(e, lang) << '\n';
    if (code == kExitEnvironment && !e.detail.empty()) err << "  (" << e.detail << ")\n";
    return code;
}

}  // namespace custody::cli
