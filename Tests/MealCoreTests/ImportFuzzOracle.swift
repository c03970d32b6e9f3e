import Foundation
@testable import MealCore

/// What an import file says, read independently of the importer (its own decoding, its own CSV
/// parser, its own reading of each column), so the fuzz test can check that every field of every
/// record a successful import stored equals what the file's row said. It follows docs/formats.md:
/// encodings, RFC 4180 quoting, empty lines and rows of only commas skipped, the header trimmed
/// and its trailing empty headings dropped, Chinese headings and Chinese words read as the
/// columns and code words they stand for, cells trimmed of surrounding spaces after the formula
/// apostrophe is removed, empty optional cells defaulted.
/// It is written for files the importer accepted; what it cannot read it reports as a problem.
enum ImportOracle {
    /// How one column's cell is compared: text as it is, everything else by the value it means.
    enum CellRule {
        case text, decimal, weekdays, window, windows, time
        /// Phone numbers stored as digits (docs/formats.md, "Phone numbers").
        case phone
        case whole(default: String)
        case choice(default: String)
        /// A `;`-separated set, without the value every record has implicitly (`regular` diet).
        case set(dropping: String)
        /// A `;`-separated list in its order (tags).
        case list
    }

    /// The rule of every column of the three files (a name shared by two files means the same).
    static let rules: [String: CellRule] = [
        "id": .text, "name": .text, "community": .text, "grid": .text, "address": .text, "phone": .phone,
        "allergies": .text, "emergency_contact": .text, "preferred_canteen": .text, "canteen_id": .text,
        "lat": .decimal, "lon": .decimal, "birth_year": .whole(default: ""), "priority": .whole(default: "0"),
        "seats": .whole(default: "0"), "kitchen_capacity": .whole(default: ""), "capacity": .whole(default: ""),
        "mobility": .choice(default: "independent"), "mode": .choice(default: "auto"),
        "status": .choice(default: "active"), "vehicle": .choice(default: ""),
        "diets": .set(dropping: "regular"), "tags": .list, "days": .weekdays, "open_days": .weekdays,
        "window": .window, "sittings": .windows, "shift_start": .time, "shift_end": .time,
    ]

    /// The Chinese headings of docs/formats.md ("Files kept in Excel"), per file kind.
    static let headings: [String: [String: String]] = {
        let shared = ["社区": "community", "纬度": "lat", "经度": "lon", "电话": "phone", "饮食": "diets"]
        let canteens = ["编号": "id", "食堂编号": "id", "名称": "name", "食堂名称": "name", "座位数": "seats",
                        "用餐时段": "sittings", "场次": "sittings", "厨房容量": "kitchen_capacity", "餐型": "diets",
                        "营业日": "open_days"]
        let couriers = ["编号": "id", "骑手编号": "id", "送餐员编号": "id", "姓名": "name", "骑手": "name", "送餐员": "name",
                        "食堂编号": "canteen_id", "所属食堂": "canteen_id", "交通工具": "vehicle", "载餐量": "capacity",
                        "容量": "capacity", "上班时间": "shift_start", "下班时间": "shift_end", "出勤日": "days"]
        let diners = ["编号": "id", "老人编号": "id", "姓名": "name", "网格": "grid", "地址": "address",
                      "出生年份": "birth_year", "行动能力": "mobility", "就餐方式": "mode", "过敏": "allergies",
                      "优先级": "priority", "标签": "tags", "就餐日": "days", "送餐时段": "window",
                      "常去食堂": "preferred_canteen", "状态": "status", "紧急联系人": "emergency_contact"]
        let merge = { (own: [String: String]) in own.merging(shared) { first, _ in first } }
        return ["canteens": merge(canteens),
                "couriers": merge(couriers).filter { !["社区", "纬度", "经度", "饮食"].contains($0.key) },
                "diners": merge(diners)]
    }()

    /// The Chinese words of docs/formats.md for code words.
    static let words: [String: String] = [
        "自理": "independent", "助行器": "walker", "轮椅": "wheelchair", "卧床": "bedridden",
        "堂食": "dine_in", "送餐": "delivery", "自取": "pickup", "自动": "auto",
        "普通": "regular", "低盐": "low_salt", "糖尿病餐": "diabetic", "软食": "soft", "清真": "halal", "素食": "vegetarian",
        "在册": "active", "暂停": "paused", "住院": "hospitalized", "去世": "deceased",
        "步行": "walk", "自行车": "bicycle", "电动车": "ebike", "三轮车": "tricycle", "汽车": "car",
        "每天": "1234567", "周一至周五": "12345", "工作日": "12345",
    ]

    /// UTF-8 with a byte order mark, UTF-8, else GB18030; nil when none of them reads the bytes.
    static func decode(_ bytes: [UInt8]) -> (text: String, encoding: String)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(validating: bytes.dropFirst(3), as: UTF8.self).map { ($0, "UTF-8 with BOM") }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
        return (try? TextDecoding.decodeGB18030(bytes)).map { ($0, "gb18030") }
    }

    /// RFC 4180 records of `text`, completely empty lines skipped; nil when the quoting is broken.
    /// Works on the UTF-8 bytes (the delimiters are ASCII) so megabyte cells stay quick.
    static func records(_ text: String) -> [[String]]? {
        let bytes = Array(text.utf8)
        let (quote, comma, cr, lf): (UInt8, UInt8, UInt8, UInt8) = (0x22, 0x2C, 0x0D, 0x0A)
        var records: [[String]] = [], fields: [String] = [], field: [UInt8] = []
        var quoted = false, afterQuote = false, lineIsEmpty = true, index = 0
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field = []; afterQuote = false }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte != quote {
                    field.append(byte)
                } else if index < bytes.count && bytes[index] == quote {
                    field.append(quote)
                    index += 1
                } else {
                    quoted = false
                    afterQuote = true
                }
                continue
            }
            switch byte {
            case comma:
                endField()
                lineIsEmpty = false
            case cr, lf:
                if byte == cr && index < bytes.count && bytes[index] == lf { index += 1 }
                if !lineIsEmpty {
                    endField()
                    records.append(fields)
                }
                fields = []; field = []; lineIsEmpty = true; afterQuote = false
            case quote:
                guard field.isEmpty, !afterQuote else { return nil }
                quoted = true
                lineIsEmpty = false
            default:
                guard !afterQuote else { return nil }
                field.append(byte)
                lineIsEmpty = false
            }
        }
        if quoted { return nil }
        if !lineIsEmpty {
            endField()
            records.append(fields)
        }
        return records
    }

    /// The cell as the file means it: the formula apostrophe removed, then surrounding spaces.
    static func fileText(_ cell: String) -> String {
        var scalars = Substring(cell).unicodeScalars
        if let firstOther = scalars.firstIndex(where: { $0 != "'" }), firstOther != scalars.startIndex,
           "=+-@\t\r".unicodeScalars.contains(scalars[firstOther]) {
            scalars.removeFirst()
        }
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The value a cell means under `rule`, as comparable text; nil when the oracle cannot read it.
    static func value(_ rule: CellRule, _ text: String) -> String? {
        switch rule {
        case .text: return text
        case .decimal: return Double(text).map { "\($0)" }
        case let .whole(defaultValue): return text.isEmpty ? defaultValue : Int(text).map(String.init)
        case let .choice(defaultValue): return text.isEmpty ? defaultValue : words[text] ?? text
        case .weekdays:
            if text.isEmpty { return "1234567" }
            let text = words[text] ?? text
            guard text.unicodeScalars.allSatisfy({ ("1"..."7").contains($0) }) else { return nil }
            return String(Set(text).sorted())
        case let .set(dropping): return Set(setItems(text)).subtracting([dropping]).sorted().joined(separator: ";")
        case .list: return listItems(text).joined(separator: ";")
        case .time: return seconds(text).map(String.init)
        case .windows:
            let windows = listItems(text).map(window)
            guard windows.allSatisfy({ $0 != nil }) else { return nil }
            return windows.compactMap { $0 }.sorted { $0.start < $1.start }.map(\.text).joined(separator: ";")
        case .window: return text.isEmpty ? "" : window(text)?.text
        case .phone:
            let numbers = text.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { phoneDigits(String($0)) }
            return numbers.contains(nil) ? nil : numbers.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ";")
        }
    }

    /// One number as docs/formats.md says it is stored: its digits (full-width ones as ASCII),
    /// without a `+86`/`0086` prefix (a landline gets its trunk `0` back), another `+` kept.
    static func phoneDigits(_ text: String) -> String? {
        var digits = "", plus = false
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                digits += String(Int(value))
            } else if (scalar == "+" || scalar == "\u{FF0B}") && digits.isEmpty {
                plus = true
            } else if !" \u{A0}\u{3000}()（）-－‐‑–—−.．".unicodeScalars.contains(scalar) {
                return nil
            }
        }
        let prefix = plus ? "86" : "0086"
        if digits.hasPrefix(prefix) && digits.count - prefix.count >= 7 {
            let national = String(digits.dropFirst(prefix.count))
            return national.hasPrefix("0") || national.hasPrefix("1") ? national : "0" + national
        }
        return plus && !digits.isEmpty ? "+" + digits : digits
    }

    static func listItems(_ text: String) -> [String] {
        text.split(separator: ";").map { fileText(String($0)) }.filter { !$0.isEmpty }
    }

    /// Diet tags given by code word or Chinese word, as code words.
    static func setItems(_ text: String) -> [String] { listItems(text).map { words[$0] ?? $0 } }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` as seconds since midnight.
    static func seconds(_ text: String) -> Int? {
        let parts = fileText(text).split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ (1...2).contains($0.count) && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return parts.map { Int($0)! }.enumerated().reduce(0) { $0 + $1.element * [3600, 60, 1][$1.offset] }
    }

    static func window(_ text: String) -> (start: Int, text: String)? {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { seconds(String($0)) }
        guard ends.count == 2, let start = ends[0], let end = ends[1] else { return nil }
        return (start, "\(start)-\(end)")
    }
}

extension ImportOracle {
    /// What is wrong with a successful import of `bytes`: a stored record whose field differs from
    /// what its row said, a record the file did not name that changed or vanished, a summary whose
    /// encoding or row count is not the file's. Empty when the import did what the file said.
    static func problems<R: RegistryRecord>(importing bytes: [UInt8], as type: R.Type, summary: ImportSummary,
                                            before: [R], after: [R]) -> [String] {
        guard let (text, encoding) = decode(bytes) else { return ["imported, but the oracle cannot decode the bytes"] }
        guard let records = records(text), let headerRecord = records.first else {
            return ["imported, but the oracle finds no header or broken quoting"]
        }
        var problems: [String] = []
        if summary.encoding != encoding { problems.append("encoding reported as \(summary.encoding), the file is \(encoding)") }
        var header = headerRecord.map(fileText)
        while header.count > 1, header.last == "" { header.removeLast() }
        header = header.map { name in R.columns.contains { $0.name == name } ? name : headings[R.fileKind]?[name] ?? name }
        let rows = records.dropFirst().filter { !$0.allSatisfy(\.isEmpty) }
        if summary.rows != rows.count { problems.append("summary counts \(summary.rows) rows, the file has \(rows.count)") }
        let stored = Dictionary(after.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var named = Set<String>()
        for (number, row) in rows.enumerated() {
            let cells = Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first })
            let id = fileText(cells["id"] ?? "")
            named.insert(id)
            guard let record = stored[id] else { problems.append("row \(number + 1): no record with id '\(id)' stored"); continue }
            for column in R.columns {
                guard let rule = rules[column.name] else { problems.append("no oracle rule for \(column.name)"); continue }
                let said = value(rule, fileText(cells[column.name] ?? ""))
                let kept = value(rule, column.cell(of: record))
                if said == nil || said != kept {
                    problems.append("row \(number + 1) id \(id): column \(column.name) stored \(kept.debugDescription), "
                                    + "the file says \(said.debugDescription)")
                }
            }
        }
        let untouchedBefore = before.filter { !named.contains($0.id.rawValue) }
        for record in untouchedBefore where stored[record.id.rawValue] != record {
            problems.append("\(record.id) was not in the file but changed")
        }
        if after.count != untouchedBefore.count + named.count {
            problems.append("\(after.count) records stored, expected \(untouchedBefore.count + named.count)")
        }
        return problems
    }
}
