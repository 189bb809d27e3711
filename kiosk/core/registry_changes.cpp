#include "kiosk/core/registry_changes.h"

#include "kiosk/core/agency_time.h"
#include "kiosk/core/refusal.h"

namespace custody {

Status revoke_badge(CustodyStore& store, const Clock& clock, const std::string& uid, const std::string& reason,
                    const std::string& actor) {
    auto begun = store.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto b = tx->badge(uid);
    if (!b) return fail(b.error());
    if (!*b || (*b)->revoked()) {
        Error e = !*b ? Error(MessageId::BadgeUnknown, {uid})
                      : Error(MessageId::BadgeRevoked, {uid, format_local(*(*b)->revoked_at)});
        tx.reset();
        return fail(refuse(store, std::move(e), actor, "revoke_badge_refused", uid));
    }
    CUSTODY_TRY(tx->revoke_badge(uid, clock.now(), reason, {actor, "revoke_badge", uid, "reason=" + reason}));
    return tx->commit();
}

Status set_officer_active(CustodyStore& store, const std::string& number, bool active, const std::string& actor) {
    auto begun = store.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto o = tx->officer_by_number(number);
    if (!o) return fail(o.error());
    if (!*o) {
        tx.reset();
        return fail(refuse(store, Error(MessageId::OfficerUnknown, {number}), actor, "officer_state_refused", number));
    }
    CUSTODY_TRY(tx->set_officer_active((*o)->id, active,
                                       {actor, active ? "officer_activate" : "officer_deactivate", number, ""}));
    return tx->commit();
}

Result<AgencyProfile> change_profile(CustodyStore& store, const std::string& key, const std::string& value,
                                     const std::string& actor) {
    auto begun = store.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto p = tx->profile();
    if (!p) return fail(p.error());
    AgencyProfile profile = *p;
    std::string before = to_settings(profile)[key];
    if (auto s = apply_setting(profile, key, value); !s) {
        tx.reset();
        return fail(refuse(store, s.error(), actor, "profile_change_refused", key));
    }
    CUSTODY_TRY(tx->save_profile(profile, {actor, "profile_change", key, "from=" + before + "; to=" + value}));
    CUSTODY_TRY(tx->commit());
    return profile;
}

}  // namespace custody
