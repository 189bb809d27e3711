#include "kiosk/xlsx/workbook_index.h"

#include <cstring>
#include <map>
#include <vector>

#include "kiosk/xlsx/part_parser.h"

namespace custody::xlsx {
namespace {

const std::string kWorkbookPart = "xl/workbook.xml";
const std::string kWorkbookRels = "xl/_rels/workbook.xml.rels";

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

struct WorkbookXml : XmlHandler {
    std::vector<std::string> sheet_ids;  // relationship ids, in tab order
    bool date1904 = false;

    void start(std::string_view name, const XmlAttrs& attrs) override {
        if (name == "sheet") {
            const char* id = attrs.find("id");
            if (id == nullptr) return reject("a <sheet> has no r:id");
            sheet_ids.emplace_back(id);
        } else if (name == "workbookPr") {
            const char* v = attrs.find("date1904");
            date1904 = v != nullptr && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
        }
    }
    void end(std::string_view) override {}
};

struct Relationship {
    std::string type;
    std::string target;
};

struct RelationshipsXml : XmlHandler {
    std::map<std::string, Relationship> by_id;

    void start(std::string_view name, const XmlAttrs& attrs) override {
        if (name != "Relationship") return;
        const char* id = attrs.find("Id");
        const char* type = attrs.find("Type");
        const char* target = attrs.find("Target");
        const char* mode = attrs.find("TargetMode");
        if (id == nullptr || type == nullptr || target == nullptr) return reject("a <Relationship> lacks Id, Type or Target");
        if (mode != nullptr && std::strcmp(mode, "External") == 0) return;
        by_id[id] = {type, resolve_target("xl/", target)};
    }
    void end(std::string_view) override {}

    // The first relationship of this type (by its last path segment), or "".
    std::string target_of_type(std::string_view kind) const {
        for (const auto& [id, rel] : by_id)
            if (ends_with(rel.type, "/" + std::string(kind))) return rel.target;
        return {};
    }
};

Error no_sheet(const ZipReader& zip, std::string what) {
    return Error(MessageId::XlsxNoSheet, {zip.path(), std::move(what)});
}

// Chart sheets and dialog sheets hold no cells: the first *worksheet* is the one read.
Result<std::string> first_worksheet(const ZipReader& zip, const WorkbookXml& book, const RelationshipsXml& rels) {
    for (const auto& id : book.sheet_ids) {
        auto it = rels.by_id.find(id);
        if (it == rels.by_id.end()) return fail(no_sheet(zip, kWorkbookRels + " Id=\"" + id + "\""));
        if (!ends_with(it->second.type, "/worksheet")) continue;
        if (!zip.has(it->second.target)) return fail(no_sheet(zip, it->second.target));
        return it->second.target;
    }
    return fail(no_sheet(zip, kWorkbookPart + " <sheet>"));
}

// Writers that skip the relationship still use the conventional name.
std::string part_or_default(const ZipReader& zip, std::string from_rels, const std::string& conventional) {
    if (!from_rels.empty() && zip.has(from_rels)) return from_rels;
    return zip.has(conventional) ? conventional : std::string();
}

}  // namespace

std::string resolve_target(const std::string& base_dir, const std::string& target) {
    std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
    std::vector<std::string> segments;
    std::size_t pos = 0;
    while (pos <= joined.size()) {
        auto slash = joined.find('/', pos);
        if (slash == std::string::npos) slash = joined.size();
        std::string seg = joined.substr(pos, slash - pos);
        pos = slash + 1;
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
            if (!segments.empty()) segments.pop_back();
            continue;
        }
        segments.push_back(std::move(seg));
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

Result<WorkbookIndex> index_workbook(const ZipReader& zip) {
    if (!zip.has(kWorkbookPart)) return fail(no_sheet(zip, kWorkbookPart));
    if (!zip.has(kWorkbookRels)) return fail(no_sheet(zip, kWorkbookRels));
    WorkbookXml book;
    CUSTODY_TRY(parse_part(zip, kWorkbookPart, book));
    RelationshipsXml rels;
    CUSTODY_TRY(parse_part(zip, kWorkbookRels, rels));
    auto sheet = first_worksheet(zip, book, rels);
    if (!sheet) return fail(sheet.error());
    WorkbookIndex index;
    index.sheet_part = std::move(sheet.value());
    index.shared_strings_part = part_or_default(zip, rels.target_of_type("sharedStrings"), "xl/sharedStrings.xml");
    index.styles_part = part_or_default(zip, rels.target_of_type("styles"), "xl/styles.xml");
    index.date1904 = book.date1904;
    return index;
}

}  // namespace custody::xlsx
