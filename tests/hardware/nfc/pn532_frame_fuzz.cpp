// libFuzzer harness: whatever arrives on the serial line, the parser returns a frame or a
// reason, never crashes, and a stream reader always makes progress or waits for bytes.
#include <cstdlib>
#include <span>

#include "hardware/nfc/pn532_frame.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace custody::nfc;
    std::span<const std::uint8_t> bytes(data, size);
    while (!bytes.empty()) {
        auto r = parse_host_frame(bytes);
        std::size_t used = 0;
        if (r.ok()) {
            used = r.value().consumed;
            // What the chip would send back must parse again as the same frame.
            if (r.value().kind == FrameKind::Information && !r.value().data.empty()) {
                auto reply = build_response(r.value().data[0], std::span(r.value().data).subspan(1));
                auto back = parse_frame(reply);
                if (!back.ok() || back.value().consumed != reply.size()) std::abort();
            }
        } else if (r.error().reason == FrameRejection::Truncated) {
            break;
        } else {
            used = r.error().consumed;
        }
        if (used == 0 || used > bytes.size()) std::abort();  // a stream reader would spin or overrun
        bytes = bytes.subspan(used);
    }
    return 0;
}
