import ArgumentParser
import CommandLineSupport
import ExportEncryption
import Foundation
import PlayerData

struct KeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a key pair for encrypted exports.",
        discussion: """
            Writes the secret key file (mode 0600; an existing file is never replaced) and prints the \
            public key for CASTBOT_EXPORT_RECIPIENTS. Keep the secret key off the bot host: it is \
            needed only to decrypt exports (castbot decrypt, import --key, verify --key). Without \
            --out the key file goes to standard output (and a note says to use --out: a terminal's \
            scrollback or a shell redirect does not make a 0600 file).
            """
    )

    @Option(help: "Where to write the secret key file (created with mode 0600; must not exist).")
    var out: String?

    func run() async throws {
        try await CommandOutput.runReportingFailure(context: out) {
            let key = ExportSecretKey.generate()
            let text = key.fileText(createdAt: Date())
            guard let out else {
                print(text, terminator: "")
                CommandOutput.printError("key id \(key.keyID); public key for CASTBOT_EXPORT_RECIPIENTS:\n\(key.publicKey.text)")
                CommandOutput.printError(
                    "note: the secret key went to standard output, where a terminal or a shell redirect may keep it readable to others; "
                        + "use `castbot keygen --out FILE`, which creates the key file with mode 0600 and never overwrites one")
                return
            }
            try SecretKeyFile.create(Array(text.utf8), at: out)
            print("wrote the secret key to \(out) (mode 0600); keep it offline, it is needed only to decrypt exports")
            print("key id: \(key.keyID)")
            print("public key for CASTBOT_EXPORT_RECIPIENTS (comma-separate several):")
            print(key.publicKey.text)
        }
    }
}

/// A new file readable by its owner only, written durably; an existing file is an error, so a
/// key that decrypts past exports is never overwritten.
enum SecretKeyFile {
    /// Warns on standard error about each key file that its group or others can read.
    static func warnIfExposed(_ paths: [String]) {
        for path in paths {
            if let warning = ExportSecretKey.exposureWarning(forFileAt: path) { CommandOutput.printError(warning) }
        }
    }

    static func create(_ bytes: [UInt8], at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw ValidationError("it already exists; a key file is never overwritten (choose another --out)") }
            throw PlayerDataError.fileSystem(operation: "create", path: path, errno: errno)
        }
        do {
            // The umask may only narrow 0600; fchmod makes it exact.
            guard fchmod(fd, 0o600) == 0 else { throw PlayerDataError.fileSystem(operation: "set permissions of", path: path, errno: errno) }
            try DurableFile.writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw PlayerDataError.fileSystem(operation: "fsync", path: path, errno: errno) }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        close(fd)
        try DurableFile.syncDirectory(of: path)
    }
}
