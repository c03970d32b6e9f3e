import XCTest
@testable import MealCore
import MealRouting

final class DistrictGeneratorTests: XCTestCase {
    /// Generated once per process: the presets are pure functions of their configuration.
    private static let yuehu = DistrictGenerator(.yuehu).generate()

    // MARK: Determinism

    func testSameSeedGivesIdenticalDistrict() {
        let again = DistrictGenerator(.yuehu).generate()
        // District is Hashable over every stored value, so == compares each field of each record.
        XCTAssertEqual(again, Self.yuehu)
        XCTAssertEqual(again.canteens.map(\.location), Self.yuehu.canteens.map(\.location))
        XCTAssertEqual(again.diners.map(\.emergencyContact), Self.yuehu.diners.map(\.emergencyContact))
    }

    func testDifferentSeedsDiffer() {
        var configuration = DistrictGenerator.Configuration.yuehu
        configuration.seed &+= 1
        let other = DistrictGenerator(configuration).generate()
        XCTAssertEqual(other.canteens.count, Self.yuehu.canteens.count)
        XCTAssertNotEqual(other.canteens.map(\.location), Self.yuehu.canteens.map(\.location))
        XCTAssertNotEqual(other.diners.map(\.name), Self.yuehu.diners.map(\.name))
    }

    func testSeededGeneratorIsReproducibleAndSeparatesStreams() {
        var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42)
        var otherStream = SeededGenerator(seed: 42, stream: 1)
        let a = (0..<16).map { _ in first.next() }
        XCTAssertEqual(a, (0..<16).map { _ in second.next() })
        XCTAssertNotEqual(a, (0..<16).map { _ in otherStream.next() })
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            XCTAssert((0..<1).contains(rng.unit()))
            XCTAssert((3...9).contains(rng.int(3...9)))
        }
    }

    // MARK: The bundled Yuehu set

    func testYuehuCounts() {
        let district = Self.yuehu
        XCTAssertEqual(district.canteens.count, 48)
        XCTAssertEqual(district.diners.count, 2_000)
        let eaters = district.diners(eatingOnISOWeekday: 3)
        XCTAssert((1_650...1_950).contains(eaters.count), "weekday eaters: \(eaters.count)")
        XCTAssertEqual(eaters.count, district.diners.filter { $0.status == .active && $0.days.contains(3) }.count)
    }

    /// Delivery need, approximated independently of the generator: bedridden, or asked for
    /// delivery, or `auto` and more than 750 m of walking (great circle × 1.3) from every canteen.
    func testDeliveryShareOfWeekdayEaters() {
        let district = Self.yuehu
        let eaters = district.diners(eatingOnISOWeekday: 3)
        let needingDelivery = eaters.filter { diner in
            if diner.mobility == .bedridden || diner.mode == .delivery { return true }
            guard diner.mode == .auto else { return false }
            let nearest = district.canteens.map { $0.location.greatCircleMetres(to: diner.location) }.min()!
            return nearest * 1.3 > 750
        }
        let share = Double(needingDelivery.count) / Double(eaters.count)
        XCTAssert((0.20...0.30).contains(share), "delivery share \(share)")
    }

    func testMostDinersLiveNearACanteenButSomeDoNot() {
        let district = Self.yuehu
        let nearest = district.diners.map { diner in
            district.canteens.map { $0.location.greatCircleMetres(to: diner.location) }.min()!
        }
        let withinOneKm = nearest.filter { $0 <= 1_000 }.count
        XCTAssertGreaterThan(Double(withinOneKm) / Double(nearest.count), 0.9)
        // Beyond a 15-minute walk (900 m at 1 m/s, ÷ 1.3 circuity) there must be some.
        XCTAssertGreaterThan(nearest.filter { $0 * 1.3 > 900 }.count, 40)
        // And a handful beyond any plausible delivery radius.
        let remote = nearest.filter { $0 > 5_000 }.count
        XCTAssert((3...40).contains(remote), "remote diners: \(remote)")
    }

    func testReferencesResolve() {
        let district = Self.yuehu
        let canteenIDs = Set(district.canteens.map(\.id))
        XCTAssertFalse(district.couriers.isEmpty)
        for courier in district.couriers {
            XCTAssert(canteenIDs.contains(courier.canteenID), "\(courier.id) → \(courier.canteenID)")
        }
        let preferred = district.diners.compactMap(\.preferredCanteenID)
        XCTAssert((0.5...0.7).contains(Double(preferred.count) / Double(district.diners.count)))
        for id in preferred { XCTAssert(canteenIDs.contains(id), "\(id)") }
        // The preferred canteen is in the diner's own community.
        let communityOfCanteen = Dictionary(uniqueKeysWithValues: district.canteens.map { ($0.id, $0.community) })
        for diner in district.diners {
            if let id = diner.preferredCanteenID { XCTAssertEqual(communityOfCanteen[id], diner.community) }
        }
    }

    func testIdsAreUniqueAndFollowTheScheme() {
        let district = Self.yuehu
        XCTAssertEqual(district.canteens.map(\.id.rawValue), (1...48).map { "C" + padded($0, 2) })
        XCTAssertEqual(district.couriers.map(\.id.rawValue), (1...district.couriers.count).map { "K" + padded($0, 3) })
        XCTAssertEqual(district.diners.map(\.id.rawValue), (1...2_000).map { "D" + padded($0, 5) })
        XCTAssertEqual(Set(district.canteens.map(\.name)).count, 48, "canteen names are unique")
    }

    func testNamesAreChinese() {
        let district = Self.yuehu
        let names = district.canteens.map(\.name) + district.couriers.map(\.name) + district.diners.map(\.name)
            + district.canteens.map(\.community) + district.diners.map(\.community)
        for name in names {
            XCTAssertFalse(name.isEmpty)
            XCTAssert(name.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }, name)
        }
        for diner in district.diners {
            XCTAssert((2...3).contains(diner.name.count), diner.name)
            XCTAssert(diner.address.hasPrefix("月湖区" + diner.community), diner.address)
            XCTAssert(diner.grid.hasPrefix(YuehuGeography.shortName(diner.community) + "-"), diner.grid)
        }
    }

    func testPhoneNumbersLookReal() {
        let district = Self.yuehu
        let mobile = /^1[3589]\d{9}$/
        let landline = /^0701-\d{7}$/
        for courier in district.couriers { XCTAssertNotNil(courier.phone.wholeMatch(of: mobile), courier.phone) }
        for canteen in district.canteens { XCTAssertNotNil(canteen.phone.wholeMatch(of: landline), canteen.phone) }
        for diner in district.diners where !diner.phone.isEmpty {
            XCTAssert(diner.phone.wholeMatch(of: mobile) != nil || diner.phone.wholeMatch(of: landline) != nil, diner.phone)
        }
        XCTAssert(district.diners.contains { $0.phone.isEmpty })
        let contact = /^\p{Han}{2,3} \p{Han}{2,3} 1[3589]\d{9}$/
        for diner in district.diners where !diner.emergencyContact.isEmpty {
            XCTAssertNotNil(diner.emergencyContact.wholeMatch(of: contact), diner.emergencyContact)
        }
    }

    func testCanteensMatchTheirKind() {
        let district = Self.yuehu
        var halal = 0
        for canteen in district.canteens {
            XCTAssert(canteen.diets.contains(.regular))
            if canteen.diets.contains(.halal) { halal += 1 }
            if canteen.name.hasSuffix("长者食堂") {
                XCTAssert((30...80).contains(canteen.seats), "\(canteen.id) seats \(canteen.seats)")
                XCTAssertEqual(canteen.sittings.count, 2)
                XCTAssert((80...200).contains(canteen.kitchenCapacity))
            } else {
                XCTAssert(canteen.name.hasSuffix("幸福食堂"), canteen.name)
                XCTAssert((12...30).contains(canteen.seats))
                XCTAssertEqual(canteen.sittings.count, 1)
                XCTAssert((30...70).contains(canteen.kitchenCapacity))
            }
            XCTAssertLessThan(canteen.location.greatCircleMetres(
                to: try! GeoPoint(latitude: 28.24, longitude: 117.03)), 15_000)
        }
        XCTAssert((1...6).contains(halal))
        XCTAssert(district.canteens.contains { $0.openDays.description == "123456" })
        XCTAssertGreaterThanOrEqual(Set(district.canteens.map(\.community)).count, 12)
    }

    /// Delivery capacity is sized to demand: every canteen's couriers together carry at least
    /// its own weekday delivery demand in one trip, or the canteen has its maximum fleet.
    func testCourierFleetsMatchDemand() {
        let district = Self.yuehu
        let ruralCanteens = Set(district.canteens.filter { $0.name.hasSuffix("幸福食堂") }.map(\.id))
        var demand: [CanteenID: Int] = [:]
        for diner in district.diners(eatingOnISOWeekday: 3) {
            guard let id = diner.preferredCanteenID, diner.mobility == .bedridden || diner.mode == .delivery else { continue }
            demand[id, default: 0] += 1
        }
        for canteen in district.canteens {
            let fleet = district.couriers.filter { $0.canteenID == canteen.id }
            let limit = ruralCanteens.contains(canteen.id) ? 2 : 4
            XCTAssert((1...limit).contains(fleet.count), "\(canteen.id) has \(fleet.count) couriers")
            let capacity = fleet.reduce(0) { $0 + $1.capacity }
            XCTAssert(capacity >= demand[canteen.id, default: 0] || fleet.count == limit,
                      "\(canteen.id): capacity \(capacity) for demand \(demand[canteen.id, default: 0])")
            for courier in fleet {
                let range: ClosedRange<Int> = switch courier.vehicle {
                case .walk: 4...6
                case .bicycle: 6...8
                case .ebike: 8...12
                case .tricycle: 12...20
                case .car: 20...30
                }
                XCTAssert(range.contains(courier.capacity))
                if courier.vehicle == .car { XCTAssert(ruralCanteens.contains(canteen.id)) }
            }
        }
        let ebikes = district.couriers.filter { $0.vehicle == .ebike }.count
        XCTAssertEqual(VehicleKind.allCases.max { a, b in
            district.couriers.filter { $0.vehicle == a }.count < district.couriers.filter { $0.vehicle == b }.count
        }, .ebike, "ebikes (\(ebikes)) are the most common vehicle")
    }

    func testDinerMixesAreRealistic() {
        let diners = Self.yuehu.diners
        func share(_ predicate: (Diner) -> Bool) -> Double {
            Double(diners.filter(predicate).count) / Double(diners.count)
        }
        XCTAssertEqual(share { $0.mobility == .independent }, 0.70, accuracy: 0.04)
        XCTAssertEqual(share { $0.mobility == .bedridden }, 0.10, accuracy: 0.025)
        XCTAssertEqual(share { $0.diets.contains(.lowSalt) }, 0.30, accuracy: 0.04)
        XCTAssertEqual(share { $0.diets.contains(.diabetic) }, 0.15, accuracy: 0.03)
        XCTAssertEqual(share { $0.priority == .normal }, 0.60, accuracy: 0.05)
        XCTAssertEqual(share { $0.priority == .elevated }, 0.30, accuracy: 0.05)
        XCTAssertEqual(share { $0.priority == .high }, 0.10, accuracy: 0.03)
        XCTAssertEqual(share { $0.livesAlone }, 0.25, accuracy: 0.04)
        XCTAssertEqual(share { $0.status == .active }, 0.955, accuracy: 0.02)
        XCTAssert(diners.contains { $0.status == .deceased })
        XCTAssert(diners.contains { !$0.allergies.isEmpty })
        XCTAssert(diners.contains { $0.window != nil })
        XCTAssert(diners.contains { $0.days.description == "135" })
        XCTAssert(diners.contains { $0.days.description == "246" })
        for diner in diners {
            XCTAssert((1930...1965).contains(diner.birthYear!))
            XCTAssertEqual(diner.tags.contains("age80"), diner.birthYear! <= 1946)
            if diner.mobility == .bedridden { XCTAssert(diner.mode == .auto || diner.mode == .delivery) }
        }
        // Priority follows need.
        func highShare(_ mobility: Mobility) -> Double {
            let group = diners.filter { $0.mobility == mobility }
            return Double(group.filter { $0.priority == .high }.count) / Double(group.count)
        }
        XCTAssertGreaterThan(highShare(.bedridden), 2 * highShare(.independent))
    }

    // MARK: Other presets

    func testRegistryContainsTheBundledSetAndFewEaters() {
        let registry = DistrictGenerator(.registry).generate()
        XCTAssertEqual(registry.diners.count, 30_760)
        XCTAssertEqual(Set(registry.diners.map(\.id)).count, 30_760)
        let eaters = registry.diners(eatingOnISOWeekday: 3).count
        XCTAssert((1_650...2_100).contains(eaters), "registry weekday eaters: \(eaters)")
        XCTAssertEqual(registry.canteens, Self.yuehu.canteens)
        XCTAssertEqual(registry.couriers, Self.yuehu.couriers)
        XCTAssertEqual(Array(registry.diners.prefix(2_000)), Self.yuehu.diners)
        let unsubscribed = registry.diners.dropFirst(2_000)
        XCTAssertGreaterThan(Double(unsubscribed.filter { $0.status == .paused }.count) / Double(unsubscribed.count), 0.9)
        XCTAssertEqual(registry.diners.last?.id, "D30760")
    }

    func testCityPreset() {
        let city = DistrictGenerator(.city).generate()
        XCTAssertEqual(city.canteens.count, 500)
        XCTAssertEqual(city.canteens.first?.id, "C001")
        XCTAssertEqual(city.diners.first?.id, "D000001")
        XCTAssertEqual(Set(city.canteens.map(\.id)).count, 500)
        XCTAssertEqual(Set(city.canteens.map(\.name)).count, 500)
        let eaters = city.diners(eatingOnISOWeekday: 3).count
        XCTAssert((18_000...22_000).contains(eaters), "city weekday eaters: \(eaters)")
        let canteenIDs = Set(city.canteens.map(\.id))
        XCTAssert(city.couriers.allSatisfy { canteenIDs.contains($0.canteenID) })
        XCTAssertEqual(Set(city.diners.map(\.community)).count, 150)
        // Spread over a city, not one district: canteens farther than 20 km from Yuehu's centre.
        let centre = try! GeoPoint(latitude: 28.24, longitude: 117.03)
        XCTAssertGreaterThan(city.canteens.filter { $0.location.greatCircleMetres(to: centre) > 20_000 }.count, 250)
    }

    func testSmallConfigurationsStayValid() {
        for canteens in [1, 5, 15, 16] {
            let district = DistrictGenerator(.init(seed: 9, diners: 40, canteens: canteens)).generate()
            XCTAssertEqual(district.canteens.count, canteens)
            XCTAssertEqual(district.diners.count, 40)
            XCTAssertEqual(Set(district.canteens.map(\.name)).count, canteens)
            XCTAssert(district.couriers.count >= canteens)
        }
    }
}
