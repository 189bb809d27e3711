#include "hardware/nfc/nfc_readers.h"

#include <nfc/nfc.h>

namespace custody::nfc {

Result<std::vector<std::string>> list_nfc_readers() {
    nfc_context* ctx = nullptr;
    nfc_init(&ctx);
    if (ctx == nullptr) return fail(Error(MessageId::ReaderDeviceUnavailable, {"libnfc", "nfc_init failed"}));
    nfc_connstring found[16];
    const std::size_t n = nfc_list_devices(ctx, found, 16);
    std::vector<std::string> out(found, found + n);
    nfc_exit(ctx);
    return out;
}

}  // namespace custody::nfc
