import DiscordModels
import Foundation
import Scheduling

/// The schedule modal's submission, read leniently (Label-wrapped or legacy ActionRow inputs,
/// `value` or `values[0]`) and checked field by field.
struct ScheduleForm: Sendable, Equatable {
    /// The modal's `export_type` choices.
    enum ExportType: String, Sendable {
        case server
        case all
    }

    var intervalMinutes: Int
    var exportType: ExportType
    var restartPolicy: RestartPolicy
    var dailyAt: TimeOfDay?

    /// The schedule the form asks for, when submitted in `guildID`.
    func scope(guildID: String) -> ExportScope {
        exportType == .all ? .all : .guild(guildID)
    }

    /// Every field that is wrong, one message each, so the user fixes them all in one go.
    static func parse(_ data: InteractionData?) throws(Refusal) -> ScheduleForm {
        let fields = data ?? InteractionData()
        var problems: [String] = []

        var minutes = 0
        do {
            minutes = try IntervalParser.minutes(from: fields.submittedValue(CustomID.Field.intervalMinutes) ?? "")
        } catch {
            problems.append(error.description)
        }

        let typeText = normalized(fields.submittedValue(CustomID.Field.exportType)) ?? ExportType.server.rawValue
        let exportType = ExportType(rawValue: typeText)
        if exportType == nil {
            problems.append("**Export type**: \"\(typeText.prefix(40))\" is not a choice; use `server` (this server) or `all` (every server).")
        }

        var policy = RestartPolicy.clear
        if let policyText = normalized(fields.submittedValue(CustomID.Field.restartPolicy)) {
            do {
                policy = try RestartPolicy(parsing: policyText)
            } catch {
                problems.append("**After a restart**: \"\(policyText.prefix(40))\" is not a choice; use `clear` or `resume`.")
            }
        }

        var dailyAt: TimeOfDay?
        if let dailyText = normalized(fields.submittedValue(CustomID.Field.dailyAt)) {
            do {
                dailyAt = try TimeOfDay(parsing: dailyText)
            } catch {
                problems.append("**Daily at**: \"\(dailyText.prefix(40))\" is not a time; use HH:MM in UTC such as 03:00, or leave it empty.")
            }
        }

        guard problems.isEmpty, let exportType else {
            throw Refusal("❌ The schedule was not changed:\n" + problems.map { "• \($0)" }.joined(separator: "\n"))
        }
        return ScheduleForm(intervalMinutes: minutes, exportType: exportType, restartPolicy: policy, dailyAt: dailyAt)
    }

    /// Trimmed and lower-cased; nil when empty.
    private static func normalized(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed.lowercased()
    }
}
