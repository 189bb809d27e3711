#include "hardware/cabinet/modbus_cabinet_controller.h"

#include <modbus/modbus.h>

#include <cerrno>
#include <cstdint>

#include "hardware/cabinet/cabinet_register_map.h"
#include "kiosk/core/log.h"

namespace custody {

namespace map = cabinet_map;

CabinetLinkConfig CabinetLinkConfig::tcp(std::string host, int port) {
    CabinetLinkConfig c;
    c.kind = Kind::Tcp;
    c.host = std::move(host);
    c.port = port;
    return c;
}

CabinetLinkConfig CabinetLinkConfig::rtu(std::string device, int baud) {
    CabinetLinkConfig c;
    c.kind = Kind::Rtu;
    c.device = std::move(device);
    c.baud = baud;
    return c;
}

std::string CabinetLinkConfig::describe() const {
    if (kind == Kind::Tcp) return "tcp:" + host + ":" + std::to_string(port);
    return "rtu:" + device + "@" + std::to_string(baud);
}

namespace {

// A Modbus exception means the board answered, but refused: retrying will not help and
// the link itself is fine.
bool is_modbus_exception(int err) { return err >= EMBXILFUN && err <= EMBXGTAR; }

Error bad_reply(const CabinetLinkConfig& config, const std::string& what) {
    return Error(MessageId::CabinetBadReply, {what}, config.describe() + ": " + what);
}

}  // namespace

ModbusCabinetController::ModbusCabinetController(CabinetLinkConfig config) : config_(std::move(config)) {}

ModbusCabinetController::~ModbusCabinetController() { disconnect(); }

void ModbusCabinetController::disconnect() {
    if (ctx_ != nullptr) {
        modbus_close(ctx_);
        modbus_free(ctx_);
        ctx_ = nullptr;
    }
    identity_.reset();
}

Status ModbusCabinetController::ensure_connected() {
    if (ctx_ != nullptr) return {};
    modbus_t* ctx = nullptr;
    if (config_.kind == CabinetLinkConfig::Kind::Tcp) {
        ctx = modbus_new_tcp_pi(config_.host.c_str(), std::to_string(config_.port).c_str());
    } else {
        ctx = modbus_new_rtu(config_.device.c_str(), config_.baud, 'N', 8, 1);
    }
    if (ctx == nullptr) {
        int err = errno;
        return fail(Error(MessageId::CabinetOffline, {config_.describe() + ": " + modbus_strerror(err)},
                          "modbus_new: " + std::string(modbus_strerror(err))));
    }
    modbus_set_slave(ctx, config_.unit_id);
    auto ms = config_.response_timeout.count();
    modbus_set_response_timeout(ctx, static_cast<std::uint32_t>(ms / 1000), static_cast<std::uint32_t>((ms % 1000) * 1000));
    if (modbus_connect(ctx) == -1) {
        int err = errno;
        modbus_free(ctx);
        return fail(Error(MessageId::CabinetOffline, {config_.describe() + ": " + modbus_strerror(err)},
                          "modbus_connect: " + std::string(modbus_strerror(err))));
    }
    if (config_.kind == CabinetLinkConfig::Kind::Rtu && modbus_rtu_set_serial_mode(ctx, MODBUS_RTU_RS485) == -1) {
        // Ptys and adapters with automatic direction control have no RS-485 ioctl; the
        // line still works, so this is worth a note, not a failure.
        log_event(LogLevel::Info, "cabinet " + config_.describe() + ": RS-485 mode not set (" +
                                      modbus_strerror(errno) + "); using the port as is");
    }
    ctx_ = ctx;
    return {};
}

template <class Request>
Status ModbusCabinetController::run(const char* what, Request request) {
    std::string last_error;
    for (int attempt = 1; attempt <= config_.attempts; ++attempt) {
        auto connected = ensure_connected();
        if (!connected) {
            last_error = connected.error().args.front();
            continue;
        }
        if (request(ctx_) != -1) return {};
        int err = errno;
        if (is_modbus_exception(err)) {
            return fail(bad_reply(config_, std::string(what) + ": " + modbus_strerror(err)));
        }
        last_error = config_.describe() + ": " + modbus_strerror(err);
        log_event(LogLevel::Warning, "cabinet " + std::string(what) + " attempt " + std::to_string(attempt) +
                                         " failed: " + modbus_strerror(err));
        // A late reply to a timed-out request would be taken for the answer to the next
        // one; a fresh connection (or a flushed line) cannot mix them up.
        disconnect();
    }
    disconnect();
    return fail(Error(MessageId::CabinetOffline, {last_error}, std::string(what) + " gave up after " +
                                                                    std::to_string(config_.attempts) + " attempts"));
}

Result<CabinetIdentity> ModbusCabinetController::identity() {
    std::uint16_t regs[map::kIdentityCount] = {};
    CUSTODY_TRY(run("read identity", [&](modbus_t* ctx) {
        return modbus_read_input_registers(ctx, map::kIdentityAddr, map::kIdentityCount, regs);
    }));
    if (regs[map::kIdMapVersion] != map::kMapVersion) {
        return fail(bad_reply(config_, "register map version " + std::to_string(regs[map::kIdMapVersion]) +
                                           ", expected " + std::to_string(map::kMapVersion)));
    }
    int slots = regs[map::kIdSlotCount];
    if (slots < 1 || slots > map::kMaxSlots) {
        return fail(bad_reply(config_, "slot count " + std::to_string(slots) + " outside 1.." +
                                           std::to_string(map::kMaxSlots)));
    }
    CabinetIdentity id;
    id.slot_count = slots;
    id.firmware = std::to_string(regs[map::kIdFirmwareMajor]) + "." + std::to_string(regs[map::kIdFirmwareMinor]) +
                  "." + std::to_string(regs[map::kIdFirmwarePatch]);
    for (int i = 0; i < map::kSerialRegisters; ++i) {
        std::uint16_t r = regs[map::kIdSerial + i];
        for (char c : {static_cast<char>(r >> 8), static_cast<char>(r & 0xff)}) {
            if (c == '\0') break;
            if (c < 0x20 || c > 0x7e) return fail(bad_reply(config_, "serial number is not printable ASCII"));
            id.serial.push_back(c);
        }
    }
    identity_ = id;
    return id;
}

Result<int> ModbusCabinetController::checked_slot_count() {
    if (!identity_) CUSTODY_TRY(identity());
    return identity_->slot_count;
}

Status ModbusCabinetController::check_slot(int slot) {
    auto count = checked_slot_count();
    if (!count) return fail(count.error());
    if (slot < 1 || slot > *count) {
        return fail(Error(MessageId::CabinetSlotUnknown, {std::to_string(slot), std::to_string(*count)}));
    }
    return {};
}

Result<std::vector<SlotStatus>> ModbusCabinetController::read_slots() {
    auto count = checked_slot_count();
    if (!count) return fail(count.error());
    const int n = *count;
    // One request per table for the whole cabinet: three round trips whatever N is.
    std::uint8_t bits[map::discrete_input_count(map::kMaxSlots)] = {};
    std::uint16_t block[map::kMaxSlots * map::kSlotBlockStride] = {};
    std::uint16_t leds[map::kMaxSlots] = {};
    CUSTODY_TRY(run("read inputs", [&](modbus_t* ctx) {
        return modbus_read_input_bits(ctx, 0, map::discrete_input_count(n), bits);
    }));
    CUSTODY_TRY(run("read charge registers", [&](modbus_t* ctx) {
        return modbus_read_input_registers(ctx, map::kSlotBlockBase, n * map::kSlotBlockStride, block);
    }));
    CUSTODY_TRY(run("read LED registers", [&](modbus_t* ctx) {
        return modbus_read_registers(ctx, map::kLedBase, n, leds);
    }));
    std::vector<SlotStatus> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const std::uint16_t* r = block + i * map::kSlotBlockStride;
        int state = r[map::kOffChargeState];
        if (state > map::kChargeStateMax) {
            return fail(bad_reply(config_, "slot " + std::to_string(i + 1) + " charge state " + std::to_string(state)));
        }
        if (leds[i] > map::kLedPatternMax) {
            return fail(bad_reply(config_, "slot " + std::to_string(i + 1) + " LED pattern " + std::to_string(leds[i])));
        }
        SlotStatus s;
        s.slot = i + 1;
        s.door_closed = bits[map::kDoorClosedBase + i] != 0;
        s.camera_present = bits[map::kCameraPresentBase + i] != 0;
        s.lock_fault = bits[map::kLockFaultBase + i] != 0;
        s.charge = static_cast<ChargeState>(state);
        s.charge_mv = r[map::kOffMillivolts];
        s.charge_ma = r[map::kOffMilliamps];
        s.temperature_dc = static_cast<std::int16_t>(r[map::kOffTemperature]);
        s.led = static_cast<LedPattern>(leds[i]);
        out.push_back(s);
    }
    return out;
}

Status ModbusCabinetController::pulse_unlock(int slot) {
    CUSTODY_TRY(check_slot(slot));
    // A retry after a lost reply may pulse twice; harmless, since a pulse only releases
    // the lock and the door is judged by reading it, never by this call.
    return run("pulse lock", [&](modbus_t* ctx) { return modbus_write_bit(ctx, map::kLockCoilBase + slot - 1, 1); });
}

Status ModbusCabinetController::set_led(int slot, LedPattern pattern) {
    CUSTODY_TRY(check_slot(slot));
    return run("set LED", [&](modbus_t* ctx) {
        return modbus_write_register(ctx, map::kLedBase + slot - 1, static_cast<std::uint16_t>(pattern));
    });
}

}  // namespace custody
