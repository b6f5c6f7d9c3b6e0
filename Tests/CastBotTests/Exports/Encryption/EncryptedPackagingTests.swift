import CastBotTestSupport
import DiscordModels
import ExportEncryption
import ExportFormat
import Foundation
import PlayerData
import Testing

@testable import CastBot

@Suite("Encrypted exports: packaging, messages, decoding files", .timeLimit(.minutes(2)))
struct EncryptedPackagingTests {
    let key = ExportSecretKey.generate()
    let other = ExportSecretKey.generate()

    func packager(_ keys: [ExportSecretKey], fileLimit: Int = 4_000, reserve: Int = 400) throws -> ExportPackager {
        ExportPackager(
            limits: ExportUploadLimits(fileLimit: fileLimit, requestReserve: reserve),
            sealer: try ExportSealer(recipients: keys.map(\.publicKey), chunkSize: 1_024))
    }

    /// Writes the uploads as files the way an operator saves them from Discord.
    func save(_ plan: ExportAttachmentPlan, in folder: TemporaryDirectory) throws -> [String] {
        try plan.uploads.map { upload in
            try folder.write(upload.bytes, to: upload.filename)
            return "\(folder.path)/\(upload.filename)"
        }
    }

    func keyFile(_ keys: [ExportSecretKey], in folder: TemporaryDirectory, name: String = "export.key") throws -> String {
        try folder.write(Array(keys.map { $0.fileText(createdAt: Date()) }.joined().utf8), to: name)
        return "\(folder.path)/\(name)"
    }

    @Test("A small export is sealed as .json.enc; the message names the key and shows the encrypted file's checksum only")
    func small() throws {
        let bytes = ExportPackagerTests.compressible(1_500)
        let plan = try packager([key]).plan(filename: "x.json", bytes: bytes)
        let upload = try #require(plan.uploads.first)
        #expect(plan.uploads.count == 1 && upload.filename == "x.json.enc" && upload.contentType == "application/octet-stream")
        #expect(plan.encoding == .plain && plan.compressedByteCount == nil)
        let encryption = try #require(plan.encryption)
        #expect(encryption.keyIDs == [key.keyID])
        #expect(encryption.sealedByteCount == upload.bytes.count)
        #expect(encryption.sealedSHA256 == SHA256Hex.digest(upload.bytes))
        #expect(plan.publishedSHA256 == encryption.sealedSHA256)

        let text = ManualExportMessage.text(
            ExportArtifact(date: Date(timeIntervalSince1970: 0), kind: .manual, bytes: bytes, guildCount: 1, playerCount: 2, guildID: "1"), scope: .all, guildName: nil,
            plan: plan, date: Date(timeIntervalSince1970: 0))
        #expect(!text.contains(SHA256Hex.digest(bytes)), "the plaintext's checksum stays inside the ciphertext")
        #expect(text.contains(encryption.sealedSHA256))
        #expect(text.contains("🔒 for key id `\(key.keyID)`"))
        #expect(text.contains("**Players**: 2") && text.contains("**Guilds Included**: 1"))
        #expect(text.contains("castbot decrypt --key YOUR-SECRET-KEY-FILE x.json.enc --out x.json"))

        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let decoded = try ExportFileDecoder.decode(parts: save(plan, in: folder), keyFiles: [keyFile([key], in: folder)])
        #expect(decoded.json == bytes)
        #expect(decoded.encryptedFor == [key.keyID] && decoded.originalFilename == "x.json")
    }

    @Test("Over the limit: gzipped, sealed, split; the parts rebuild the export in any given order, for either of two keys")
    func parts() throws {
        let bytes = ExportPackagerTests.random(9_000)
        let plan = try packager([key, other]).plan(filename: "big.json", bytes: bytes)
        let count = plan.uploads.count
        #expect(count >= 3)
        #expect(plan.encoding == .gzipParts(count: count))
        #expect(plan.uploads.map(\.filename) == (1...count).map { "big.json.gz.enc.part\($0)of\(count)" })
        #expect(plan.uploads.allSatisfy { $0.bytes.count <= 3_600 })
        let encryption = try #require(plan.encryption)
        #expect(encryption.sealedSHA256 == SHA256Hex.digest(plan.uploads.flatMap(\.bytes)))
        let messages = ExportMessageComposer.messages(
            for: plan, facts: ExportMessageFacts(kind: .scheduled, typeLabel: "All", guildCount: 3, playerCount: 4, exportedAt: Date(), nextRunAt: nil))
        #expect(messages.count == count)
        #expect(messages.allSatisfy { !$0.payload.content.orEmpty.contains(SHA256Hex.digest(bytes)) })
        #expect(messages[1].payload.content.orEmpty.contains("**SHA-256** of the rebuilt big.json.gz.enc: `\(encryption.sealedSHA256)`"))

        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let files = try save(plan, in: folder)
        for secret in [key, other] {
            let decoded = try ExportFileDecoder.decode(parts: files.reversed(), keyFiles: [keyFile([secret], in: folder, name: secret.keyID)])
            #expect(decoded.json == bytes)
            #expect(decoded.steps.first == "joined \(count) parts" && decoded.steps.contains("gunzipped"))
        }
    }

    @Test("Missing part, foreign part, wrong key, no key, flipped byte: refused with a clear error")
    func refusals() throws {
        let bytes = ExportPackagerTests.random(9_000)
        let plan = try packager([key]).plan(filename: "big.json", bytes: bytes)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let files = try save(plan, in: folder)
        let keyPath = try keyFile([key], in: folder)
        let count = files.count

        #expect(throws: ExportFileError.parts("part 2 of \(count) of big.json.gz.enc is missing; give all \(count) parts")) {
            try ExportFileDecoder.decode(parts: files.filter { !$0.contains("part2of") }, keyFiles: [keyPath])
        }
        #expect(throws: ExportFileError.opening(.notARecipient(given: [other.keyID], recipients: [key.keyID]))) {
            try ExportFileDecoder.decode(parts: files, keyFiles: [keyFile([other], in: folder, name: "other.key")])
        }
        #expect(throws: ExportFileError.opening(.keyNeeded(recipients: [key.keyID]))) { try ExportFileDecoder.decode(parts: files) }

        var damaged = try folder.read(plan.uploads[1].filename)
        damaged[damaged.count / 2] ^= 0x20
        try folder.write(damaged, to: plan.uploads[1].filename)
        #expect(throws: ExportFileError.self) { try ExportFileDecoder.decode(parts: files, keyFiles: [keyPath]) }
        do throws(ExportFileError) {
            _ = try ExportFileDecoder.decode(parts: files, keyFiles: [keyPath])
            Issue.record("a damaged part was accepted")
        } catch {
            #expect(error.description.contains("failed authentication"))
        }
    }

    @Test("Unencrypted exports read the same way: plain, gzip, gzip parts")
    func unencrypted() throws {
        let bytes = ExportPackagerTests.random(9_000)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let plan = try ExportPackagerTests.small.plan(filename: "u.json", bytes: bytes)
        let decoded = try ExportFileDecoder.decode(parts: save(plan, in: folder))
        #expect(decoded.json == bytes && decoded.encryptedFor == nil)
        #expect(decoded.steps == ["joined \(plan.uploads.count) parts", "gunzipped"])
        let fixture = try Fixtures.bytes(Fixtures.serverExport)
        try folder.write(fixture, to: "plain.json")
        #expect(try ExportFileDecoder.decode(parts: ["\(folder.path)/plain.json"]).json == fixture)
    }

    @Test("Round trip of the real fixtures through the packager with Discord's limits")
    func fixtures() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keyPath = try keyFile([key], in: folder)
        let packager = ExportPackager(sealer: try ExportSealer(recipients: [key.publicKey]))
        for name in [Fixtures.wholeFile, Fixtures.serverExport, Fixtures.devCrashRestore] {
            let bytes = try Fixtures.bytes(name)
            let plan = try packager.plan(filename: name, bytes: bytes)
            #expect(plan.uploads.allSatisfy { $0.filename.hasSuffix(".enc") })
            let decoded = try ExportFileDecoder.decode(parts: save(plan, in: folder), keyFiles: [keyPath])
            #expect(decoded.json == bytes, "\(name)")
        }
    }

    @Test("CASTBOT_EXPORT_RECIPIENTS: public keys only, several comma-separated; a secret key is refused without being quoted")
    func configuration() throws {
        let both = "\(key.publicKey.text), \(other.publicKey.text)"
        let configuration = try CastBotConfiguration.load(environment: ["CASTBOT_EXPORT_RECIPIENTS": both])
        #expect(configuration.exportRecipients.map(\.keyID) == [key.keyID, other.keyID])
        #expect(configuration.description.contains("exportEncryption=key ids \(key.keyID),\(other.keyID)"))

        let secretLine = try #require(key.fileText(createdAt: Date()).split(separator: "\n").last.map(String.init))
        do throws(ConfigurationError) {
            _ = try CastBotConfiguration.load(environment: ["CASTBOT_EXPORT_RECIPIENTS": "\(key.publicKey.text),\(secretLine)"])
            Issue.record("a secret key was accepted")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.contains("item 2 is a SECRET key"))
            #expect(!error.description.contains(String(secretLine.dropFirst(ExportSecretKey.prefix.count))))
        }
    }
}

extension Optional where Wrapped == String {
    fileprivate var orEmpty: String { self ?? "" }
}

@Suite("Export part names")
struct ExportPartNameTests {
    @Test("padded part names are put in part order; parts of different exports or a plain file among parts are refused")
    func ordering() throws {
        let names = (1...12).map { ExportFileName.part("/x/e.json.gz.enc", $0, of: 12) }
        #expect(names[1] == "/x/e.json.gz.enc.part02of12")
        #expect(try ExportPartNames.ordered(names.reversed()) == names)
        #expect(try ExportPartNames.ordered(["/x/a.json"]) == ["/x/a.json"])
        #expect(throws: ExportFileError.self) { try ExportPartNames.ordered([names[0], "/x/f.json.gz.enc.part02of12"]) }
        #expect(throws: ExportFileError.self) { try ExportPartNames.ordered([names[0], "/x/a.json"]) }
        #expect(throws: ExportFileError.parts("a part of e.json.gz.enc is given twice")) {
            try ExportPartNames.ordered(names + [names[3]])
        }
    }
}
