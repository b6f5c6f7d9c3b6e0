import Foundation

/// File checks for the benchmark that never hold a whole large file in memory (see BenchRunCommand).
enum BenchFiles {
    static func size(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Equal bytes apart from the value of `exportDate` (each process stamps its own time),
    /// compared in 1 MiB chunks.
    static func sameExport(_ first: String, _ second: String) throws -> Bool {
        guard try size(of: first) == size(of: second) else { return false }
        let a = try FileHandle(forReadingFrom: URL(fileURLWithPath: first))
        let b = try FileHandle(forReadingFrom: URL(fileURLWithPath: second))
        defer {
            try? a.close()
            try? b.close()
        }
        var isFirstChunk = true
        while true {
            var chunkA = [UInt8](try a.read(upToCount: 1 << 20) ?? Data())
            var chunkB = [UInt8](try b.read(upToCount: 1 << 20) ?? Data())
            if isFirstChunk {
                maskExportDate(&chunkA)
                maskExportDate(&chunkB)
                isFirstChunk = false
            }
            guard chunkA == chunkB else { return false }
            if chunkA.isEmpty { return true }
        }
    }

    /// Blanks the 24-character `exportDate` value near the start of a server export.
    private static func maskExportDate(_ bytes: inout [UInt8]) {
        let marker = Array("\"exportDate\": \"".utf8)
        guard let start = bytes.indices.prefix(200).first(where: { bytes[$0...].starts(with: marker) }) else { return }
        let date = (start + marker.count)..<min(start + marker.count + 24, bytes.count)
        bytes.replaceSubrange(date, with: repeatElement(UInt8(ascii: "-"), count: date.count))
    }
}
