import Crypto
import ExportEncryption
import Foundation
import PlayerData

/// Splitting an export into numbered parts, for Discord's per-file limit, and joining them back.
package enum ExportParts {
    /// One part of a split file.
    package struct Part: Sendable, Hashable {
        package var number: Int
        package var filename: String
        package var bytes: [UInt8]
    }
    /// `bytes` cut into parts of at most `partSize` bytes, named by `ExportFileName.part`.
    package static func split(_ bytes: [UInt8], partSize: Int, named name: String) -> [Part] {
        let size = max(1, partSize)
        let count = (bytes.count + size - 1) / size
        return (0..<count).map { index in
            let start = index * size
            return Part(
                number: index + 1, filename: ExportFileName.part(name, index + 1, of: count),
                bytes: Array(bytes[start..<min(start + size, bytes.count)]))
        }
    }
}

/// The files of one export read as one stream, in the order given, a bounded piece at a time.
struct ExportPartsReader: SealedExportSource {
    private let paths: [String]
    private var index = 0
    private var handle: FileHandle?
    /// Bytes read ahead by `peek`, handed out first.
    private var pending: [UInt8] = []

    init(paths: [String]) throws(ExportFileError) {
        guard !paths.isEmpty else { throw .noFiles }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a folder") }
        }
        self.paths = paths
    }

    /// The first `count` bytes (fewer for a shorter input), which later reads return again.
    mutating func peek(_ count: Int) throws(ExportFileError) -> [UInt8] {
        let more = try readFiles(upTo: count - pending.count)
        pending += more
        return Array(pending.prefix(count))
    }

    mutating func read(upTo count: Int) throws -> [UInt8] {
        try readBytes(upTo: count)
    }

    mutating func readAll() throws(ExportFileError) -> [UInt8] {
        var bytes = pending
        pending = []
        while true {
            let piece = try readFiles(upTo: 4 << 20)
            if piece.isEmpty { return bytes }
            bytes += piece
        }
    }

    private mutating func readBytes(upTo count: Int) throws(ExportFileError) -> [UInt8] {
        let fromPending = Array(pending.prefix(count))
        pending.removeFirst(fromPending.count)
        return fromPending + (try readFiles(upTo: count - fromPending.count))
    }

    private mutating func readFiles(upTo count: Int) throws(ExportFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count, index < paths.count {
            let path = paths[index]
            do {
                if handle == nil { handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) }
                let data = try handle?.read(upToCount: count - bytes.count) ?? Data()
                if data.isEmpty {
                    try handle?.close()
                    handle = nil
                    index += 1
                } else {
                    bytes += data
                }
            } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
        }
        return bytes
    }
}

/// Split exports' part files (`name.part2of3`): put in part order, all present, from one export.
package enum ExportPartNames {
    package static func ordered(_ paths: [String]) throws(ExportFileError) -> [String] {
        guard !paths.isEmpty else { throw .noFiles }
        let parsed = paths.map { path in (path, ExportFileName.parsePart(URL(fileURLWithPath: path).lastPathComponent)) }
        guard parsed.contains(where: { $0.1 != nil }) else { return paths }
        var numbered: [(path: String, base: String, number: Int, count: Int)] = []
        for (path, part) in parsed {
            guard let part else {
                throw .parts("\(path) is not named like a part (….partNofM) while other files are; give the parts of one export only")
            }
            numbered.append((path, part.base, part.number, part.count))
        }
        let first = numbered[0]
        guard numbered.allSatisfy({ $0.base == first.base && $0.count == first.count }) else {
            throw .parts("the files are parts of different exports (names or part counts differ); give the parts of one export")
        }
        let sorted = numbered.sorted { $0.number < $1.number }
        let present = Set(sorted.map(\.number))
        if let missing = (1...first.count).first(where: { !present.contains($0) }) {
            throw .parts("part \(missing) of \(first.count) of \(first.base) is missing; give all \(first.count) parts")
        }
        guard sorted.count == first.count else { throw .parts("a part of \(first.base) is given twice") }
        return sorted.map(\.path)
    }

}

/// Collects a sealed file as it is written into upload-sized parts, hashing it on the way.
package struct SealedPartWriter {
    private(set) var parts: [[UInt8]] = []
    private let total: Int
    private let partSize: Int
    private var written = 0
    private var hasher = SHA256()

    package init(total: Int, partSize: Int) {
        self.total = total
        self.partSize = max(1, partSize)
    }

    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        var rest = bytes[...]
        while !rest.isEmpty {
            if parts.isEmpty || parts[parts.count - 1].count == partSize {
                parts.append([])
                parts[parts.count - 1].reserveCapacity(min(partSize, max(0, total - written)))
            }
            let room = partSize - parts[parts.count - 1].count
            let piece = rest.prefix(room)
            parts[parts.count - 1].append(contentsOf: piece)
            written += piece.count
            rest = rest.dropFirst(piece.count)
        }
    }

    /// The parts and the SHA-256 of them all, lowercase hex.
    package mutating func finish() -> (parts: [[UInt8]], sha256: String) {
        (parts.isEmpty ? [[]] : parts, SHA256Hex.hex(hasher.finalize()))
    }
}
