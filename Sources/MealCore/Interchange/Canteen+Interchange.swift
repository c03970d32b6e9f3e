extension Canteen: InterchangeRecord {
    public static let fileKind = "canteens"

    public static let columns: [InterchangeColumn<Canteen>] = [
        .init("id", required: true) { $0.id.rawValue },
        .init("name", required: true, .text) { $0.name },
        .init("community", .text) { $0.community },
        .init("lat", required: true, .number) { "\($0.location.latitude)" },
        .init("lon", required: true, .number) { "\($0.location.longitude)" },
        .init("seats", .number) { "\($0.seats)" },
        .init("sittings") { $0.sittings.map(\.description).joined(separator: ";") },
        .init("kitchen_capacity", required: true, .number) { "\($0.kitchenCapacity)" },
        .init("diets") { DietTag.format($0.diets) },
        .init("open_days") { $0.openDays.description },
        .init("phone", .phone) { $0.phone },
    ]

    public static func read(_ cells: inout CellReader) -> Canteen? {
        let id = cells.required("id")
        let name = cells.required("name")
        let lat = cells.coordinate("lat", limit: 90)
        let lon = cells.coordinate("lon", limit: 180)
        let seats = cells.int("seats", in: Canteen.seatsRange, default: 0, outOfRange: Canteen.seatsError)
        let sittings = cells.value("sittings", default: [], "HH:MM-HH:MM;HH:MM-HH:MM", Sitting.parseList)
        let kitchen = cells.int("kitchen_capacity", in: Canteen.kitchenCapacityRange, outOfRange: Canteen.kitchenCapacityError)
        let diets = cells.value("diets", default: [], "diet tags") { try DietTag.parseList($0, field: "diets") }
        let openDays = cells.value("open_days", default: .everyDay, "digits 1-7") { try Weekdays(parsing: $0) }
        let community = cells.text("community"), phone = cells.phone("phone")
        return cells.build {
            try Canteen(id: CanteenID(id!), name: name!, community: community,
                        location: GeoPoint(latitude: lat!, longitude: lon!), seats: seats!, sittings: sittings!,
                        kitchenCapacity: kitchen!, diets: diets!, openDays: openDays!, phone: phone)
        }
    }
}

extension Courier: InterchangeRecord {
    public static let fileKind = "couriers"

    public static let columns: [InterchangeColumn<Courier>] = [
        .init("id", required: true) { $0.id.rawValue },
        .init("name", required: true, .text) { $0.name },
        .init("canteen_id", required: true) { $0.canteenID.rawValue },
        .init("vehicle", required: true) { $0.vehicle.rawValue },
        .init("capacity", required: true, .number) { "\($0.capacity)" },
        .init("shift_start", required: true) { $0.shift.start.description },
        .init("shift_end", required: true) { $0.shift.end.description },
        .init("days") { $0.days.description },
        .init("phone", .phone) { $0.phone },
    ]

    public static func read(_ cells: inout CellReader) -> Courier? {
        let id = cells.required("id")
        let name = cells.required("name")
        let canteenID = cells.required("canteen_id")
        let vehicle: VehicleKind? = cells.enumeration("vehicle", default: nil)
        let capacity = cells.int("capacity", in: Courier.capacityRange, outOfRange: Courier.capacityError)
        let start = cells.value("shift_start", default: nil, "HH:MM") { try TimeOfDay(parsing: $0) }
        let end = cells.value("shift_end", default: nil, "HH:MM") { try TimeOfDay(parsing: $0) }
        let days = cells.value("days", default: .everyDay, "digits 1-7") { try Weekdays(parsing: $0) }
        let phone = cells.phone("phone")
        if let start, let end, start >= end {
            cells.report("shift_end", "the shift must end after it starts at \(start)", value: end.description)
        }
        return cells.build {
            try Courier(id: CourierID(id!), name: name!, canteenID: CanteenID(canteenID!), vehicle: vehicle!, capacity: capacity!,
                        shift: TimeWindow(start: start!, end: end!), days: days!, phone: phone)
        }
    }
}

extension Diner: InterchangeRecord {
    public static let fileKind = "diners"

    public static let columns: [InterchangeColumn<Diner>] = [
        .init("id", required: true) { $0.id.rawValue },
        .init("name", required: true, .text) { $0.name },
        .init("community", .text) { $0.community },
        .init("grid", .text) { $0.grid },
        .init("lat", required: true, .number) { "\($0.location.latitude)" },
        .init("lon", required: true, .number) { "\($0.location.longitude)" },
        .init("address", .text) { $0.address },
        .init("phone", .phone) { $0.phone },
        .init("birth_year", .number) { $0.birthYear.map(String.init) ?? "" },
        .init("mobility") { $0.mobility.rawValue },
        .init("mode") { $0.mode.rawValue },
        .init("diets") { DietTag.format($0.diets) },
        .init("allergies", .text) { $0.allergies },
        .init("priority", .number) { "\($0.priority.rawValue)" },
        .init("tags", .text) { $0.tags.joined(separator: ";") },
        .init("days") { $0.days.description },
        .init("window") { $0.window?.description ?? "" },
        .init("preferred_canteen") { $0.preferredCanteenID?.rawValue ?? "" },
        .init("status") { $0.status.rawValue },
        .init("emergency_contact", .phone) { $0.emergencyContact },
    ]

    public static func read(_ cells: inout CellReader) -> Diner? {
        let id = cells.required("id")
        let name = cells.required("name")
        let lat = cells.coordinate("lat", limit: 90)
        let lon = cells.coordinate("lon", limit: 180)
        let birthYear: Int?? = cells.value("birth_year", default: .some(nil), "a year such as 1942") { text -> Int?? in
            Int(text).map { .some($0) }
        }
        let mobility = cells.enumeration("mobility", default: Mobility.independent)
        let mode = cells.enumeration("mode", default: ServicePreference.auto)
        let diets = cells.value("diets", default: [], "diet tags") { try DietTag.parseList($0, field: "diets") }
        let priority = cells.value("priority", default: Priority.normal, "0 (normal), 1 (elevated) or 2 (high)") {
            Int($0).flatMap(Priority.init(rawValue:))
        }
        let days = cells.value("days", default: .everyDay, "digits 1-7") { try Weekdays(parsing: $0) }
        let window: TimeWindow?? = cells.value("window", default: .some(nil), "HH:MM-HH:MM") { text -> TimeWindow?? in
            try TimeWindow(parsing: text)
        }
        let status = cells.enumeration("status", default: DinerStatus.active)
        let preferred = cells.text("preferred_canteen")
        let tags = cells.text("tags").split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        let community = cells.text("community"), grid = cells.text("grid"), address = cells.text("address")
        let phone = cells.phone("phone"), allergies = cells.text("allergies")
        let emergency = cells.text("emergency_contact")
        return cells.build {
            try Diner(id: DinerID(id!), name: name!, community: community, grid: grid,
                      location: GeoPoint(latitude: lat!, longitude: lon!), address: address, phone: phone,
                      birthYear: birthYear!, mobility: mobility!, mode: mode!, diets: diets!, allergies: allergies,
                      priority: priority!, tags: tags, days: days!, window: window!,
                      preferredCanteenID: preferred.isEmpty ? nil : CanteenID(preferred), status: status!,
                      emergencyContact: emergency)
        }
    }
}
