import MealRouting

/// Name and phone material for the fixture: people, relatives, places and numbers that look
/// like those in a Jiangxi district register.
enum ChineseNames {
    /// Common surnames with rough relative frequencies (the big five dominate, as they do).
    static let surnames: [(String, Double)] = [
        ("王", 7.2), ("李", 7.0), ("张", 6.8), ("刘", 5.4), ("陈", 5.0), ("杨", 3.1), ("黄", 2.6),
        ("赵", 2.3), ("吴", 2.2), ("周", 2.1), ("徐", 1.7), ("孙", 1.5), ("马", 1.4), ("朱", 1.3),
        ("胡", 1.3), ("郭", 1.2), ("何", 1.2), ("高", 1.1), ("林", 1.1), ("罗", 1.0), ("郑", 1.0),
        ("梁", 0.9), ("谢", 0.9), ("宋", 0.8), ("唐", 0.8), ("许", 0.7), ("韩", 0.7), ("冯", 0.7),
        ("邓", 0.7), ("曹", 0.6), ("彭", 0.6), ("曾", 0.6), ("肖", 0.6), ("田", 0.5), ("董", 0.5),
        ("袁", 0.5), ("潘", 0.5), ("于", 0.5), ("蒋", 0.5), ("蔡", 0.5), ("余", 0.5), ("杜", 0.4),
        ("叶", 0.4), ("程", 0.4), ("苏", 0.4), ("魏", 0.4), ("吕", 0.4), ("丁", 0.4), ("任", 0.4),
        ("沈", 0.4), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3), ("钟", 0.3), ("谭", 0.3),
        ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("邹", 0.3), ("熊", 0.3), ("桂", 0.2), ("龚", 0.2),
    ]

    /// Given names common for women born 1930–1965.
    static let elderWomen = [
        "秀英", "桂兰", "玉兰", "淑珍", "秀兰", "桂英", "玉珍", "凤英", "秀珍", "玉梅", "兰英", "冬梅",
        "素珍", "金凤", "翠兰", "春兰", "菊英", "月娥", "美英", "淑英", "桂芳", "秀芳", "爱华", "丽华",
        "凤兰", "秀云", "桂珍", "玉芳", "金花", "莲英", "荷花", "细妹", "满秀", "梅英", "招娣", "水英",
        "红英", "金莲", "兰芳", "芳", "英", "兰",
    ]

    /// Given names common for men born 1930–1965.
    static let elderMen = [
        "建国", "志华", "德明", "国华", "建华", "国强", "永康", "建军", "德华", "明华", "振华", "国庆",
        "解放", "援朝", "卫东", "保国", "长生", "福生", "水生", "根生", "金生", "来福", "德胜", "春生",
        "有才", "国平", "家明", "文华", "志明", "永福", "火生", "冬生", "桂生", "明", "华", "军",
        "国良", "荣华", "学文", "光明",
    ]

    /// Given names of the children and grandchildren generation (born 1960–1995).
    static let youngerMen = [
        "军", "伟", "强", "磊", "勇", "建平", "志强", "晓东", "文斌", "海涛", "小军", "伟华", "俊", "斌",
        "洪波", "志勇", "小平", "亚军", "鹏", "涛", "建明", "国栋",
    ]
    static let youngerWomen = [
        "芳", "丽", "敏", "静", "红梅", "海燕", "小红", "丽萍", "春燕", "丽娟", "娟", "燕", "琴", "卫红",
        "雪梅", "冬梅", "晓华", "艳", "霞", "慧", "秀梅", "桂香",
    ]

    /// Relations recorded as emergency contacts; children share the diner's surname.
    static let kinRelations: [(String, Double)] = [
        ("儿子", 38), ("女儿", 30), ("儿媳", 6), ("女婿", 4), ("孙子", 5), ("孙女", 4), ("侄子", 4),
        ("外甥女", 2),
    ]
    /// Relations that name a woman, so the contact gets a woman's given name.
    static let femaleRelations: Set<String> = ["女儿", "儿媳", "孙女", "外甥女"]
    /// Relations that carry the diner's surname (children of a son, as is customary).
    static let surnameRelations: Set<String> = ["儿子", "女儿", "孙子", "孙女", "侄子"]
    static let otherRelations: [(String, Double)] = [("邻居", 4), ("网格员", 3)]

    /// The common allergies canteens are told about; `、` keeps the value free of CSV separators.
    static let allergies = ["花生", "海鲜", "鸡蛋", "牛奶", "芒果", "虾", "花生、海鲜", "鱼"]

    /// Mobile prefixes of the three carriers (13x, 15x, 18x, 19x families).
    static let mobilePrefixes = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
        "153", "155", "156", "157", "158", "159", "180", "181", "182", "183", "185", "186", "187",
        "188", "189", "191", "193", "195", "198", "199",
    ]

    static func surname(_ rng: inout SeededGenerator) -> String { rng.weighted(surnames) }

    static func elderName(female: Bool, _ rng: inout SeededGenerator) -> String {
        surname(&rng) + rng.pick(female ? elderWomen : elderMen)
    }

    static func youngerName(surname: String, female: Bool, _ rng: inout SeededGenerator) -> String {
        surname + rng.pick(female ? youngerWomen : youngerMen)
    }

    /// An 11-digit mobile number.
    static func mobile(_ rng: inout SeededGenerator) -> String {
        rng.pick(mobilePrefixes) + digits(8, &rng)
    }

    /// A Yingtan landline (area code 0701, seven-digit local number starting with 6).
    static func landline(_ rng: inout SeededGenerator) -> String {
        "0701-6" + digits(6, &rng)
    }

    static func digits(_ count: Int, _ rng: inout SeededGenerator) -> String {
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + rng.int(0...9))))) }
        return text
    }

    /// Chinese numerals for village groups (村民小组), as written on rural addresses.
    static let groupNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
}
