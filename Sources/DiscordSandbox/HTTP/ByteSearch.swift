#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a byte sequence with `memchr` and `memcmp`, so scanning a 10 MiB upload for its
/// multipart boundary costs milliseconds even in debug builds.
enum ByteSearch {
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, start >= 0 else { return nil }
        var position = start
        while haystack.count - position >= needle.count {
            guard let hit = memchr(base + position, Int32(first), haystack.count - position) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            guard haystack.count - offset >= needle.count else { return nil }
            let matches = needle.withUnsafeBytes { needleBytes in
                needleBytes.baseAddress.map { memcmp(base + offset, $0, needle.count) == 0 } ?? false
            }
            if matches { return offset }
            position = offset + 1
        }
        return nil
    }

    static func hasPrefix(_ prefix: [UInt8], in haystack: UnsafeRawBufferPointer, at position: Int) -> Bool {
        guard position >= 0, haystack.count - position >= prefix.count else { return false }
        return prefix.indices.allSatisfy { haystack[position + $0] == prefix[$0] }
    }
}
