/// 1-based line and column of a byte offset. Only computed when reporting an error, so the
/// scanner's hot path never counts lines.
struct TextPosition: Equatable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Position of `offset` in `bytes`.
    init(of offset: Int, in bytes: UnsafeRawBufferPointer) {
        var counter = Counter()
        counter.consume(UnsafeRawBufferPointer(rebasing: bytes[0..<min(max(offset, 0), bytes.count)]))
        self = counter.position
    }

    /// Counts lines and columns over consecutive pieces of a document.
    struct Counter {
        private var line = 1
        private var column = 1

        mutating func consume(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    // Count code points, not bytes: UTF-8 continuation bytes do not start a character.
                    column += 1
                }
            }
        }

        var position: TextPosition { TextPosition(line: line, column: column) }
    }
}
