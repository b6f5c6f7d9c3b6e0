import CastBotTestSupport
import Crypto
import ExportEncryption
import Foundation
import Testing

/// The `castbot` executable's handling of secret keys and of what comes from inside an encrypted
/// export: run as an operator would, in a folder of its own.
@Suite("castbot keygen, decrypt and --key, run as a program", .timeLimit(.minutes(2)))
struct CommandLineKeyTests {
    static let json = Array(#"{"974318870057848842":{"players":{}}}"#.utf8)

    /// A sealed export of `json` whose metadata carries `filename` (and `checksum`, by default
    /// the right one), and the key that opens it.
    static func sealedExport(filename: String, checksum: String? = nil) throws -> (sealed: [UInt8], key: ExportSecretKey) {
        let key = ExportSecretKey.generate()
        let digest = checksum ?? SHA256.hash(data: json).map { String(format: "%02x", $0) }.joined()
        let sealer = try ExportSealer(recipients: [key.publicKey])
        var sealed: [UInt8] = []
        try sealer.seal(
            json, metadata: SealedExportMetadata(filename: filename, content: .json, exportByteCount: json.count, exportSHA256: digest)
        ) { sealed += $0 }
        return (sealed, key)
    }

    /// A folder holding `export.json.enc` and its key file `castbot.key` (mode `keyMode`).
    static func folder(filename: String, keyMode: mode_t = 0o600) throws -> TemporaryDirectory {
        let (sealed, key) = try sealedExport(filename: filename)
        let folder = try TemporaryDirectory()
        try folder.write(sealed, to: "export.json.enc")
        try folder.write(Array(key.fileText(createdAt: Date()).utf8), to: "castbot.key")
        #expect(chmod("\(folder.path)/castbot.key", keyMode) == 0)
        return folder
    }

    @Test("keygen without --out says to use --out; with it the key file is 0600")
    func keygenOut() async throws {
        let castbot = try ExternalTool.castbot()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let bare = try await castbot.run(["keygen"], in: folder.path)
        #expect(bare.status == 0)
        #expect(bare.output.contains(ExportSecretKey.prefix))
        #expect(bare.errors.contains("use `castbot keygen --out FILE`"), "\(bare.errors)")
        let written = try await castbot.run(["keygen", "--out", "castbot.key"], in: folder.path)
        #expect(written.status == 0)
        #expect(!written.errors.contains("--out FILE"))
        var info = stat()
        #expect(stat("\(folder.path)/castbot.key", &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test("a key file readable by group or others draws a warning from decrypt and verify; a 0600 one does not")
    func exposedKeyFileWarned() async throws {
        let castbot = try ExternalTool.castbot()
        let folder = try Self.folder(filename: "export.json", keyMode: 0o644)
        defer { folder.remove() }
        let verify = try await castbot.run(["verify", "--key", "castbot.key", "export.json.enc"], in: folder.path)
        #expect(verify.errors.contains("warning: the secret key file castbot.key is readable by every user (mode 0644)"), "\(verify.errors)")
        #expect(chmod("\(folder.path)/castbot.key", 0o640) == 0)
        let decrypt = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc", "--out", "-"], in: folder.path)
        #expect(decrypt.status == 0)
        #expect(decrypt.errors.contains("is readable by its group (mode 0640)"), "\(decrypt.errors)")
        #expect(chmod("\(folder.path)/castbot.key", 0o600) == 0)
        let quiet = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc", "--out", "-"], in: folder.path)
        #expect(!quiet.errors.contains("warning"), "\(quiet.errors)")
    }

    @Test("decrypt names its output from the sealed name only when that is an export's name, else export.json")
    func outputName() async throws {
        let castbot = try ExternalTool.castbot()
        let exportName = "playerdata-export-974318870057848842-2026-04-05T17-59-09-745Z.json"
        let named = try Self.folder(filename: exportName)
        defer { named.remove() }
        let first = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc"], in: named.path)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try named.read(exportName) == Self.json)

        for hostile in ["../escaped.json", "/tmp/castbot-escaped.json", ".bashrc", "playerdata-export-1-x/../../escaped.json"] {
            let folder = try Self.folder(filename: hostile)
            defer { folder.remove() }
            let outcome = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc"], in: folder.path)
            #expect(outcome.status == 0, "\(outcome.errors)")
            #expect(try folder.read("export.json") == Self.json, "\(hostile)")
            #expect(try folder.contents() == ["castbot.key", "export.json", "export.json.enc"], "\(hostile)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/castbot-escaped.json"))
    }

    @Test("decrypt never overwrites without --force, and writes nothing when it refuses")
    func noOverwrite() async throws {
        let castbot = try ExternalTool.castbot()
        let folder = try Self.folder(filename: "not an export name")
        defer { folder.remove() }
        try folder.write(Array("keep me".utf8), to: "export.json")
        try folder.write(Array("keep me too".utf8), to: "chosen.json")
        for arguments in [[], ["--out", "chosen.json"]] {
            let refused = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc"] + arguments, in: folder.path)
            #expect(refused.status != 0)
            #expect(refused.errors.contains("already exists; nothing was written (give --force to replace it"), "\(refused.errors)")
        }
        #expect(try folder.read("export.json") == Array("keep me".utf8))
        #expect(try folder.read("chosen.json") == Array("keep me too".utf8))
        #expect(try folder.contents() == ["castbot.key", "chosen.json", "export.json", "export.json.enc"])
        let forced = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc", "--force"], in: folder.path)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(try folder.read("export.json") == Self.json)
    }

    @Test("control characters in the sealed name never reach the terminal")
    func controlCharactersStripped() async throws {
        let castbot = try ExternalTool.castbot()
        let hostile = "playerdata-export-1\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}nosj.json"
        let folder = try Self.folder(filename: hostile)
        defer { folder.remove() }
        // A checksum that cannot match makes decrypt print the sealed name in its error.
        let (sealed, key) = try Self.sealedExport(filename: hostile, checksum: "00")
        try folder.write(sealed, to: "mismatch.json.enc")
        try folder.write(Array(key.fileText(createdAt: Date()).utf8), to: "other.key")
        #expect(chmod("\(folder.path)/other.key", 0o600) == 0)
        let refused = try await castbot.run(["decrypt", "--key", "other.key", "mismatch.json.enc"], in: folder.path)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("playerdata-export-1]0;owned[2Jnosj.json"), "\(refused.errors)")
        let decrypted = try await castbot.run(["decrypt", "--key", "castbot.key", "export.json.enc"], in: folder.path)
        #expect(decrypted.status == 0)
        for output in [refused.output, refused.errors, decrypted.output, decrypted.errors] {
            #expect(!output.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, "\(output.debugDescription)")
            #expect(!output.unicodeScalars.contains("\u{202E}"))
        }
    }

    @Test("migrate and export warn that --database-url shows in ps")
    func databaseURLOnCommandLine() async throws {
        let castbot = try ExternalTool.castbot()
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let url = "postgres://castbot:secret@127.0.0.1:1/castbot"
        for arguments in [["migrate", "--from-file", "playerData.json", "--database-url", url], ["export", "--all", "--database-url", url, "--out", "-"]] {
            let outcome = try await castbot.run(arguments, in: folder.path)
            #expect(outcome.errors.contains("warning: --database-url shows in `ps`"), "\(outcome.errors)")
            #expect(outcome.errors.contains("prefer CASTBOT_DATABASE_URL in the environment"))
            #expect(!outcome.errors.contains("secret"))
        }
    }
}
