import GRDB

extension AppDatabase {
    /// A read transaction; an SQLite failure comes out as a `StoreError` naming the file.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path ?? ":memory:")
        }
    }

    /// A write transaction: all of `body` is written or none of it. An SQLite failure comes out
    /// as a `StoreError` naming the file.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path ?? ":memory:")
        }
    }
}
