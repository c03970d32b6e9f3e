import Foundation

/// A text encoding the CSV layer can read and write.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    /// GB18030-2005; a superset of GBK and GB2312, which is what Excel in
    /// mainland China writes when saving as "CSV".
    case gb18030 = "gb18030"
}

/// The result of decoding a file's bytes.
public struct DecodedText: Sendable, Equatable {
    /// The decoded text, without any byte order mark.
    public var text: String
    /// The encoding the bytes were found to be in.
    public var encoding: TextEncoding
    /// Whether the input started with a UTF-8 byte order mark (which was removed).
    public var hadByteOrderMark: Bool

    public init(text: String, encoding: TextEncoding, hadByteOrderMark: Bool) {
        self.text = text
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
    }
}

/// Where and why decoding failed. Offsets are 0-based byte offsets into the
/// original input (including any BOM); lines are 1-based.
public struct InvalidBytePosition: Sendable, Equatable, CustomStringConvertible {
    public var byteOffset: Int
    public var line: Int
    /// Up to four bytes starting at `byteOffset`, for the error message.
    public var bytes: [UInt8]
    /// True when the input ended in the middle of a multi-byte sequence.
    public var isTruncatedAtEnd: Bool

    public init(byteOffset: Int, line: Int, bytes: [UInt8], isTruncatedAtEnd: Bool) {
        self.byteOffset = byteOffset
        self.line = line
        self.bytes = bytes
        self.isTruncatedAtEnd = isTruncatedAtEnd
    }

    public var description: String {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        let what = isTruncatedAtEnd ? "truncated sequence at end of input" : "invalid byte sequence"
        return "\(what) [\(hex)] at byte offset \(byteOffset) (line \(line))"
    }
}

/// Errors thrown by ``TextDecoding``.
public enum TextDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are neither valid UTF-8 nor valid GB18030.
    case notUTF8OrGB18030(utf8: InvalidBytePosition, gb18030: InvalidBytePosition)
    /// The input starts with a UTF-8 byte order mark, so it declares itself
    /// UTF-8, but contains invalid UTF-8.
    case invalidUTF8AfterByteOrderMark(InvalidBytePosition)
    /// Bytes that were requested to be decoded as GB18030 are not valid GB18030.
    case invalidGB18030(InvalidBytePosition)
    /// The system converter (iconv) is unavailable or failed unexpectedly.
    case converterFailure(String)

    public var description: String {
        switch self {
        case let .notUTF8OrGB18030(utf8, gb18030):
            var message = "file is neither UTF-8 nor GB18030: UTF-8 \(utf8); GB18030 \(gb18030)"
            // Excel's "Unicode Text" export is UTF-16 with a BOM; name it so the user knows what to change.
            if utf8.byteOffset == 0 && (utf8.bytes.starts(with: [0xFF, 0xFE]) || utf8.bytes.starts(with: [0xFE, 0xFF])) {
                message += " (the file looks like UTF-16; save it as \"CSV UTF-8\" instead)"
            }
            return message
        case let .invalidUTF8AfterByteOrderMark(position):
            return "file starts with a UTF-8 byte order mark but is not valid UTF-8: \(position)"
        case let .invalidGB18030(position):
            return "not valid GB18030: \(position)"
        case let .converterFailure(message):
            return "text conversion failed: \(message)"
        }
    }
}

/// Decodes file contents with automatic detection of UTF-8 (with or without
/// BOM) versus GB18030/GBK, and encodes text to GB18030.
public enum TextDecoding {
    /// Decodes `bytes`: a UTF-8 BOM is stripped; valid UTF-8 is taken as
    /// UTF-8; otherwise GB18030 (which includes GBK) is tried.
    ///
    /// A file that starts with a UTF-8 BOM is never reinterpreted as GB18030:
    /// the BOM is an explicit declaration, and a damaged UTF-8 file of Chinese
    /// text usually happens to be valid GB18030, which would silently turn
    /// every name into mojibake.
    ///
    /// - Throws: ``TextDecodingError`` with the offset and line of the first
    ///   bad byte.
    public static func decode(_ bytes: [UInt8]) throws -> DecodedText {
        try bytes.withUnsafeBufferPointer { try decode(buffer: $0) }
    }

    /// Decodes `data` by the same rules as the `[UInt8]` overload.
    public static func decode(_ data: Data) throws -> DecodedText {
        try data.withUnsafeBytes { try decode(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    /// Decodes bytes that are known to be GB18030 (or GBK).
    /// - Throws: ``TextDecodingError/invalidGB18030(_:)`` for invalid or
    ///   truncated sequences; nothing is silently dropped or replaced.
    public static func decodeGB18030(_ bytes: [UInt8]) throws -> String {
        try bytes.withUnsafeBufferPointer { buffer in
            switch IconvConverter.convert(buffer, from: "GB18030", to: "UTF-8") {
            case let .success(utf8):
                return String(decoding: utf8, as: UTF8.self)
            case let .invalidInput(offset, truncated):
                throw TextDecodingError.invalidGB18030(
                    position(in: buffer, offset: offset, truncated: truncated, baseOffset: 0))
            case let .failure(message):
                throw TextDecodingError.converterFailure(message)
            }
        }
    }

    /// Encodes `text` as GB18030. Every Unicode scalar has a GB18030
    /// representation, so this only fails if the system converter does.
    public static func encodeGB18030(_ text: String) throws -> [UInt8] {
        var text = text
        return try text.withUTF8 { utf8 in
            switch IconvConverter.convert(utf8, from: "UTF-8", to: "GB18030") {
            case let .success(bytes):
                return bytes
            case let .invalidInput(offset, _):
                throw TextDecodingError.converterFailure(
                    "GB18030 encoder rejected input at UTF-8 byte offset \(offset)")
            case let .failure(message):
                throw TextDecodingError.converterFailure(message)
            }
        }
    }

    /// The offset of the first byte that does not start or continue a valid
    /// UTF-8 sequence (rejecting overlong forms, surrogates and values above
    /// U+10FFFF), or nil when all of `bytes` is valid UTF-8.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0)?.offset }
    }

    // MARK: - Implementation

    private static func decode(buffer: UnsafeBufferPointer<UInt8>) throws -> DecodedText {
        let (text, encoding, hasBOM) = try decode(buffer: buffer) { String(decoding: $0, as: UTF8.self) }
        return DecodedText(text: text, encoding: encoding, hadByteOrderMark: hasBOM)
    }

    /// Decodes `bytes` by the rules of `decode` into UTF-8 bytes, without making a string of the
    /// whole file (an import reads its cells out of the bytes).
    static func utf8Bytes(_ bytes: [UInt8]) throws -> (utf8: [UInt8], encoding: TextEncoding, hadByteOrderMark: Bool) {
        try bytes.withUnsafeBufferPointer { buffer in try decode(buffer: buffer) { Array($0) } }
    }

    /// The detection and decoding of `decode`; `make` turns the UTF-8 of the text into the result.
    private static func decode<Text>(buffer: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> Text)
        throws -> (Text, TextEncoding, Bool) {
        let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        let bodyStart = hasBOM ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: buffer[bodyStart...])

        guard let utf8Error = firstInvalidUTF8(in: body) else {
            return (make(body), .utf8, hasBOM)
        }
        let utf8Position = position(in: body, offset: utf8Error.offset, truncated: utf8Error.truncated,
                                    baseOffset: bodyStart)
        if hasBOM {
            throw TextDecodingError.invalidUTF8AfterByteOrderMark(utf8Position)
        }
        switch IconvConverter.convert(body, from: "GB18030", to: "UTF-8") {
        case let .success(utf8):
            return (utf8.withUnsafeBufferPointer(make), .gb18030, false)
        case let .invalidInput(offset, truncated):
            throw TextDecodingError.notUTF8OrGB18030(
                utf8: utf8Position,
                gb18030: position(in: body, offset: offset, truncated: truncated, baseOffset: bodyStart))
        case let .failure(message):
            throw TextDecodingError.converterFailure(message)
        }
    }

    /// Builds an error position. Lines are counted on LF and lone CR; neither
    /// byte can occur inside a multi-byte UTF-8 or GB18030 sequence, so
    /// counting raw bytes is correct for both encodings.
    private static func position(in buffer: UnsafeBufferPointer<UInt8>, offset: Int, truncated: Bool,
                                 baseOffset: Int) -> InvalidBytePosition {
        var line = 1
        var index = 0
        while index < offset {
            let byte = buffer[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= buffer.count || buffer[index + 1] != 0x0A)) {
                line += 1
            }
            index += 1
        }
        let shown = Array(buffer[offset..<min(offset + 4, buffer.count)])
        return InvalidBytePosition(byteOffset: baseOffset + offset, line: line, bytes: shown,
                                   isTruncatedAtEnd: truncated)
    }

    /// Validates UTF-8 per RFC 3629 / Unicode Table 3-7 (well-formed byte
    /// sequences). Written by hand because the standard library offers no
    /// validator that reports *where* the input went wrong.
    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, truncated: Bool)? {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0         // no overlong 3-byte forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F        // no UTF-16 surrogates
            case 0xF0: length = 4; secondLow = 0x90         // no overlong 4-byte forms
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F        // nothing above U+10FFFF
            default: return (index, false)
            }
            for continuation in 1..<length {
                let position = index + continuation
                guard position < count else { return (index, true) }
                let byte = bytes[position]
                let low = continuation == 1 ? secondLow : 0x80
                let high = continuation == 1 ? secondHigh : 0xBF
                if byte < low || byte > high { return (index, false) }
            }
            index += length
        }
        return nil
    }
}
