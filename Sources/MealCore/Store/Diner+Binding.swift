import GRDB
import GRDBSQLite

/// Diners bound straight into SQLite's statement, for the upserts of large imports.
///
/// Going through GRDB's arguments turned every value into a `DatabaseValue`, then the array
/// into `StatementArguments` through a key path, then checked and bound it: a fifth of the
/// time of importing 100,000 diners. The values bound here are exactly `storedValues`
/// (`DinerBindingTests` compares the stored rows).
extension Diner {
    /// Runs `statement`, an upsert of `diners.count` rows of `storedColumns`, for `diners`.
    static func execute(_ statement: Statement, upserting diners: ArraySlice<Diner>) throws {
        // Marks the statement's arguments as set (and clears the previous bindings); the
        // bindings made below stay through `execute()`, which only resets the statement.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        var parameter: Int32 = 1
        for diner in diners { diner.bindStoredValues(to: handle, from: &parameter) }
        try statement.execute()
    }

    private func bindStoredValues(to handle: SQLiteStatement, from parameter: inout Int32) {
        func text(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                if let address = bytes.baseAddress, !bytes.isEmpty {
                    let characters = UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
                    _ = sqlite3_bind_text(handle, parameter, characters, Int32(bytes.count), Self.transient)
                } else {
                    // An empty buffer may have no address, which SQLite would store as NULL.
                    _ = sqlite3_bind_text(handle, parameter, "", 0, Self.transient)
                }
            }
            parameter += 1
        }
        func integer(_ value: Int?) {
            _ = value.map { sqlite3_bind_int64(handle, parameter, Int64($0)) } ?? sqlite3_bind_null(handle, parameter)
            parameter += 1
        }
        func real(_ value: Double) {
            _ = sqlite3_bind_double(handle, parameter, value)
            parameter += 1
        }
        text(id.rawValue); text(name); text(community); text(grid)
        real(location.latitude); real(location.longitude); text(address); text(phone)
        integer(birthYear); text(mobility.rawValue); text(mode.rawValue)
        text(DietTag.format(diets)); text(allergies); integer(priority.rawValue)
        text(tags.joined(separator: ";")); text(days.description)
        integer(window?.start.seconds); integer(window?.end.seconds)
        if let preferredCanteenID { text(preferredCanteenID.rawValue) } else { integer(nil) }
        text(status.rawValue); text(emergencyContact)
    }

    /// SQLite copies the text before the call returns (`SQLITE_TRANSIENT`).
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
