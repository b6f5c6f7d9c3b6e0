/// What an import file turned out to be.
enum ImportSource: Sendable {
    case serverExport(ServerExport)
    case wholeFile(PlayerDataFile)

    init(bytes: [UInt8]) throws(PlayerDataError) {
        let document = try PlayerDataFile(bytes: bytes)
        if ServerExport.declaresExport(document) {
            self = .serverExport(try ServerExport(document: document))
        } else {
            self = .wholeFile(document)
        }
    }
}
