import Foundation

/// The places the fixture puts canteens and diners in: Yuehu district (月湖区) of Yingtan
/// (鹰潭), Jiangxi, and for the city preset nine more districts laid out around it.
///
/// Real place names are used where they exist, but positions are plausible rather than
/// surveyed: the layout only has to look like a town (a dense core of street offices and
/// sparser townships around it), not match a map.
enum YuehuGeography {
    /// Where the district's street offices cluster.
    static let centreLatitude = 28.24
    static let centreLongitude = 117.03

    enum Kind: Sendable { case urban, rural }

    /// A street office (街道) or township (乡/镇) as a layout template.
    struct CommunityTemplate: Sendable {
        var name: String
        var kind: Kind
        /// Offset of its centre from the district centre, in kilometres east and north.
        var eastKm: Double
        var northKm: Double
        /// Share of the district's canteens (the Yuehu weights add up to its 48 canteens).
        var weight: Double
    }

    /// Yuehu's communities: ten urban street offices around the river and five townships.
    static let yuehu: [CommunityTemplate] = [
        .init(name: "江边街道", kind: .urban, eastKm: 0.5, northKm: 1.2, weight: 4),
        .init(name: "交通街道", kind: .urban, eastKm: -0.9, northKm: 0.3, weight: 4),
        .init(name: "东湖街道", kind: .urban, eastKm: 1.9, northKm: 0.2, weight: 4),
        .init(name: "梅园街道", kind: .urban, eastKm: 0.5, northKm: -1.1, weight: 4),
        .init(name: "站江街道", kind: .urban, eastKm: -2.0, northKm: -0.9, weight: 3),
        .init(name: "白露街道", kind: .urban, eastKm: 2.7, northKm: -1.7, weight: 3),
        .init(name: "四青街道", kind: .urban, eastKm: -0.7, northKm: -2.5, weight: 3),
        .init(name: "龙岗新区", kind: .urban, eastKm: 3.3, northKm: 1.7, weight: 3),
        .init(name: "信江新区", kind: .urban, eastKm: -2.9, northKm: 2.0, weight: 3),
        .init(name: "城南街道", kind: .urban, eastKm: 1.4, northKm: -3.3, weight: 3),
        .init(name: "夏埠乡", kind: .rural, eastKm: -7.5, northKm: 4.6, weight: 3),
        .init(name: "童家镇", kind: .rural, eastKm: 8.2, northKm: -5.0, weight: 3),
        .init(name: "罗河乡", kind: .rural, eastKm: -6.2, northKm: -6.6, weight: 3),
        .init(name: "塔桥镇", kind: .rural, eastKm: 9.0, northKm: 5.4, weight: 3),
        .init(name: "白塔乡", kind: .rural, eastKm: 2.1, northKm: -9.2, weight: 2),
    ]

    /// District names for the city preset; the first is always Yuehu itself.
    static let districtNames = [
        "月湖区", "余江区", "贵溪区", "信江区", "龙虎山区", "锦江区", "雄石区", "罗塘区", "白鹤区",
        "流口区", "塘湾区", "上清区",
    ]

    /// Street-office stems for districts other than Yuehu.
    static let urbanStems = [
        "锦江", "雄石", "东门", "西门", "南岭", "北岸", "新城", "中山", "人民", "解放", "建设", "胜利",
        "和平", "青山", "红旗", "湖滨", "桂花", "紫荆", "樟树", "白鹤", "花园", "文昌", "朝阳", "滨河",
        "新华", "育才", "金沙", "长安", "丰收", "光明",
    ]

    /// Township stems for districts other than Yuehu.
    static let ruralStems = [
        "中童", "邓埠", "潢溪", "杨溪", "马荃", "平定", "黄庄", "洪湖", "春涛", "刘垦", "塔桥", "彭湾",
        "金屯", "志光", "鸿塘", "耳口", "上清", "泗沥", "塘湾", "流口",
    ]

    /// Residents' committee (社区) names used to tell the canteens of one street office apart;
    /// none repeats a Yuehu street office, so "信江新区东湖社区" cannot be misread.
    static let neighbourhoodNames = [
        "滨江", "白鹭", "桃园", "龙湖", "站前", "翠湖", "丽园", "银湖", "华苑", "锦绣", "阳光", "幸福",
        "和谐", "工人", "铁路", "天竺", "沿江", "月湖", "南站", "天洁", "林荫", "湖西", "花园", "胜利",
    ]

    /// Village (村) names for townships.
    static let villageNames = [
        "下埠", "上塘", "何家", "李家", "桥头", "大坪", "田心", "港口", "塘背", "洲上", "枫林", "石港",
        "徐家", "新田", "上湾", "周坊", "黄泥", "夏家", "童家", "竹园", "王家", "高桥",
    ]

    /// Urban road names for street addresses.
    static let roadNames = [
        "滨江路", "胜利路", "解放路", "站江路", "梅园大道", "林荫路", "天洁路", "交通路", "建设路",
        "沿江北路", "环城南路", "信江西路", "龙岗大道", "湖西路", "民主路", "白露路", "四青路",
        "东湖路", "花园路", "五湖路", "应天路", "站前路", "团结路", "青年路",
    ]

    /// The community templates of district `index`: Yuehu's own list for index 0, and for the
    /// others ten street offices and five townships from the stem lists (rotated by district so
    /// neighbouring districts do not share names) on Yuehu's layout turned by a district angle.
    static func communities(ofDistrict index: Int) -> [CommunityTemplate] {
        guard index > 0 else { return yuehu }
        let angle = Double(index) * 0.7
        let cosine = cos(angle), sine = sin(angle)
        var urbanIndex = index * 7, ruralIndex = index * 3
        var templates: [CommunityTemplate] = []
        for (position, template) in yuehu.enumerated() {
            let name: String
            switch template.kind {
            case .urban:
                name = urbanStems[urbanIndex % urbanStems.count] + "街道"
                urbanIndex += 1
            case .rural:
                name = ruralStems[ruralIndex % ruralStems.count] + (position.isMultiple(of: 2) ? "镇" : "乡")
                ruralIndex += 1
            }
            templates.append(.init(name: name, kind: template.kind,
                                   eastKm: template.eastKm * cosine - template.northKm * sine,
                                   northKm: template.eastKm * sine + template.northKm * cosine,
                                   weight: template.weight))
        }
        return templates
    }

    /// The centre of district `index` in kilometres from Yuehu's centre: Yuehu in the middle and
    /// the others on rings around it, far enough apart that their townships barely touch.
    static func districtOffsetKm(_ index: Int) -> (east: Double, north: Double) {
        guard index > 0 else { return (0, 0) }
        let ring = (index - 1) / 9
        let slot = (index - 1) % 9
        let radius = 24.0 * Double(ring + 1)
        let angle = Double(slot) * 2 * Double.pi / 9 + Double(ring) * 0.35
        return (radius * cos(angle), radius * sin(angle))
    }

    /// The short form used in grid codes: "江边街道" → "江边", "夏埠乡" → "夏埠".
    static func shortName(_ community: String) -> String {
        for suffix in ["街道", "新区", "乡", "镇"] where community.hasSuffix(suffix) && community.count > suffix.count {
            return String(community.dropLast(suffix.count))
        }
        return community
    }

    /// Metres per degree at the district's latitude, for turning metre offsets into coordinates.
    static let metresPerDegreeLatitude = GeoPoint.earthRadiusMetres * Double.pi / 180
    static let metresPerDegreeLongitude = metresPerDegreeLatitude * cos(centreLatitude * Double.pi / 180)
}
