#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrapper over the C library's `iconv`.
///
/// Used instead of Foundation's `String(data:encoding:)` because on Linux
/// swift-corelibs-foundation's GB18030 support is not something the import
/// path should depend on, while glibc's GB18030 converter is complete
/// (including four-byte sequences) and reports exactly where input is bad.
enum IconvConverter {
    enum Outcome {
        case success([UInt8])
        /// `offset` is the input offset of the first byte that could not be
        /// converted; `truncated` is true when the input ended mid-sequence.
        case invalidInput(offset: Int, truncated: Bool)
        case failure(String)
    }

    static func convert(_ input: UnsafeBufferPointer<UInt8>, from source: String, to target: String) -> Outcome {
        let descriptor = iconv_open(target, source)
        if descriptor == iconv_t(bitPattern: -1) {
            return .failure("iconv_open(\"\(target)\", \"\(source)\") failed (errno \(errno)); is the gconv module installed?")
        }
        defer { iconv_close(descriptor) }

        if input.isEmpty { return .success([]) }

        // GB18030 <-> UTF-8 grows by at most 2x, so one pass normally suffices;
        // E2BIG is still handled in case a converter behaves otherwise.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var consumed = 0

        while true {
            var inputLeft = input.count - consumed
            var outputLeft = output.count - produced
            let (result, errorNumber, newConsumed, newProduced) = output.withUnsafeMutableBufferPointer { outputBuffer in
                // iconv takes `char **` for input although it never writes through it.
                var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress! + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress! + produced)
                    .assumingMemoryBound(to: CChar.self)
                errno = 0
                var result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                var errorNumber = errno
                if result != -1 {
                    // Flush any shift state; GB18030 has none, but this is the documented protocol.
                    result = iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
                    errorNumber = errno
                }
                return (result, errorNumber, input.count - inputLeft, outputBuffer.count - outputLeft)
            }
            consumed = newConsumed
            produced = newProduced

            if result != -1 {
                if consumed != input.count {
                    return .failure("iconv stopped at offset \(consumed) without reporting an error")
                }
                output.removeSubrange(produced...)
                return .success(output)
            }
            switch errorNumber {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: max(64, output.count)))
            case EILSEQ:
                return .invalidInput(offset: consumed, truncated: false)
            case EINVAL:
                return .invalidInput(offset: consumed, truncated: true)
            default:
                return .failure("iconv failed at input offset \(consumed) with errno \(errorNumber)")
            }
        }
    }
}
