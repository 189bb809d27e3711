// custody-kiosk: the touchscreen beside the camera cabinet. The command line is read
// before the toolkit starts, so --help and a wrong argument need no display.
#include <cstdlib>
#include <iostream>

#include "kiosk/ui/kiosk_app.h"

wxIMPLEMENT_APP_NO_MAIN(custody::ui::KioskApp);

int main(int argc, char** argv) {
    using namespace custody;
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = ui::parse_kiosk_options(args);
    if (!options) {
        std::cerr << render(options.error(), Lang::Zh) << "\n" << render(options.error(), Lang::En) << "\n"
                  << ui::kiosk_usage();
        return 2;
    }
    if (options->help) {
        std::cout << ui::kiosk_usage();
        return 0;
    }
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!x || !*x) && (!wayland || !*wayland)) {
        const Error e(MessageId::KioskDisplayMissing, {"DISPLAY"});
        std::cerr << render(e, Lang::Zh) << "\n" << render(e, Lang::En) << "\n";
        return 4;
    }
    ui::KioskApp::use_options(*options);
    return wxEntry(argc, argv);
}
