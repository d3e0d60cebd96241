// RAII owners for SQLite handles and the few helpers the pledge store needs; no SQL text lives here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <sqlite3.h>
#include <string>
#include <string_view>

namespace kiosk::pledge::sqlite {

struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// The outcome of a call: SQLite's result code and its message for a person.
struct Status {
    int code = SQLITE_OK;
    std::string message;
    bool ok() const { return code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW; }
};

Status open(const std::string& path, int flags, Database& out);
Status exec(sqlite3* db, const char* sql);
Status prepare(sqlite3* db, std::string_view sql, Statement& out);

// Binding by position (1-based), so statements read top to bottom.
void bind(sqlite3_stmt* statement, int index, std::string_view text);
void bind(sqlite3_stmt* statement, int index, std::int64_t number);
void bind(sqlite3_stmt* statement, int index, std::span<const unsigned char> blob);
void bindNull(sqlite3_stmt* statement, int index);

// Column readers; NULL reads as empty or zero.
std::string text(sqlite3_stmt* statement, int column);
std::int64_t integer(sqlite3_stmt* statement, int column);

// Steps once; SQLITE_ROW and SQLITE_DONE are ok().
Status step(sqlite3* db, sqlite3_stmt* statement);

}  // namespace kiosk::pledge::sqlite
