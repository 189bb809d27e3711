#include "kiosk/core/registry_import.h"

#include <charconv>
#include <map>
#include <span>

#include "kiosk/core/csv.h"
#include "kiosk/core/import_table.h"
#include "kiosk/core/refusal.h"

namespace custody {

namespace {

std::vector<ImportColumn> columns_of(RegistryKind k) {
    switch (k) {
        case RegistryKind::Units:
            return {{"code", "单位代码", true}, {"name", "单位名称", true}, {"allocation_class", "配备类别", true}};
        case RegistryKind::Officers:
            return {{"number", "警号", true},   {"name", "姓名", true},    {"unit_code", "单位代码", true},
                    {"role", "角色", false},    {"active", "在岗", false}};
        case RegistryKind::Devices:
            return {{"serial", "序列号", true},     {"kind", "类型", true},
                    {"brand", "品牌", true},        {"model", "型号", true},
                    {"firmware", "固件版本", false}, {"unit_code", "单位代码", true},
                    {"keeper_number", "保管人警号", false}, {"slot", "柜位", false}};
        case RegistryKind::Badges:
            return {{"uid", "卡号", true}, {"officer_number", "警号", true}};
    }
    return {};
}

Result<bool> parse_active(const std::string& v) {
    if (v.empty() || v == "1" || v == "yes" || v == "true" || v == "是" || v == "在岗") return true;
    if (v == "0" || v == "no" || v == "false" || v == "否" || v == "停用") return false;
    return fail(Error(MessageId::CsvBadValue, {"active", v, "1/0, 是/否"}));
}

class RowImporter {
public:
    RowImporter(StoreTx& tx, Timestamp now, std::string actor, const std::string& source)
        : tx_(tx), now_(now), actor_(std::move(actor)), source_(source) {}

    Status row(RegistryKind k, const RowView& r, int line) {
        switch (k) {
            case RegistryKind::Units: return unit(r, line);
            case RegistryKind::Officers: return officer(r, line);
            case RegistryKind::Devices: return device(r, line);
            case RegistryKind::Badges: return badge(r, line);
        }
        return {};
    }

private:
    AuditNote note(const char* action, const std::string& subject, const std::string& detail) const {
        return {actor_, action, subject, "source=" + source_ + "; " + detail};
    }

    Result<Unit> unit_named(const std::string& code) {
        auto u = tx_.unit_by_code(code);
        if (!u) return fail(u.error());
        if (!*u) return fail(Error(MessageId::CsvUnknownUnit, {code}));
        return **u;
    }

    Status unit(const RowView& r, int line) {
        Unit u{0, r.get("code"), r.get("name"), AllocationClass::B};
        CUSTODY_TRY(seen_.add(u.code, line));
        auto cls = parse_enum(kAllocationClasses, "allocation_class", r.get("allocation_class"));
        if (!cls) return fail(cls.error());
        u.allocation = *cls;
        auto existing = tx_.unit_by_code(u.code);
        if (!existing) return fail(existing.error());
        if (*existing) return fail(Error(MessageId::CsvAlreadyExists, {u.code}));
        auto id = tx_.add_unit(u, note("register_unit", u.code, "name=" + u.name));
        if (!id) return fail(id.error());
        return {};
    }

    Status officer(const RowView& r, int line) {
        Officer o;
        o.number = r.get("number");
        o.name = r.get("name");
        CUSTODY_TRY(seen_.add(o.number, line));
        auto u = unit_named(r.get("unit_code"));
        if (!u) return fail(u.error());
        o.unit_id = u->id;
        std::string role = r.get("role");
        if (!role.empty()) {
            auto rl = parse_enum(kRoles, "role", role);
            if (!rl) return fail(rl.error());
            o.role = *rl;
        }
        auto active = parse_active(r.get("active"));
        if (!active) return fail(active.error());
        o.active = *active;
        auto existing = tx_.officer_by_number(o.number);
        if (!existing) return fail(existing.error());
        if (*existing) return fail(Error(MessageId::CsvAlreadyExists, {o.number}));
        auto id = tx_.add_officer(o, note("register_officer", o.number, "unit=" + u->code));
        if (!id) return fail(id.error());
        return {};
    }

    Status device(const RowView& r, int line) {
        Device d;
        d.serial = r.get("serial");
        CUSTODY_TRY(seen_.add(d.serial, line));
        auto kind = parse_enum(kDeviceKinds, "kind", r.get("kind"));
        if (!kind) return fail(kind.error());
        d.kind = *kind;
        d.brand = r.get("brand");
        d.model = r.get("model");
        d.firmware = r.get("firmware");
        auto u = unit_named(r.get("unit_code"));
        if (!u) return fail(u.error());
        d.unit_id = u->id;
        if (std::string keeper = r.get("keeper_number"); !keeper.empty()) {
            auto k = tx_.officer_by_number(keeper);
            if (!k) return fail(k.error());
            if (!*k) return fail(Error(MessageId::CsvUnknownOfficer, {keeper}));
            d.keeper_id = (*k)->id;
        }
        if (std::string slot = r.get("slot"); !slot.empty()) {
            int n = 0;
            auto [p, ec] = std::from_chars(slot.data(), slot.data() + slot.size(), n);
            if (ec != std::errc() || p != slot.data() + slot.size())
                return fail(Error(MessageId::CsvBadValue, {"slot", slot, "1, 2, 3 ..."}));
            auto exists = tx_.slot_exists(n);
            if (!exists) return fail(exists.error());
            if (!*exists) return fail(Error(MessageId::SlotUnknown, {slot}));
            auto occupant = tx_.device_in_slot(n);
            if (!occupant) return fail(occupant.error());
            if (*occupant) return fail(Error(MessageId::SlotOccupied, {slot, (*occupant)->serial}));
            d.slot = n;
        }
        // A new device has never been used and has nothing to offload.
        d.status = DeviceStatus::InService;
        auto existing = tx_.device_by_serial(d.serial);
        if (!existing) return fail(existing.error());
        if (*existing) return fail(Error(MessageId::CsvAlreadyExists, {d.serial}));
        auto id = tx_.add_device(d, note("register_device", d.serial, "unit=" + u->code));
        if (!id) return fail(id.error());
        return {};
    }

    Status badge(const RowView& r, int line) {
        Badge b;
        b.uid = normalise_badge_uid(r.get("uid"));
        if (b.uid.empty()) return fail(Error(MessageId::CsvBadValue, {"uid", r.get("uid"), "04A23B11 ..."}));
        CUSTODY_TRY(seen_.add(b.uid, line));
        std::string number = r.get("officer_number");
        auto o = tx_.officer_by_number(number);
        if (!o) return fail(o.error());
        if (!*o) return fail(Error(MessageId::CsvUnknownOfficer, {number}));
        b.officer_id = (*o)->id;
        b.issued_at = now_;
        auto existing = tx_.badge(b.uid);
        if (!existing) return fail(existing.error());
        if (*existing) return fail(Error(MessageId::CsvAlreadyExists, {b.uid}));
        return tx_.add_badge(b, note("register_badge", b.uid, "officer=" + number));
    }

    StoreTx& tx_;
    Timestamp now_;
    std::string actor_;
    const std::string& source_;
    SeenInFile seen_;
};

}  // namespace

std::vector<std::string> registry_columns(RegistryKind kind) {
    std::vector<std::string> out;
    for (const auto& c : columns_of(kind)) out.emplace_back(c.name);
    return out;
}

Result<ImportReport> RegistryImport::run(RegistryKind kind, std::string_view text, const std::string& source) {
    auto reject = [&](int line, Error cause) -> Result<ImportReport> {
        Error e = Error(MessageId::ImportRejected, {source, std::to_string(line)}).with_cause(std::move(cause));
        return fail(refuse(store_, std::move(e), actor_, "import_rejected", source));
    };
    auto rows = parse_csv(text, source);
    if (!rows) {
        const Error& e = rows.error();
        return fail(refuse(store_, e, actor_, "import_rejected", source));
    }
    if (rows->empty()) return reject(1, Error(MessageId::CsvEmptyFile));

    const auto cols = columns_of(kind);
    const CsvRow& header = rows->front();
    auto index = index_columns(header, cols);
    if (!index) return reject(header.line, index.error());
    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    RowImporter importer(*tx, clock_.now(), actor_, source);
    ImportReport report;
    for (std::size_t i = 1; i < rows->size(); ++i) {
        const CsvRow& row = (*rows)[i];
        if (row.fields.size() != header.fields.size()) {
            tx.reset();
            return reject(row.line, Error(MessageId::CsvColumnCount, {std::to_string(header.fields.size()),
                                                                     std::to_string(row.fields.size())}));
        }
        if (auto s = require_fields(row, *index, cols); !s) {
            tx.reset();
            return reject(row.line, s.error());
        }
        RowView view(row, *index);
        if (auto s = importer.row(kind, view, row.line); !s) {
            const Error& e = s.error();
            if (e.id == MessageId::StorageFailure || e.id == MessageId::StorageBusy) return fail(e);
            tx.reset();
            return reject(row.line, e);
        }
        ++report.records;
    }
    CUSTODY_TRY(tx->commit());
    return report;
}

}  // namespace custody
