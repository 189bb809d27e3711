#include "kiosk/core/asset_disposal.h"

#include "kiosk/core/asset_value.h"

namespace custody {

bool approves_finance(Role r) { return r == Role::UnitHead || r == Role::Finance || r == Role::Admin; }

Error wrong_role(const Officer& who, const std::string& needed_zh, const std::string& needed_en) {
    const auto& role = named(kRoles, who.role);
    return Error(MessageId::ApproverWrongRole,
                 {who.name, std::string(role.zh) + " " + std::string(role.en), needed_zh, needed_en});
}

namespace {

Result<Officer> approver_named(StoreTx& tx, const std::string& number) {
    auto o = tx.officer_by_number(number);
    if (!o) return fail(o.error());
    if (!*o) return fail(Error(MessageId::OfficerUnknown, {number}));
    if (!approves_finance((*o)->role))
        return fail(wrong_role(**o, "单位负责人或财务", "the unit head or finance"));
    return **o;
}

}  // namespace

Result<AssetDisposal> dispose_asset(StoreTx& tx, const DisposalRequest& request, Timestamp now) {
    FinanceRecords& finance = tx.finance();
    auto card = finance.asset_card_by_number(request.asset_number);
    if (!card) return fail(card.error());
    if (!*card) return fail(Error(MessageId::AssetCardUnknown, {request.asset_number}));
    if ((*card)->disposed_on)
        return fail(Error(MessageId::AssetDisposed, {request.asset_number, date_text(*(*card)->disposed_on)}));
    if (request.reason.empty()) return fail(Error(MessageId::ReasonRequired));
    if (request.disposed_on < (*card)->in_service_date)
        return fail(Error(MessageId::AssetDisposalBeforeService,
                          {date_text(request.disposed_on), date_text((*card)->in_service_date)}));
    auto latest = finance.latest_month_close();
    if (!latest) return fail(latest.error());
    const AccountingMonth month = month_of(request.disposed_on);
    if (*latest && month <= (*latest)->month)
        return fail(Error(MessageId::AssetDateInClosedMonth, {date_text(request.disposed_on), month_text(month)}));
    auto approver = approver_named(tx, request.approver_number);
    if (!approver) return fail(approver.error());

    auto device = tx.device_by_serial((*card)->device_serial);
    if (!device) return fail(device.error());
    if (!*device) return fail(Error(MessageId::DeviceUnknown, {(*card)->device_serial}));
    Device d = **device;
    if (d.status == DeviceStatus::Out) return fail(Error(MessageId::AssetDeviceOut, {d.serial}));

    auto profile = tx.profile();
    if (!profile) return fail(profile.error());
    auto value = value_at_end_of(finance, **card, depreciation_profile_of(*profile), month.previous());
    if (!value) return fail(value.error());

    AssetDisposal disposal{0,         (*card)->id, request.disposed_on, request.reason, request.requested_by,
                           approver->id, value->line.net_book_value, now};
    auto id = finance.add_disposal(
        disposal, {request.requested_by, "asset_disposed", request.asset_number,
                   "on=" + date_text(request.disposed_on) + "; approved_by=" + approver->number +
                       "; net_book_value=" + yuan_text(disposal.net_book_value) + "; reason=" + request.reason});
    if (!id) return fail(id.error());
    disposal.id = *id;
    if (d.status != DeviceStatus::Disposed) {
        d.status = DeviceStatus::Disposed;
        d.slot.reset();
        CUSTODY_TRY(tx.update_device_state(
            d, {request.requested_by, "device_disposed", d.serial, "asset=" + request.asset_number}));
    }
    return disposal;
}

}  // namespace custody
