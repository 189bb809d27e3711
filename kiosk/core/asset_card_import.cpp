#include "kiosk/core/asset_card_import.h"

#include <charconv>

#include "kiosk/core/refusal.h"

namespace custody {

const std::vector<ImportColumn>& asset_card_columns() {
    static const std::vector<ImportColumn> columns = {
        {"asset_number", "资产编号", true},        {"device_serial", "设备序列号", true},
        {"category", "资产分类", true},            {"purchase_date", "购置日期", true},
        {"in_service_date", "投入使用日期", true}, {"original_value", "原值（元）", true},
        {"funding_source", "资金来源", true},      {"supplier", "供应商", true},
        {"invoice_number", "发票号", true},        {"warranty_end", "保修截止日期", false},
        {"useful_life_months", "使用年限（月）", false}, {"method", "折旧方法", false},
        {"total_workload_hours", "总工作量（小时）", false}, {"location", "存放地点", false},
    };
    return columns;
}

std::optional<CivilDate> parse_sheet_date(const std::string& text) {
    int parts[3] = {0, 0, 0};
    const char* p = text.data();
    const char* end = p + text.size();
    for (int i = 0; i < 3; ++i) {
        auto [next, ec] = std::from_chars(p, end, parts[i]);
        if (ec != std::errc() || next == p) return std::nullopt;
        p = next;
        if (i < 2) {
            if (p == end || (*p != '-' && *p != '/' && *p != '.')) return std::nullopt;
            ++p;
        }
    }
    if (p != end || parts[0] < 1900 || parts[0] > 9999 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
        parts[2] > days_in_month(parts[0], parts[1]))
        return std::nullopt;
    return CivilDate{parts[0], parts[1], parts[2]};
}

namespace {

Result<CivilDate> date_field(const RowView& r, const char* col) {
    std::string v = r.get(col);
    auto d = parse_sheet_date(v);
    if (!d) return fail(Error(MessageId::AssetDateMalformed, {col, v}));
    return *d;
}

std::optional<std::int64_t> whole_number(const std::string& v) {
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size() || n < 0) return std::nullopt;
    return n;
}

class CardReader {
public:
    CardReader(StoreTx& tx, Timestamp now, std::string actor, std::vector<AssetCategory> categories)
        : tx_(tx), now_(now), actor_(std::move(actor)), categories_(std::move(categories)) {}

    Result<AssetCard> card(const RowView& r, int line) {
        AssetCard a;
        a.asset_number = r.get("asset_number");
        CUSTODY_TRY(numbers_.add(a.asset_number, line));
        a.device_serial = r.get("device_serial");
        CUSTODY_TRY(serials_.add(a.device_serial, line));
        auto device = tx_.device_by_serial(a.device_serial);
        if (!device) return fail(device.error());
        if (!*device) return fail(Error(MessageId::DeviceUnknown, {a.device_serial}));
        a.device_id = (*device)->id;
        auto held = tx_.finance().asset_card_of_device(a.device_id);
        if (!held) return fail(held.error());
        if (*held) return fail(Error(MessageId::AssetCardExists, {a.device_serial, (*held)->asset_number}));
        auto taken = tx_.finance().asset_card_by_number(a.asset_number);
        if (!taken) return fail(taken.error());
        if (*taken) return fail(Error(MessageId::CsvAlreadyExists, {a.asset_number}));

        auto category = category_named(r.get("category"));
        if (!category) return fail(category.error());
        a.category_code = category->code;
        auto bought = date_field(r, "purchase_date");
        if (!bought) return fail(bought.error());
        a.purchase_date = *bought;
        auto in_service = date_field(r, "in_service_date");
        if (!in_service) return fail(in_service.error());
        a.in_service_date = *in_service;
        if (a.in_service_date < a.purchase_date)
            return fail(Error(MessageId::AssetInServiceBeforePurchase,
                              {date_text(a.in_service_date), date_text(a.purchase_date)}));
        auto value = parse_yuan(r.get("original_value"));
        if (!value) return fail(value.error());
        if (*value <= 0) return fail(Error(MessageId::AssetValueZero));
        a.original_value = *value;
        a.funding_source = r.get("funding_source");
        a.supplier = r.get("supplier");
        a.invoice_number = r.get("invoice_number");
        if (!r.get("warranty_end").empty()) {
            auto w = date_field(r, "warranty_end");
            if (!w) return fail(w.error());
            a.warranty_end = *w;
        }
        CUSTODY_TRY(read_life(r, *category, a));
        CUSTODY_TRY(read_method(r, a));
        a.location = r.get("location");
        a.registered_at = now_;
        a.registered_by = actor_;
        return a;
    }

private:
    Result<AssetCategory> category_named(const std::string& v) {
        std::string allowed;
        for (const auto& c : categories_) {
            if (v == c.code || v == c.name) return c;
            allowed += (allowed.empty() ? "" : ", ") + c.code + "/" + c.name;
        }
        return fail(Error(MessageId::AssetCategoryUnknown, {v, allowed}));
    }

    static Status read_life(const RowView& r, const AssetCategory& category, AssetCard& a) {
        std::string v = r.get("useful_life_months");
        if (v.empty()) {
            a.useful_life_months = category.life_months;
            return {};
        }
        auto life = whole_number(v);
        if (!life || *life <= 0 || *life > 1200) return fail(Error(MessageId::AssetLifeMalformed, {v}));
        const std::int64_t n = *life;
        if (n < category.min_life_months)
            return fail(Error(MessageId::AssetLifeBelowFloor,
                              {std::to_string(n), category.name, std::to_string(category.min_life_months)}));
        a.useful_life_months = static_cast<int>(n);
        return {};
    }

    static Status read_method(const RowView& r, AssetCard& a) {
        if (std::string m = r.get("method"); !m.empty()) {
            auto method = parse_enum(kDepreciationMethods, "method", m);
            if (!method) return fail(method.error());
            a.method = *method;
        }
        std::string hours = r.get("total_workload_hours");
        if (!hours.empty()) {
            auto n = whole_number(hours);
            if (!n) return fail(Error(MessageId::CsvBadValue, {"total_workload_hours", hours, "0, 1, 2 ..."}));
            a.total_workload_hours = *n;
        }
        if (a.method == DepreciationMethod::Workload && a.total_workload_hours <= 0)
            return fail(Error(MessageId::AssetWorkloadHoursMissing));
        return {};
    }

    StoreTx& tx_;
    Timestamp now_;
    std::string actor_;
    std::vector<AssetCategory> categories_;
    SeenInFile numbers_;
    SeenInFile serials_;
};

}  // namespace

Result<AssetImportReport> AssetCardImport::run(const std::vector<CsvRow>& rows, const std::string& source) {
    auto reject = [&](int line, Error cause) -> Result<AssetImportReport> {
        Error e = Error(MessageId::ImportRejected, {source, std::to_string(line)}).with_cause(std::move(cause));
        return fail(refuse(store_, std::move(e), actor_, "asset_import_rejected", source));
    };
    if (rows.empty()) return reject(1, Error(MessageId::CsvEmptyFile));
    const auto& cols = asset_card_columns();
    const CsvRow& header = rows.front();
    auto index = index_columns(header, cols);
    if (!index) return reject(header.line, index.error());

    auto begun = store_.begin();
    if (!begun) return fail(begun.error());
    std::unique_ptr<StoreTx> tx = std::move(*begun);
    auto categories = tx->finance().asset_categories();
    if (!categories) return fail(categories.error());
    CardReader reader(*tx, clock_.now(), actor_, std::move(*categories));
    AssetImportReport report;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
        auto refused = [&](Error e) {
            tx.reset();  // nothing half-written: the rejection is audited on its own
            return reject(row.line, std::move(e));
        };
        if (row.fields.size() > header.fields.size())
            return refused(Error(MessageId::CsvColumnCount,
                                 {std::to_string(header.fields.size()), std::to_string(row.fields.size())}));
        if (auto s = require_fields(row, *index, cols); !s) return refused(s.error());
        RowView view(row, *index);
        auto card = reader.card(view, row.line);
        if (!card) {
            if (card.error().id == MessageId::StorageFailure || card.error().id == MessageId::StorageBusy)
                return fail(card.error());
            return refused(card.error());
        }
        auto id = tx->finance().add_asset_card(
            *card, {actor_, "asset_registered", card->asset_number,
                    "source=" + source + "; device=" + card->device_serial + "; original=" +
                        yuan_text(card->original_value) + "; category=" + card->category_code +
                        "; life_months=" + std::to_string(card->useful_life_months)});
        if (!id) return fail(id.error());
        ++report.cards;
    }
    CUSTODY_TRY(tx->commit());
    return report;
}

}  // namespace custody
