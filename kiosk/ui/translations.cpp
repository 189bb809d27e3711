#include "kiosk/ui/translations.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

#include "kiosk/core/log.h"

namespace custody::ui {

namespace {

constexpr const char* kDomain = "custody-kiosk";

void add_lookup_paths() {
    static bool added = false;
    if (added) return;
    added = true;
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(CUSTODY_BUILD_LOCALE_DIR);
    wxFileName installed(wxStandardPaths::Get().GetExecutablePath());
    installed.RemoveLastDir();
    installed.AppendDir("share");
    installed.AppendDir("locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(installed.GetPath());
}

}  // namespace

bool use_language(Lang lang) {
    add_lookup_paths();
    auto* t = new wxTranslations();
    const wxString name = lang == Lang::Zh ? "zh_CN" : "en";
    t->SetLanguage(name);
    // The source text is English; the English catalogue still exists, complete, so that a
    // wording change for English readers needs no code change.
    const bool loaded = t->AddCatalog(kDomain, wxLANGUAGE_ENGLISH_US) && t->IsLoaded(kDomain);
    wxTranslations::Set(t);
    if (!loaded)
        log_event(LogLevel::Warning,
                  log_line(Error(MessageId::KioskCataloguesMissing, {name.ToStdString() + "/" + kDomain + ".mo"})));
    return loaded;
}

}  // namespace custody::ui
