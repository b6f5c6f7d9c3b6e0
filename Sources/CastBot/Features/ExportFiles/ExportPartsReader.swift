import PlayerData
import ExportEncryption
import Foundation

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
enum ExportPartNames {
    static func ordered(_ paths: [String]) throws(ExportFileError) -> [String] {
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
