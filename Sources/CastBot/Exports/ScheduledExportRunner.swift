import Logging
import DiscordModels
import DiscordREST
import Foundation
import PlayerData
public import Scheduling

/// One run of an export schedule: load the data file fresh, build the export, package it, post it
/// through a temporary webhook, and remember what was delivered.
///
/// A run is delivered only when Discord returned every message. Failures that cannot heal on their
/// own (channel gone, access or permissions missing) stop the schedule; others fail the run, which
/// the scheduler counts toward auto-disable.
public struct ScheduledExportRunner: Sendable {
    let work: ScheduledWorkContext

    public init(work: ScheduledWorkContext) {
        self.work = work
    }

    func job(for scope: ExportScope) -> ScheduleJob {
        let runner = self
        return { context in try await runner.run(scope, context) }
    }

    public func run(_ scope: ExportScope, _ context: RunContext) async throws -> RunOutcome {
        let stopwatch = Stopwatch.start(on: work.clock)
        let type = scope.exportType
        do {
            let outcome = try await export(scope, context, stopwatch: stopwatch)
            if case .stopSchedule = outcome {
                work.metrics.exportFinished(type: type, succeeded: false, bytes: nil, duration: nil)
            }
            return outcome
        } catch {
            work.metrics.exportFinished(type: type, succeeded: false, bytes: nil, duration: nil)
            work.logger.warning(
                "scheduled export failed",
                metadata: ["schedule": "\(context.key)", "run": "\(context.runNumber)", "error": "\(ScheduledRunError.describe(error))"])
            throw error
        }
    }

    private func export(_ scope: ExportScope, _ context: RunContext, stopwatch: Stopwatch) async throws -> RunOutcome {
        let channelText = context.info.channelID
        guard let channelID = DiscordModels.Snowflake(channelText) else {
            return .stopSchedule(reason: ScheduledRunError.invalidChannelID(channelText).description)
        }
        let file: PlayerDataFile
        do {
            file = try await work.dataStore.load()
        } catch {
            throw ScheduledRunError.dataFile(error)
        }
        let artifact: ExportArtifact
        switch scope {
        case .all:
            artifact = ExportBuilder.allExport(of: file, date: context.startedAt, kind: .scheduled)
        case .guild(let id):
            do {
                artifact = try ExportBuilder.serverExport(of: file, guildID: id, date: context.startedAt, kind: .scheduled)
            } catch {
                throw ScheduledRunError.export(error)
            }
        }
        let plan: ExportAttachmentPlan
        do {
            plan = try work.packager.plan(for: artifact)
        } catch {
            throw ScheduledRunError.packaging(error)
        }
        let key = context.key.rawValue
        let previous = await work.stateStore.current().lastExports[key]
        let facts = ExportMessageFacts(
            typeLabel: scope.typeLabel, guildCount: artifact.guildCount, playerCount: artifact.playerCount,
            exportedAt: context.startedAt, nextRunAt: context.nextRunAt,
            dropWarning: ExportDropCheck.warning(previous: previous, guildCount: artifact.guildCount, byteCount: plan.exportByteCount))
        let messages = ExportMessageComposer.messages(for: plan, facts: facts)

        let posted: [Message]
        do {
            posted = try await work.delivery.deliver(messages, to: channelID)
        } catch let error as DiscordHTTPError {
            if let reason = ScheduleStoppingFailure.reason(for: error, channelID: channelText) {
                work.logger.error("scheduled export stopped", metadata: ["schedule": "\(key)", "reason": "\(reason)"])
                return .stopSchedule(reason: reason)
            }
            throw ScheduledRunError.discord(error)
        }

        let record = LastExportRecord(
            deliveredAt: work.now(), guildCount: artifact.guildCount, playerCount: artifact.playerCount,
            byteCount: plan.exportByteCount, sha256: plan.sha256, filename: artifact.filename)
        await work.stateStore.update { $0.lastExports[key] = record }
        let duration = stopwatch.elapsed()
        work.metrics.exportFinished(type: scope.exportType, succeeded: true, bytes: plan.exportByteCount, duration: duration)
        work.logger.info(
            "scheduled export delivered",
            metadata: [
                "schedule": "\(key)", "run": "\(context.runNumber)", "file": "\(artifact.filename)",
                "bytes": "\(plan.exportByteCount)", "uploads": "\(plan.uploads.count)", "messages": "\(posted.map(\.id.rawValue))",
                "sha256": "\(plan.sha256)", "seconds": "\(DurationText.timeInterval(duration))", "drop_warning": "\(facts.dropWarning != nil)",
            ])
        return .success
    }
}

extension ScheduledRunError {
    static func describe(_ error: any Error) -> String {
        (error as? any LocalizedError)?.errorDescription ?? String(describing: error)
    }
}
