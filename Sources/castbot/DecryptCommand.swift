import ArgumentParser
import CastBot
import CommandLineSupport
import ExportFormat
import Foundation
import PlayerData

struct DecryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt",
        abstract: "Decrypt an encrypted export (.json.enc, .json.gz.enc, or its .partNofM files) to its JSON.",
        discussion: """
            Parts may be given in any order: they are joined in part order and must all be there. \
            The export is checked completely (every chunk, the end marker, the SHA-256 sealed inside) \
            before anything is written; a damaged, reordered, cut-short or foreign file writes nothing. \
            An existing output file is never replaced without --force. The name printed is stripped \
            of control characters.
            """
    )

    @Option(name: .customLong("key"), help: "Secret key file from `castbot keygen --out` (repeat for several).")
    var keys: [String]

    @Argument(help: "The encrypted export, or all its parts.")
    var files: [String]

    @Option(
        help: """
            Where to write the JSON (default: the export's own name in the current folder when the name sealed inside is one, \
            else export.json; - for standard output).
            """)
    var out: String?

    @Flag(help: "Replace the output file if it exists (without it an existing file is never overwritten).")
    var force = false

    func run() async throws {
        try await CommandOutput.runReportingFailure {
            SecretKeyFile.warnIfExposed(keys)
            let decoded = try ExportFileDecoder.decode(parts: files, keyFiles: keys)
            guard decoded.encryptedFor != nil else {
                throw ValidationError(
                    "\(files.joined(separator: " ")) does not start with an encrypted export's header (CBEXPENC): either it is not "
                        + "encrypted (`castbot import` and `verify` read it as it is) or its parts were joined out of order (part 1 comes first)")
            }
            // The name sealed inside names a file here only when it is exactly an export's name:
            // no folder, no dot-file, nothing a crafted export could aim elsewhere.
            let destination = out ?? decoded.originalFilename.flatMap { ExportFileName.isExportName($0) ? $0 : nil } ?? "export.json"
            if destination == "-" {
                try DurableFile.writeCopy(decoded.json, to: "-")
            } else if force {
                try DurableFile.writeAtomically(decoded.json, to: destination)
            } else if try !DurableFile.writeNew(decoded.json, to: destination) {
                throw ValidationError("\(destination) already exists; nothing was written (give --force to replace it, or --out FILE)")
            }
            CommandOutput.printError(
                "\(decoded.steps.joined(separator: ", ")); wrote \(decoded.json.count) bytes"
                    + (destination == "-" ? " to standard output" : " to \(destination)"))
        }
    }
}
