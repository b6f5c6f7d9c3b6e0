/// Whether an export was asked for by a person or made by a schedule; only the filename differs.
package enum ExportKind: String, Sendable, Equatable {
    case manual
    case scheduled
}
