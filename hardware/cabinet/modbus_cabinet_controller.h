#pragma once
// The cabinet port over Modbus (RTU on RS-485, or TCP) with libmodbus. Not thread-safe:
// one caller at a time (CabinetMonitor serialises its poll thread and unlock requests).

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/core/cabinet_controller.h"

struct _modbus;  // libmodbus's modbus_t, kept out of this header

namespace custody {

struct CabinetLinkConfig {
    enum class Kind { Tcp, Rtu };
    Kind kind = Kind::Tcp;
    std::string host = "127.0.0.1";  // TCP
    int port = 502;                  // TCP
    std::string device;              // RTU: serial device path
    int baud = 115200;               // RTU, always 8N1
    int unit_id = 1;
    int attempts = 3;  // per request, before the cabinet counts as offline
    std::chrono::milliseconds response_timeout{200};

    static CabinetLinkConfig tcp(std::string host, int port);
    static CabinetLinkConfig rtu(std::string device, int baud = 115200);
    std::string describe() const;  // "tcp:HOST:PORT" or "rtu:DEVICE@BAUD", for messages
};

class ModbusCabinetController final : public CabinetController {
public:
    explicit ModbusCabinetController(CabinetLinkConfig config);
    ~ModbusCabinetController() override;
    ModbusCabinetController(const ModbusCabinetController&) = delete;
    ModbusCabinetController& operator=(const ModbusCabinetController&) = delete;

    Result<CabinetIdentity> identity() override;
    Result<std::vector<SlotStatus>> read_slots() override;
    Status pulse_unlock(int slot) override;
    Status set_led(int slot, LedPattern pattern) override;

private:
    Status ensure_connected();
    void disconnect();
    // Runs one Modbus request with bounded retries; `request` returns libmodbus's result.
    template <class Request>
    Status run(const char* what, Request request);
    Result<int> checked_slot_count();
    Status check_slot(int slot);

    CabinetLinkConfig config_;
    _modbus* ctx_ = nullptr;
    // Read once per connection: a board swapped for one with fewer slots is noticed.
    std::optional<CabinetIdentity> identity_;
};

}  // namespace custody
