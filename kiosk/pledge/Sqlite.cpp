// Thin wrappers over the SQLite C API that carry result codes and messages as values.
#include "pledge/Sqlite.h"

namespace kiosk::pledge::sqlite {
namespace {

Status statusOf(sqlite3* db, int code) {
    if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return {code, {}};
    return {code, db ? sqlite3_errmsg(db) : sqlite3_errstr(code)};
}

}  // namespace

Status open(const std::string& path, int flags, Database& out) {
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    out.reset(raw);  // owned even on failure: SQLite hands back a handle to close
    if (code != SQLITE_OK) return statusOf(raw, code);
    sqlite3_extended_result_codes(raw, 0);
    return {};
}

Status exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    Status status{code, message ? message : ""};
    sqlite3_free(message);
    if (code != SQLITE_OK && status.message.empty()) status.message = sqlite3_errstr(code);
    return status;
}

Status prepare(sqlite3* db, std::string_view sql, Statement& out) {
    sqlite3_stmt* raw = nullptr;
    const int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    out.reset(raw);
    return statusOf(db, code);
}

void bind(sqlite3_stmt* statement, int index, std::string_view text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void bind(sqlite3_stmt* statement, int index, std::int64_t number) {
    sqlite3_bind_int64(statement, index, number);
}

void bind(sqlite3_stmt* statement, int index, std::span<const unsigned char> blob) {
    sqlite3_bind_blob(statement, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
}

void bindNull(sqlite3_stmt* statement, int index) {
    sqlite3_bind_null(statement, index);
}

std::string text(sqlite3_stmt* statement, int column) {
    const auto* bytes = sqlite3_column_text(statement, column);
    const int size = sqlite3_column_bytes(statement, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)) : "";
}

std::int64_t integer(sqlite3_stmt* statement, int column) {
    return sqlite3_column_int64(statement, column);
}

Status step(sqlite3* db, sqlite3_stmt* statement) {
    return statusOf(db, sqlite3_step(statement));
}

}  // namespace kiosk::pledge::sqlite
