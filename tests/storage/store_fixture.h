#pragma once

// A fresh central store for one test function: SQLite in a temporary directory, or in the pg runs a
// fresh PostgreSQL database (TestDatabase), always through openCentralStore.
#include "storage/central_store.h"
#include "storage/open_central_store.h"
#include "testdatabase.h"

#include <memory>

struct StoreFixture {
    std::unique_ptr<TestDatabase> database = std::make_unique<TestDatabase>();
    std::unique_ptr<ruhu::server::CentralStore> store;

    // Empty on success, else why not.
    QString open() {
        if (!database->ok())
            return database->error();
        auto opened = ruhu::server::openCentralStore(database->url());
        if (!opened)
            return QString::fromStdString(opened.error().message);
        store = std::move(*opened);
        return {};
    }
};
