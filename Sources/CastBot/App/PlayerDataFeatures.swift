import DiscordModels
import DiscordREST
import ExportFormat
import Foundation
import PlayerData

/// The player data UI: `/menu`, exports, imports, schedules and the health monitor, as routes on
/// the interaction router. Build it once at startup and `install` it.
struct PlayerDataFeatures: Sendable {
    private let menu: MenuHandler
    private let exports: ManualExportHandler
    private let schedules: ScheduleHandlers
    private let imports: ImportHandlers
    private let health: HealthHandlers
    private let restores: RestoreHandlers

    /// - Parameters:
    ///   - snapshots: the data file as the scheduled side reads it (shared, so one scan serves both).
    ///   - discord: downloads uploaded import files (Discord's CDN or the configured API host only).
    ///   - applicationID: the bot's application, to tell its export messages from others' (restore).
    ///   - followUps: the router's sender; posts the extra parts of a split manual export.
    ///   - packager: how manual exports travel (plain, gzip or parts), as scheduled ones do.
    ///   - clock: import plans expire on it.
    ///   - now: export dates and message timestamps.
    init(
        store: PlayerDataStore,
        snapshots: PlayerDataSnapshots? = nil,
        ownerIDs: [String],
        schedules: any ExportScheduleControlling,
        health: any HealthMonitorControlling,
        discord: any DiscordClient,
        applicationID: String? = nil,
        followUps: any FollowUpSender,
        packager: ExportPackager = ExportPackager(),
        importLimits: ImportLimits = ImportLimits(),
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let authorizer = PlayerDataAuthorizer(ownerIDs: Set(ownerIDs))
        let reader = PlayerDataReader(snapshots: snapshots ?? PlayerDataSnapshots(store: store))
        let scheduleHandlers = ScheduleHandlers(authorizer: authorizer, schedules: schedules, now: now)
        self.schedules = scheduleHandlers
        self.menu = MenuHandler(authorizer: authorizer, schedules: scheduleHandlers)
        self.exports = ManualExportHandler(
            authorizer: authorizer, data: reader, packager: packager, extraParts: ExtraPartSender(followUps: followUps), now: now)
        self.imports = ImportHandlers(
            authorizer: authorizer, store: store, downloader: discord,
            pending: PendingImports(lifetime: importLimits.planLifetime, clock: clock), limits: importLimits, now: now)
        self.health = HealthHandlers(authorizer: authorizer, health: health)
        self.restores = RestoreHandlers(
            authorizer: authorizer,
            store: store, restore: { ChannelRestore(discord: discord, store: store, applicationID: $0) },
            applicationID: applicationID.flatMap(Snowflake.init(typed:)),
            pending: PendingImports(lifetime: importLimits.planLifetime, clock: clock), now: now)
    }

    /// Registers every route. Handlers answer within the router's deadline; replies with files
    /// (exports) and slow ones (large imports) go out deferred and follow up.
    func install(on router: inout InteractionRouter) {
        let (menu, exports, schedules, imports, health, restores) = (menu, exports, schedules, imports, health, restores)
        router.onCommand(CustomID.menuCommand) { await menu.menu($0) }

        router.onComponent(CustomID.export) { await exports.export($0, all: false) }
        router.onComponent(CustomID.exportAll) { await exports.export($0, all: true) }

        router.onComponent(CustomID.exportSchedule) { await schedules.openModal($0) }
        router.onModal(CustomID.exportScheduleModal) { await schedules.submit($0) }
        router.onComponent(CustomID.exportStatus) { await schedules.status($0) }
        router.onComponent(CustomID.exportRetention) { await schedules.openRetention($0) }
        router.onModal(CustomID.exportRetentionModal) { await schedules.submitRetention($0) }

        router.onComponent(CustomID.importButton) { await imports.openModal($0) }
        router.onModal(CustomID.importModal) { await imports.submit($0) }
        router.onComponent(prefix: CustomID.importConfirmPrefix) { await imports.confirm($0) }
        router.onComponent(prefix: CustomID.importCancelPrefix) { await imports.cancel($0) }

        router.onComponent(CustomID.restore) { await restores.start($0) }
        router.onComponent(prefix: CustomID.restoreConfirmPrefix) { await restores.confirm($0) }
        router.onComponent(prefix: CustomID.restoreCancelPrefix) { await restores.cancel($0) }

        router.onComponent(CustomID.healthSchedule) { await health.openModal($0) }
        router.onModal(CustomID.healthScheduleModal) { await health.submit($0) }
    }
}
