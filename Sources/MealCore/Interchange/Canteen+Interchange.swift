extension Canteen: InterchangeRecord {
    public static let fileKind = "canteens"

    public static let columns: [InterchangeColumn<Canteen>] = [
        .init("id", ["编号", "食堂编号"], required: true) { $0.id.rawValue },
        .init("name", ["名称", "食堂名称"], required: true, .text) { $0.name },
        .init("community", ["社区"], .text) { $0.community },
        .init("lat", ["纬度"], required: true, .number) { "\($0.location.latitude)" },
        .init("lon", ["经度"], required: true, .number) { "\($0.location.longitude)" },
        .init("seats", ["座位数"], .number) { "\($0.seats)" },
        .init("sittings", ["用餐时段", "场次"]) { $0.sittings.map(\.description).joined(separator: ";") },
        .init("kitchen_capacity", ["厨房容量"], required: true, .number) { "\($0.kitchenCapacity)" },
        .init("diets", ["饮食", "餐型"]) { DietTag.format($0.diets) },
        .init("open_days", ["营业日"]) { $0.openDays.description },
        .init("phone", ["电话"], .phone) { $0.phone },
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
        let openDays = cells.value("open_days", default: .everyDay, "digits 1-7, 每天 or 周一至周五") { try Weekdays(parsing: $0) }
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
        .init("id", ["编号", "骑手编号", "送餐员编号"], required: true) { $0.id.rawValue },
        .init("name", ["姓名", "骑手", "送餐员"], required: true, .text) { $0.name },
        .init("canteen_id", ["食堂编号", "所属食堂"], required: true) { $0.canteenID.rawValue },
        .init("vehicle", ["交通工具"], required: true) { $0.vehicle.rawValue },
        .init("capacity", ["载餐量", "容量"], required: true, .number) { "\($0.capacity)" },
        .init("shift_start", ["上班时间"], required: true) { $0.shift.start.description },
        .init("shift_end", ["下班时间"], required: true) { $0.shift.end.description },
        .init("days", ["出勤日"]) { $0.days.description },
        .init("phone", ["电话"], .phone) { $0.phone },
    ]

    public static func read(_ cells: inout CellReader) -> Courier? {
        let id = cells.required("id")
        let name = cells.required("name")
        let canteenID = cells.required("canteen_id")
        let vehicle: VehicleKind? = cells.choice("vehicle", default: nil)
        let capacity = cells.int("capacity", in: Courier.capacityRange, outOfRange: Courier.capacityError)
        let start = cells.value("shift_start", default: nil, "HH:MM") { try TimeOfDay(parsing: $0) }
        let end = cells.value("shift_end", default: nil, "HH:MM") { try TimeOfDay(parsing: $0) }
        let days = cells.value("days", default: .everyDay, "digits 1-7, 每天 or 周一至周五") { try Weekdays(parsing: $0) }
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
        .init("id", ["编号", "老人编号"], required: true) { $0.id.rawValue },
        .init("name", ["姓名"], required: true, .text) { $0.name },
        .init("community", ["社区"], .text) { $0.community },
        .init("grid", ["网格"], .text) { $0.grid },
        .init("lat", ["纬度"], required: true, .number) { "\($0.location.latitude)" },
        .init("lon", ["经度"], required: true, .number) { "\($0.location.longitude)" },
        .init("address", ["地址"], .text) { $0.address },
        .init("phone", ["电话"], .phone) { $0.phone },
        .init("birth_year", ["出生年份"], .number) { $0.birthYear.map(String.init) ?? "" },
        .init("mobility", ["行动能力"]) { $0.mobility.rawValue },
        .init("mode", ["就餐方式"]) { $0.mode.rawValue },
        .init("diets", ["饮食"]) { DietTag.format($0.diets) },
        .init("allergies", ["过敏"], .text) { $0.allergies },
        .init("priority", ["优先级"], .number) { "\($0.priority.rawValue)" },
        .init("tags", ["标签"], .text) { $0.tags.joined(separator: ";") },
        .init("days", ["就餐日"]) { $0.days.description },
        .init("window", ["送餐时段"]) { $0.window?.description ?? "" },
        .init("preferred_canteen", ["常去食堂"]) { $0.preferredCanteenID?.rawValue ?? "" },
        .init("status", ["状态"]) { $0.status.rawValue },
        .init("emergency_contact", ["紧急联系人"], .phone) { $0.emergencyContact },
    ]

    public static func read(_ cells: inout CellReader) -> Diner? {
        let id = cells.required("id")
        let name = cells.required("name")
        let lat = cells.coordinate("lat", limit: 90)
        let lon = cells.coordinate("lon", limit: 180)
        let birthYear: Int?? = cells.value("birth_year", default: .some(nil), "a year such as 1942") { text -> Int?? in
            Int(text).map { .some($0) }
        }
        let mobility = cells.choice("mobility", default: Mobility.independent)
        let mode = cells.choice("mode", default: ServicePreference.auto)
        let diets = cells.value("diets", default: [], "diet tags") { try DietTag.parseList($0, field: "diets") }
        let priority = cells.value("priority", default: Priority.normal, "0 (normal), 1 (elevated) or 2 (high)") {
            Int($0).flatMap(Priority.init(rawValue:))
        }
        let days = cells.value("days", default: .everyDay, "digits 1-7, 每天 or 周一至周五") { try Weekdays(parsing: $0) }
        let window: TimeWindow?? = cells.value("window", default: .some(nil), "HH:MM-HH:MM") { text -> TimeWindow?? in
            try TimeWindow(parsing: text)
        }
        let status = cells.choice("status", default: DinerStatus.active)
        let preferred = cells.text("preferred_canteen")
        let tags = cells.text("tags").split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        let community = cells.text("community"), grid = cells.text("grid"), address = cells.text("address")
        let phone = cells.phone("phone"), allergies = cells.text("allergies")
        let emergency = cells.contactText("emergency_contact")
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
