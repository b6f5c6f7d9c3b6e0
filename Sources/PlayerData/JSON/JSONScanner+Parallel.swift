import Dispatch
import Foundation

/// Validating a large document on two cores. A raw newline can never be inside a valid JSON
/// string, so the bytes `,\n  "` near the middle are, in JSON.stringify's layout, the start of a
/// top-level member. The second half is scanned from there on another thread *assuming* that;
/// the first half is scanned up to there and only accepts the split if it arrives at exactly that
/// position as a top-level key. Otherwise the first half simply carries on to the end and the
/// second half's work is discarded, so the result (and the first error reported) is always the
/// sequential scan's.
extension JSONScanner {
    /// Below this size a second thread costs more than it saves.
    static let parallelThreshold = 8 << 20

    static func parallelSplit(of bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= parallelThreshold, ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        return splitCandidate(in: bytes)
    }

    /// The first `,\n  "` at or after `start` (default: the middle, searching 4 MiB), pointing at the quote.
    static func splitCandidate(in bytes: UnsafeRawBufferPointer, from start: Int? = nil) -> Int? {
        let pattern: [UInt8] = [UInt8(ascii: ","), 0x0A, 0x20, 0x20, UInt8(ascii: "\"")]
        var index = start ?? bytes.count / 2
        let searchEnd = min(bytes.count - pattern.count + 1, index + (4 << 20))
        while index < searchEnd {
            if bytes[index] == pattern[0] && bytes[index + 1] == pattern[1] && bytes[index + 2] == pattern[2]
                && bytes[index + 3] == pattern[3] && bytes[index + 4] == pattern[4]
            {
                return index + 4
            }
            index += 1
        }
        return nil
    }

    static func scanInParallel(_ bytes: UnsafeRawBufferPointer, split: Int) throws(JSONSyntaxError) -> ScanResult {
        let second = SecondHalf(bytes: bytes, split: split)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            second.run()
            done.signal()
        }
        let first = Result { () throws(JSONSyntaxError) -> ScanResult in
            try withScanner(bytes) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                scanner.stopOffset = split
                return try scanner.scanDocument()
            }
        }
        done.wait()
        let head = try first.get()
        if head.isComplete { return head }
        let tail = try second.result.get()
        second.result = .failure(JSONSyntaxError(problem: .emptyInput, byteOffset: 0, line: 1, column: 1))
        return head.joined(with: tail)
    }

    /// The second half's scan; handed to another thread and read back after it signals.
    private final class SecondHalf: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let split: Int
        var result: Result<ScanResult, JSONSyntaxError> = .failure(
            JSONSyntaxError(problem: .emptyInput, byteOffset: 0, line: 1, column: 1))

        init(bytes: UnsafeRawBufferPointer, split: Int) {
            self.bytes = bytes
            self.split = split
        }

        func run() {
            result = Result { () throws(JSONSyntaxError) -> ScanResult in
                try JSONScanner.withScanner(bytes) { (scanner: inout JSONScanner) throws(JSONSyntaxError) in
                    try scanner.scanRemainder(from: split)
                }
            }
        }
    }
}
