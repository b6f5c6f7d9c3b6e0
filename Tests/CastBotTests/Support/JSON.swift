import Foundation
import NIOCore
import Testing

/// Reads a JSON object from a response body or byte array, failing the test if it is not one.
enum JSON {
    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try object(Array(buffer.readableBytesView))
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(value as? [String: Any], "expected a JSON object, got \(String(decoding: bytes, as: UTF8.self))")
    }
}
