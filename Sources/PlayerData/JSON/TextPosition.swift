/// 1-based line and column of a byte offset. Only computed when reporting an error, so the
/// scanner's hot path never counts lines.
struct TextPosition: Equatable {
    let line: Int
    let column: Int

    init(of offset: Int, in bytes: UnsafeRawBufferPointer) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Count code points, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start a character.
        var column = 1
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        self.line = line
        self.column = column
    }
}
