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
    ///
    /// The texts of all the rows are first copied into one buffer that stays until the
    /// statement has run, so SQLite reads them there (`SQLITE_STATIC`): bound as transient, each
    /// of the 21 values of a row was copied into memory SQLite allocated for it, and freed.
    static func execute(_ statement: Statement, upserting diners: ArraySlice<Diner>) throws {
        // Marks the statement's arguments as set (and clears the previous bindings); the
        // bindings made below stay through `execute()`, which only resets the statement.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        var values = BoundValues()
        values.plan.reserveCapacity(diners.count * storedColumns.count)
        for diner in diners { diner.appendStoredValues(to: &values) }
        try values.texts.withUnsafeBufferPointer { texts in
            // No binding may outlive the buffer it points into.
            defer { _ = sqlite3_clear_bindings(handle) }
            values.bind(to: handle, texts: texts)
            try statement.execute()
        }
    }

    /// The values in `storedColumns` order (as `storedValues`).
    private func appendStoredValues(to values: inout BoundValues) {
        values.text(id.rawValue); values.text(name); values.text(community); values.text(grid)
        values.plan.append(.real(location.latitude)); values.plan.append(.real(location.longitude))
        values.text(address); values.text(phone)
        values.integer(birthYear); values.text(mobility.rawValue); values.text(mode.rawValue)
        values.text(DietTag.format(diets)); values.text(allergies); values.integer(priority.rawValue)
        values.text(tags.joined(separator: ";")); values.text(days.description)
        values.integer(window?.start.seconds); values.integer(window?.end.seconds)
        if let preferredCanteenID { values.text(preferredCanteenID.rawValue) } else { values.integer(nil) }
        values.text(status.rawValue); values.text(emergencyContact)
    }
}

/// The parameters of one statement: numbers as they are, texts as ranges of one buffer.
private struct BoundValues {
    enum Value {
        case text(start: Int, count: Int)
        case integer(Int64)
        case real(Double)
        case null
    }

    var plan: [Value] = []
    var texts: [UInt8] = []

    mutating func text(_ value: String) {
        let start = texts.count
        texts.append(contentsOf: value.utf8)
        plan.append(.text(start: start, count: texts.count - start))
    }

    mutating func integer(_ value: Int?) {
        plan.append(value.map { .integer(Int64($0)) } ?? .null)
    }

    /// Binds the plan, parameter 1 onwards; `texts` is `self.texts`, valid while the statement runs.
    func bind(to handle: SQLiteStatement, texts: UnsafeBufferPointer<UInt8>) {
        for (offset, value) in plan.enumerated() {
            let parameter = Int32(offset + 1)
            switch value {
            case let .text(start, count):
                if count > 0, let base = texts.baseAddress {
                    let characters = UnsafeRawPointer(base + start).assumingMemoryBound(to: CChar.self)
                    _ = sqlite3_bind_text(handle, parameter, characters, Int32(count), nil)
                } else {
                    // An empty text needs an address, or SQLite would store NULL.
                    _ = sqlite3_bind_text(handle, parameter, "", 0, Self.transient)
                }
            case let .integer(number): _ = sqlite3_bind_int64(handle, parameter, number)
            case let .real(number): _ = sqlite3_bind_double(handle, parameter, number)
            case .null: _ = sqlite3_bind_null(handle, parameter)
            }
        }
    }

    /// SQLite copies the text before the call returns (`SQLITE_TRANSIENT`).
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
