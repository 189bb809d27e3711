#pragma once
// Everything the kiosk screen shows, as plain data: the wx screens draw it and nothing
// else, so what an officer or custodian sees can be checked without a display.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/cabinet_checkout.h"
#include "kiosk/core/dock_arrival.h"
#include "kiosk/core/interruption_record.h"
#include "kiosk/core/money.h"
#include "kiosk/core/messages.h"
#include "kiosk/terminal/device_history.h"
#include "kiosk/terminal/slot_tile.h"

namespace custody::terminal {

enum class Screen {
    Idle,              // 请刷卡 / tap your badge
    PartnerFirstBadge, // two-person carry (R10): the officer taking the camera taps first
    PartnerSecondBadge,//   ... then the partner
    CheckoutWorking,   // checking cameras, unlocking the slot
    CheckoutIssued,    // the slot is open: take the camera before the countdown ends
    CheckoutTaken,     // the camera left its slot
    Refused,           // why not, and what to do
    Return,            // a camera was docked: who, what, offload, health, two questions
    CustodianBadge,    // custodian mode: tap a custodian badge
    CustodianPin,      // ... and enter the PIN
    CustodianSlots,    // every slot with state, battery, health, offload
    DeviceDetail,      // one device and its history; quarantine or release (R9)
    Reconciliation,    // expected vs present, out, in repair; saved as a record
    Interruptions,     // interruption records waiting for the unit head (R13)
    Finance,           // finance staff: the asset register's totals and the cases to review (R3, R26)
};

bool privileged(Screen s);
// A stable name for each screen: in logs, screenshots and the demo's control socket.
const char* screen_code(Screen s);

struct CheckoutView {
    Officer officer;
    std::optional<Officer> partner;
    int slot = 0;
    std::string device_serial;
    std::string device_model;
    InspectionReport inspection;  // the pre-use check just run on that camera (R7)
    int seconds_left = 0;         // to take the camera out
};

enum class ReturnStep { AskFault, AskInterruption, Finished };

struct ReturnView {
    int slot = 0;
    std::string device_serial;
    std::optional<Officer> officer;  // none for an unexpected return
    bool unexpected = false;
    std::optional<Id> return_entry_id;
    InspectionReport inspection;  // the docking health check (R8, R9)
    std::optional<OffloadProgress> offload;
    bool offload_done = false;
    std::optional<Error> offload_error;
    ReturnStep step = ReturnStep::AskFault;
    std::optional<int> fault_kind;  // index into kFaultKinds when one was reported
    std::optional<InterruptionReason> interruption;
    bool interruption_filed = false;
    std::vector<Error> notices;  // what filing the answers said (quarantined, record waiting for review)
};

struct PinView {
    Officer custodian;
    int digits = 0;  // how many entered: the screen shows dots, never the digits
    std::optional<Error> error;
};

struct DeviceDetailView {
    SlotTile tile;
    Device device;
    std::vector<HistoryLine> history;
};

struct ReconciliationLineView {
    int slot = 0;
    std::string device_serial;
    std::string state;        // as people read it, in the screen's language
    std::string discrepancy;  // empty when none
};

struct ReconciliationView {
    int expected = 0, in_slot = 0, out = 0, in_repair = 0, quarantined = 0, pending_offload = 0, lost = 0,
        discrepancies = 0;
    std::vector<ReconciliationLineView> lines;  // discrepancies first
    std::optional<Id> saved_id;
};

struct PendingInterruptionView {
    InterruptionRecord record;
    std::string officer_name;
};

// One compensation case as the finance screen lists it, in the screen's language.
struct FinanceCaseView {
    Id id = 0;
    std::string device_serial;
    std::string liable;  // name (number)
    std::string cause;
    std::string status;
    Fen amount = 0;
    Fen outstanding = 0;
    std::vector<std::string> calculation;  // line by line (R26)
};

struct FinanceView {
    int cards = 0;
    Fen original_total = 0;
    Fen net_total = 0;
    std::string value_date;     // the end of the month the figures are for
    bool closed_figures = false;  // a closed month's, not computed
    std::vector<FinanceCaseView> to_review;  // waiting for finance
    std::vector<FinanceCaseView> owing;      // approved, not yet paid in full
};

struct TerminalView {
    Screen screen = Screen::Idle;
    Lang lang = Lang::Zh;
    Timestamp now;
    bool reader_online = true;
    std::optional<Error> reader_problem;
    bool cabinet_online = false;
    std::optional<Error> cabinet_problem;
    CabinetSummary summary;
    std::vector<SlotTile> tiles;
    std::vector<OffloadProgress> offloads;  // running now, by slot

    std::optional<Officer> first_officer;  // the two-person carry in progress (R10)
    std::optional<CheckoutView> checkout;
    std::optional<Error> refusal;
    std::optional<ReturnView> returned;
    std::optional<PinView> pin;
    std::optional<Officer> custodian;  // logged in
    std::optional<Officer> finance_officer;  // logged in to the finance screen instead
    std::optional<FinanceView> finance;
    std::optional<DeviceDetailView> detail;
    std::optional<ReconciliationView> reconciliation;
    std::vector<PendingInterruptionView> pending_interruptions;
    std::optional<Error> notice;  // the last custodian action's outcome, or a failure to show
    std::optional<std::string> printing;  // the report being printed, while it is
    int seconds_to_idle = 0;      // shown on screens that go back by themselves
};

}  // namespace custody::terminal
