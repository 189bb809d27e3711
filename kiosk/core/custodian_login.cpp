#include "kiosk/core/custodian_login.h"

#include <algorithm>

#include "kiosk/core/agency_time.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {
constexpr const char* kRefused = "custodian_login_refused";

// A lockout that has run out no longer counts, nor do the wrong PINs that led to it.
int live_failures(const PinState& s, Timestamp now) {
    if (s.locked_until && *s.locked_until <= now) return 0;
    return s.failed_attempts;
}
}  // namespace

bool may_open_custodian_mode(Role role) {
    return role == Role::Keeper || role == Role::UnitHead || role == Role::Supervisor || role == Role::Admin ||
           role == Role::Finance;
}

bool plausible_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<Officer> CustodianLogin::check_badge_in(std::unique_ptr<StoreTx>& tx, const std::string& badge_uid,
                                               std::optional<PinState>& pin_state) {
    const Timestamp now = clock_.now();
    auto refused = [&](Error e, const std::string& actor) -> Result<Officer> {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, kRefused, badge_uid));
    };
    auto badge = tx->badge(badge_uid);
    if (!badge) return fail(badge.error());
    if (!*badge) return refused(Error(MessageId::CustodianBadgeUnknown, {badge_uid}), "badge:" + badge_uid);
    if ((*badge)->revoked())
        return refused(Error(MessageId::CustodianBadgeRevoked, {badge_uid, format_local(*(*badge)->revoked_at)}),
                       "badge:" + badge_uid);
    auto officer = tx->officer((*badge)->officer_id);
    if (!officer) return fail(officer.error());
    if (!*officer) throw std::logic_error("badge without officer despite the foreign key");
    const Officer& o = **officer;
    if (!o.active) return refused(Error(MessageId::CustodianInactive, {o.name, o.number}), o.number);
    if (!may_open_custodian_mode(o.role))
        return refused(Error(MessageId::CustodianRoleRefused, {o.name, o.number, std::string(named(kRoles, o.role).zh)}),
                       o.number);
    auto state = tx->pin_state(o.id);
    if (!state) return fail(state.error());
    if (!*state) return refused(Error(MessageId::CustodianPinNotSet, {o.name, o.number}), o.number);
    if ((*state)->locked_until && *(*state)->locked_until > now)
        return refused(Error(MessageId::CustodianLockedOut, {o.name, o.number, format_local(*(*state)->locked_until)}),
                       o.number);
    pin_state = *state;
    return o;
}

Result<Officer> CustodianLogin::check_badge(const std::string& badge_uid) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    std::optional<PinState> state;
    return check_badge_in(tx, badge_uid, state);
}

Result<CustodianSession> CustodianLogin::login(const std::string& badge_uid, const std::string& pin) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    std::optional<PinState> state;
    auto officer = check_badge_in(tx, badge_uid, state);
    if (!officer) return fail(officer.error());
    const Officer& o = *officer;
    const Timestamp now = clock_.now();
    auto profile = tx->profile();
    if (!profile) return fail(profile.error());
    auto matches = tx->pin_matches(o.id, pin);
    if (!matches) return fail(matches.error());
    if (*matches) {
        if (state->failed_attempts != 0 || state->locked_until)
            CUSTODY_TRY(tx->record_pin_attempts(o.id, 0, std::nullopt,
                                                {o.number, "custodian_login", badge_uid, "failed_attempts_cleared=1"}));
        else
            CUSTODY_TRY(tx->audit({o.number, "custodian_login", badge_uid, ""}));
        CUSTODY_TRY(tx->commit());
        return CustodianSession{o, now};
    }
    // The wrong PIN and its count commit together: a refusal that rolled the count back
    // would let anyone guess forever.
    const int failures = live_failures(*state, now) + 1;
    const auto limit = profile->pin_attempts;
    std::optional<Timestamp> locked_until;
    Error e;
    if (failures >= limit) {
        locked_until = Timestamp{now.ms + profile->pin_lockout_minutes * 60 * kMsPerSecond};
        e = Error(MessageId::CustodianPinWrongLocked,
                  {std::to_string(failures), std::to_string(profile->pin_lockout_minutes)});
    } else {
        e = Error(MessageId::CustodianPinWrong, {std::to_string(limit - failures)});
    }
    std::string detail = "reason=" + std::string(message_text(e.id).key) + "; failed_attempts=" + std::to_string(failures);
    if (locked_until) detail += "; locked_until_ms=" + std::to_string(locked_until->ms);
    CUSTODY_TRY(tx->record_pin_attempts(o.id, failures, locked_until, {o.number, kRefused, badge_uid, detail}));
    CUSTODY_TRY(tx->commit());
    return fail(std::move(e));
}

Status CustodianLogin::set_pin(const std::string& officer_number, const std::string& pin, const std::string& actor) {
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto refused = [&](Error e) -> Status {
        tx.reset();
        return fail(refuse(store_, std::move(e), actor, "custodian_pin_refused", officer_number));
    };
    auto officer = tx->officer_by_number(officer_number);
    if (!officer) return fail(officer.error());
    if (!*officer) return refused(Error(MessageId::OfficerUnknown, {officer_number}));
    const Officer& o = **officer;
    if (!may_open_custodian_mode(o.role))
        return refused(Error(MessageId::CustodianRoleRefused, {o.name, o.number, std::string(named(kRoles, o.role).zh)}));
    if (!plausible_pin(pin)) return refused(Error(MessageId::CustodianPinMalformed));
    auto before = tx->pin_state(o.id);
    if (!before) return fail(before.error());
    CUSTODY_TRY(tx->set_pin(o.id, pin, clock_.now(), actor,
                            {actor, "custodian_pin_set", o.number, *before ? "replaced=1" : "replaced=0"}));
    return tx->commit();
}

}  // namespace custody
