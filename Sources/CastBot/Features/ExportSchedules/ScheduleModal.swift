import DiscordModels
import ExportFormat
import Foundation
import Scheduling

/// `playerdata_export_schedule_modal`: interval, export type, restart policy, daily time and the
/// current status, pre-filled with the server's last settings.
enum ScheduleModal {
    static let title = "Schedule playerData Export"
    static let defaultIntervalMinutes = 1_440

    /// - Parameter offerRestartPolicy: false where one process restarting is not the service
    ///   restarting and every schedule resumes (`Deployment.restartPolicyApplies`).
    static func payload(last: ExportScheduleRequest?, offerAll: Bool, offerRestartPolicy: Bool = true, statusText: String) -> ModalPayload {
        let target: ScheduleForm.ExportType = offerAll && last?.scope == .all ? .all : .server
        let policy = last?.restartPolicy ?? .clear
        var components: [Component] = [
                .label(
                    Label(
                        label: "Export every X minutes (0=disable)",
                        description: "1–10080 minutes, or 90m, 6h, 1d, 1w. 0 stops the schedule.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.intervalMinutes, style: .short, minLength: 1, maxLength: 10,
                                required: true, value: String(last?.intervalMinutes ?? defaultIntervalMinutes),
                                placeholder: "e.g. 1440, 90m, 6h, 1d or 1w (0 = disable)")))),
                .label(
                    Label(
                        label: "Export type",
                        component: .stringSelect(
                            StringSelect(
                                customID: CustomID.Field.exportType, options: exportTypeOptions(selected: target, offerAll: offerAll),
                                minValues: 1, maxValues: 1, required: true)))),
        ]
        if offerRestartPolicy {
            components.append(
                .label(
                    Label(
                        label: "After a bot restart",
                        component: .stringSelect(
                            StringSelect(
                                customID: CustomID.Field.restartPolicy, options: policyOptions(selected: policy),
                                minValues: 1, maxValues: 1, required: true)))))
        }
        components += [
                .label(
                    Label(
                        label: "Daily at (HH:MM UTC, optional)",
                        description: "Anchors the runs to this time of day; leave empty to run from now on.",
                        component: .textInput(
                            TextInput(
                                customID: CustomID.Field.dailyAt, style: .short, maxLength: 5, required: false,
                                value: last?.dailyAt, placeholder: "e.g. 03:00")))),
                .textDisplay(TextDisplay(content: "**Current status**\n\(statusText)")),
        ]
        return ModalPayload(customID: CustomID.exportScheduleModal, title: title, components: components)
    }

    private static func exportTypeOptions(selected: ScheduleForm.ExportType, offerAll: Bool) -> [SelectOption] {
        var options = [
            SelectOption(
                label: "Server", value: ScheduleForm.ExportType.server.rawValue, description: "This server's data only",
                default: selected == .server)
        ]
        if offerAll {
            options.append(
                SelectOption(
                    label: "All servers", value: ScheduleForm.ExportType.all.rawValue, description: "The whole playerData.json (owners only)",
                    default: selected == .all))
        }
        return options
    }

    private static func policyOptions(selected: RestartPolicy) -> [SelectOption] {
        [
            SelectOption(
                label: "Clear", value: RestartPolicy.clear.rawValue,
                description: "A restart stops the schedule; reschedule on purpose", default: selected == .clear),
            SelectOption(
                label: "Resume", value: RestartPolicy.resume.rawValue,
                description: "The schedule comes back after a restart", default: selected == .resume),
        ]
    }
}

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

/// Reads the schedule modal's "Export every X minutes" field: whole minutes 0–10080, or a whole
/// number with a unit: `90m`, `6h`, `1d`, `1w`. 0 stops the schedule. Anything else (fractions,
/// signs, exponents, other units, empty) is refused with a message naming the allowed forms.
enum IntervalParser {
    static let maximumMinutes = 10_080
    static let allowedForms =
        "a whole number of minutes from 1 to 10080, or a number with a unit: 90m, 6h, 1d, 1w (0 stops the schedule)"

    private static let unitMinutes: [Character: Int] = ["m": 1, "h": 60, "d": 1_440, "w": 10_080]
    /// More digits than any allowed value needs; stops overflow before it can happen.
    private static let maximumDigits = 6

    /// Minutes, 0...10080.
    static func minutes(from text: String) throws(IntervalParseError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { throw IntervalParseError(input: text, reason: "it is empty") }
        var digits = Substring(trimmed)
        var factor = 1
        if let last = digits.last, let unit = unitMinutes[last] {
            factor = unit
            digits = digits.dropLast()
            while digits.last == " " { digits = digits.dropLast() }
        }
        guard !digits.isEmpty, digits.count <= maximumDigits,
            digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(digits)
        else {
            throw IntervalParseError(input: text, reason: "it is not one of the allowed forms")
        }
        let minutes = number * factor
        guard minutes <= maximumMinutes else {
            throw IntervalParseError(input: text, reason: "that is \(minutes) minutes, more than the maximum of 10080 (1 week)")
        }
        return minutes
    }
}

/// Why an interval was refused; the description is the message the user sees.
struct IntervalParseError: Error, Sendable, Equatable, CustomStringConvertible {
    let input: String
    let reason: String

    var description: String {
        let shown = input.count > 40 ? String(input.prefix(40)) + "…" : input
        return "**Export every X minutes**: \"\(shown)\" can't be used because \(reason). Use \(IntervalParser.allowedForms)."
    }
}

/// The schedule button and modal, and the live status ("View Live").
struct ScheduleHandlers: Sendable {
    let authorizer: PlayerDataAuthorizer
    let schedules: any ExportScheduleControlling
    let now: @Sendable () -> Date

    /// `playerdata_export_schedule` (menu or "Adjust Schedule"): opens the modal, pre-filled.
    func openModal(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let isOwner = authorizer.isOwner(interaction)
            var last = await schedules.lastSettings(for: .guild(place.guildID))
            if last == nil, isOwner {
                last = await schedules.lastSettings(for: .all)
            }
            let status = await statusText(guildID: place.guildID, isOwner: isOwner)
            return UIReply.modal(
                ScheduleModal.payload(last: last, offerAll: isOwner, offerRestartPolicy: !schedules.survivesRestarts, statusText: status))
        }
    }

    /// `playerdata_export_schedule_modal`: checks everything, then starts, replaces or stops the
    /// schedule and answers with the scheduler's confirmation.
    func submit(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let form = try ScheduleForm.parse(interaction.data)
            if form.exportType == .all {
                try authorizer.requireOwner(interaction, for: "The **all** export type (every server's data)")
            }
            if form.intervalMinutes > 0 {
                try authorizer.requireBotPermissions(PlayerDataAuthorizer.exportChannelPermissions, in: interaction)
            }
            let scope = form.scope(guildID: place.guildID)
            // Retention is set in its own modal; a schedule set again in the same channel keeps it.
            let previous = await schedules.lastSettings(for: scope)
            let request = ExportScheduleRequest(
                scope: scope, guildID: place.guildID, channelID: place.channelID,
                setByUserID: place.userID, intervalMinutes: form.intervalMinutes, dailyAt: form.dailyAt?.description,
                restartPolicy: schedules.survivesRestarts ? .resume : form.restartPolicy, keepLast: previous?.channelID == place.channelID ? previous?.keepLast : nil)
            do {
                return UIReply.notice(try await schedules.apply(request).message)
            } catch {
                throw Refusal("❌ The schedule was not changed: \(error)")
            }
        }
    }

    /// `playerdata_export_status` ("View Live"): this server's schedule as it is right now.
    func status(_ routed: RoutedInteraction) async -> InteractionReply {
        await GuardedHandler.run(routed) { interaction in
            let place = try authorizer.requireServerManagerInGuild(interaction)
            let status = await statusText(guildID: place.guildID, isOwner: authorizer.isOwner(interaction))
            let checkedAt = DiscordTimestamp.markup(now(), .relative)
            return UIReply.componentsV2([
                .container(
                    Container(components: [
                        .textDisplay(TextDisplay(content: "## 📡 Export Schedule — Live Status\n\(status)\n-# Checked \(checkedAt)")),
                        .actionRow(
                            ActionRow(components: [
                                CustomID.button("Adjust Schedule", CustomID.exportSchedule, .secondary, "📅"),
                                CustomID.button("Refresh", CustomID.exportStatus, .secondary, "🔄"),
                                CustomID.button("Retention…", CustomID.exportRetention, .secondary, "🗂️"),
                            ])),
                    ]))
            ])
        }
    }

    /// The server's schedule, and for owners also the every-server schedule.
    func statusText(guildID: String, isOwner: Bool) async -> String {
        let server = await schedules.statusText(for: .guild(guildID))
        guard isOwner else { return server }
        let all = await schedules.statusText(for: .all)
        return "**This server**\n\(server)\n**All servers**\n\(all)"
    }
}

/// What the schedule UI needs from the export scheduler (`ExportScheduleService` in the app, a
/// recording fake in tests).
protocol ExportScheduleControlling: Sendable {
    /// Starts, replaces or (interval 0) stops the scope's schedule. A thrown error's description
    /// is shown to the user, so it must say what was wrong.
    func apply(_ request: ExportScheduleRequest) async throws -> ExportScheduleConfirmation
    /// The scope's schedule in a few Markdown lines.
    func statusText(for scope: ExportScope) async -> String
    /// The settings last applied, kept after a stop or a restart so the modal can offer them again.
    func lastSettings(for scope: ExportScope) async -> ExportScheduleRequest?
    /// Stores retention (nil keeps every export) with the scope's settings; nil when it has none.
    func setRetention(keepLast: Int?, for scope: ExportScope) async -> ExportScheduleRequest?
    /// True when schedules outlive this process's restart (`Deployment.restartPolicyApplies` false),
    /// so there is no restart policy to choose.
    var survivesRestarts: Bool { get }
}

extension ExportScheduleControlling {
    var survivesRestarts: Bool { false }
}

extension ExportScheduleService: ExportScheduleControlling {
    nonisolated var survivesRestarts: Bool { !work.deployment.restartPolicyApplies }
}
