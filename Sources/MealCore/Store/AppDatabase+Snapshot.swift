import GRDB

extension AppDatabase {
    /// Every row of every table as text, in a stable order. Two equal snapshots mean the content
    /// is the same; tests use it to prove that a refused change wrote nothing.
    public func contentSnapshot() throws -> String {
        try read { db in
            var text = ""
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            for table in tables {
                text += "## \(table)\n"
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map(\.description).sorted()
                text += rows.joined(separator: "\n") + "\n"
            }
            return text
        }
    }
}
