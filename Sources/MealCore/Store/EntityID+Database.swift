import GRDB

// Typed ids are stored as their raw string (plain TEXT), so databases written before the ids
// were typed read back unchanged and SQL compares the same values. GRDB derives
// `SQLExpressible` and `StatementBinding` from this conformance.
extension EntityID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> EntityID? {
        String.fromDatabaseValue(dbValue).map(EntityID.init(rawValue:))
    }
}
