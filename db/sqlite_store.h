#pragma once
// The SQLite adapter of the storage port: the ledger, the registry and the signed audit
// chain in one file, the kiosk key and the head anchor beside it.

#include <memory>
#include <mutex>
#include <string>

#include "db/audit_chain.h"
#include "db/sqlite.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/custody_store.h"

namespace custody::db {

struct StorePaths {
    std::string db;
    std::string key;  // default: <db>.key
    static StorePaths for_db(const std::string& db_path) { return {db_path, db_path + ".key"}; }
};

struct InitOptions {
    int slots = 24;
    AgencyProfile profile;
    std::string actor = "custodyctl";
};

class SqliteStore final : public CustodyStore {
public:
    // Creates database, key and anchor. Refuses an existing, initialised database.
    static Result<std::unique_ptr<SqliteStore>> initialise(const StorePaths& paths, const Clock& clock,
                                                           const InitOptions& options);
    // Opens an initialised database, applying pending migrations.
    static Result<std::unique_ptr<SqliteStore>> open(const StorePaths& paths, const Clock& clock);

    Result<std::unique_ptr<StoreTx>> begin() override;

    Connection& connection() { return *conn_; }
    const KioskKey& key() const { return key_; }
    const StorePaths& paths() const { return paths_; }
    const Clock& clock() const { return clock_; }

private:
    SqliteStore(std::unique_ptr<Connection> c, KioskKey k, StorePaths p, const Clock& clock)
        : conn_(std::move(c)), key_(k), paths_(std::move(p)), clock_(clock) {}
    std::unique_ptr<Connection> conn_;
    // One transaction at a time on the connection, whichever thread begins it (the
    // offload workers share the store with the kiosk's own thread).
    // Shared with each transaction, so one that outlives the store (a bug, but one a test
    // can make) still unlocks a live mutex.
    std::shared_ptr<std::mutex> in_use_ = std::make_shared<std::mutex>();
    KioskKey key_;
    StorePaths paths_;
    const Clock& clock_;
};

}  // namespace custody::db
