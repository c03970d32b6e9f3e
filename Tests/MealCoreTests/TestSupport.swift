import Foundation
import GRDB
@testable import MealCore

/// The database content as text: equal dumps mean nothing was written.
func tableDump(_ database: AppDatabase) throws -> String {
    try database.contentSnapshot()
}

let canteensCSV = """
id,name,community,lat,lon,seats,sittings,kitchen_capacity,diets,open_days,phone
C01,江边街道长者食堂,江边街道,28.2401,117.0312,40,11:00-11:45;11:45-12:30,120,low_salt;diabetic;soft,1234567,0701-6221234
C02,夏埠乡幸福食堂,夏埠乡,28.2101,117.0012,20,11:00-12:00,40,,123456,13812345678

"""

let couriersCSV = """
id,name,canteen_id,vehicle,capacity,shift_start,shift_end,days,phone
K001,张建国,C01,ebike,10,10:30,13:30,12345,13912345678
K002,李志华,C02,tricycle,16,10:30,13:00,,

"""

let dinersCSV = """
id,name,community,grid,lat,lon,address,phone,birth_year,mobility,mode,diets,allergies,priority,tags,days,window,preferred_canteen,status,emergency_contact
D00001,王秀英,江边街道,江边-01,28.2405,117.0320,"月湖区江边街道滨江路12号, 3栋201",13812345678,1941,walker,auto,low_salt;soft,花生,2,alone;age80,1234567,11:00-12:00,C01,active,儿子 王军 13900001111
D00002,李桂兰,夏埠乡,夏埠-02,28.2110,117.0020,夏埠乡前村8号,,1950,bedridden,delivery,,,1,low_income,135,,,active,

"""

func importAll(into database: AppDatabase) throws {
    _ = try RegistryImport.importBytes(Canteen.self, bytes: Array(canteensCSV.utf8), fileName: "canteens.csv", into: database)
    _ = try RegistryImport.importBytes(Courier.self, bytes: Array(couriersCSV.utf8), fileName: "couriers.csv", into: database)
    _ = try RegistryImport.importBytes(Diner.self, bytes: Array(dinersCSV.utf8), fileName: "diners.csv", into: database)
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mealtests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
