import Foundation
import XCTest

extension CLIRunner {
    /// A small district several command tests share: two canteens, two couriers of C1, two
    /// diners both called 王秀英 (one with an emergency contact), two deliveries and one diner far
    /// outside the circle; the registry imported into a new database, nothing planned yet.
    static func twoCanteenDistrict() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        try cli.write("canteens.csv", """
            id,name,community,lat,lon,seats,sittings,kitchen_capacity
            C1,江边长者食堂,江边街道,28.25,117.03,10,11:00-12:00,20
            C2,梅园长者食堂,梅园街道,28.253,117.033,10,11:00-12:00,20
            """)
        try cli.write("couriers.csv", """
            id,name,canteen_id,vehicle,capacity,shift_start,shift_end,phone
            K1,张建国,C1,ebike,8,10:30,13:30,139 1234 0001
            K2,李志华,C1,ebike,8,10:30,13:30,139 8765 0002
            """)
        try cli.write("diners.csv", """
            id,name,community,lat,lon,address,phone,mode,emergency_contact
            D1,王秀英,江边街道,28.2505,117.03,滨江路12号,13612340001,dine_in,儿子 王军 13900001111
            D2,李桂兰,江边街道,28.252,117.031,滨江路8号,13812345678,delivery,
            D3,赵德明,江边街道,28.2515,117.0305,滨江路3号,13512349999,delivery,
            D4,王秀英,梅园街道,28.2528,117.0328,梅园路5号,13700004321,dine_in,
            D5,钱多多,远山村,28.40,117.20,远山村1号,13300005555,dine_in,
            """)
        try cli.importRegistryFiles()
        return cli
    }
}
