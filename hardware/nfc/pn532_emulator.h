#pragma once
// A PN532 on a pseudo-terminal: libnfc's pn532_uart driver opens the pty's slave side as if
// it were the reader's serial port, so tests and badge-sim drive the real libnfc code.
// It answers the commands libnfc sends (see docs/hardware/badge-reader.md) and puts one
// ISO 14443A card on the field at a time.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/result.h"

namespace custody::nfc {

class Pn532Emulator {
public:
    // Opens the pty and starts serving; fails if no pty can be had.
    static Result<std::unique_ptr<Pn532Emulator>> start();
    ~Pn532Emulator();
    Pn532Emulator(const Pn532Emulator&) = delete;
    Pn532Emulator& operator=(const Pn532Emulator&) = delete;

    // The slave side, for LIBNFC_DEVICE=pn532_uart:<path>.
    const std::string& path() const { return path_; }
    // Puts a card with this UID (4, 7 or 10 bytes) on the field; false if not a UID.
    bool place(const std::string& uid_hex);
    void remove();
    // false: the chip goes silent (reads and drops everything), like a reader whose cable
    // was pulled; true: it answers again, so a reader's reconnection can be tested.
    void set_answering(bool on) { answering_ = on; }
    // InListPassiveTarget commands answered so far: lets a test wait until a reader has
    // polled N more times instead of sleeping.
    std::size_t selects_answered() const { return selects_; }

private:
    Pn532Emulator(int master, int slave, std::string path);
    void serve();
    void handle(const std::vector<std::uint8_t>& command);
    void answer(std::uint8_t command, const std::vector<std::uint8_t>& payload);
    void send(const std::vector<std::uint8_t>& bytes);
    std::vector<std::uint8_t> target_data();  // Tg, SENS_RES, SEL_RES, NFCID length, NFCID

    int master_ = -1;
    int slave_ = -1;  // kept open: without it reads on the master fail with EIO once libnfc closes
    std::string path_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> answering_{true};
    std::atomic<std::size_t> selects_{0};
    std::thread thread_;

    std::mutex mutex_;
    std::vector<std::uint8_t> uid_;  // empty: no card on the field
    // Serving-thread state only.
    std::uint8_t passive_retries_ = 0xFF;        // RFConfiguration MxRtyPassiveActivation
    std::optional<std::uint8_t> held_;           // a select/poll waiting for a card
    std::map<std::uint16_t, std::uint8_t> registers_;
};

}  // namespace custody::nfc
