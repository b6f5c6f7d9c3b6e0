import DiscordREST
import Foundation
import HTTPConnectionGuard
import Logging
import PlayerData
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// What `castbot serve` runs once configuration, logging and metrics are set up: builds the bot,
/// the application and the service group, and runs until SIGTERM/SIGINT. It talks to whatever
/// Discord the configuration names (the real API, or a stand-in in sandbox mode).
package struct ServeRuntime: Sendable {
    package let configuration: CastBotConfiguration
    package let registry: PrometheusCollectorRegistry
    package let logger: Logger
    /// Called with the bound port once the interactions server listens.
    package let onServerRunning: @Sendable (Int) async -> Void
    /// Called with the bound port once the admin listener (`/status`) listens, when configured.
    package let onAdminServerRunning: @Sendable (Int) async -> Void
    /// Signals that start graceful shutdown; tests use one nothing else in the process listens to.
    package let gracefulShutdownSignals: [UnixSignal]
    /// One machine, or a replica of a cluster (when `CASTBOT_DATABASE_URL` is set, opened by the caller).
    package let deployment: any Deployment

    package init(
        configuration: CastBotConfiguration,
        registry: PrometheusCollectorRegistry,
        logger: Logger = Logger(label: "castbot"),
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        deployment: any Deployment = SingleMachine(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        onAdminServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.onAdminServerRunning = onAdminServerRunning
        self.deployment = deployment
        self.configuration = configuration
        self.registry = registry
        self.logger = logger
        self.gracefulShutdownSignals = gracefulShutdownSignals
        self.onServerRunning = onServerRunning
    }

    /// Takes the data folder for this process (one `serve` per folder), before anything in it is
    /// read or written. Throws `PlayerDataError.dataFolderInUse` naming the running process.
    package static func lockDataFolder(_ configuration: CastBotConfiguration) throws -> DataFolderLock {
        try DataFolderLock.acquire(directory: configuration.dataDirectory)
    }

    /// Returns after a graceful shutdown; throws if a service failed, or at once if another
    /// process serves the same data folder. `folderLock` is the lock taken earlier by a caller that
    /// had to touch the folder first (sandbox mode seeds it); without one, `run` takes it.
    package func run(holding folderLock: DataFolderLock? = nil) async throws {
        let folderLock = try folderLock ?? Self.lockDataFolder(configuration)
        defer { folderLock.release() }
        logger.info("starting CastBot \(CastBotVersion.current)", metadata: ["configuration": "\(configuration)"])
        let bot = try await BotAssembly.make(
            configuration: configuration, discord: HTTPDiscordClient.bot(configuration: configuration, logger: logger),
            clock: ContinuousClock(), interactionClock: ContinuousClock(), deployment: deployment, logger: logger)
        let listening = ListeningFlag()
        let adminListening = ListeningFlag()
        let connections = HTTPConnectionGauge()
        let onServerRunning = onServerRunning
        let onAdminServerRunning = onAdminServerRunning
        let dependencies = ApplicationDependencies(
            interactionHandler: bot.router,
            prometheusRegistry: registry,
            logger: logger,
            activeSchedules: bot.activeSchedules,
            isReady: bot.isReady,
            followUpDrainTimeout: configuration.shutdownGrace,
            connectionGauge: connections,
            onServerRunning: { port in
                listening.set()
                await onServerRunning(port)
            },
            backupHealth: bot.backupHealth,
            onAdminServerRunning: { port in
                adminListening.set()
                await onAdminServerRunning(port)
            },
            databaseProblem: bot.storageCheck
        )
        let application = try buildApplication(configuration: configuration, dependencies: dependencies)
        // Listed after the scheduler: shutdown stops it right after the interactions server.
        var admin: [any Service] = []
        if let address = configuration.adminAddress {
            admin.append(buildAdminApplication(at: address, backupHealth: bot.backupHealth, configuration: configuration, dependencies: dependencies))
        }
        let group = CastBotServices.serviceGroup(
            application: application,
            alongside: bot.scheduledServices + admin,
            gracefulShutdownSignals: gracefulShutdownSignals,
            grace: configuration.shutdownGrace,
            logger: logger
        )
        do {
            try await group.run()
        } catch {
            try Self.explainListenFailure(
                error, configuration: configuration, interactionsListening: listening.isSet,
                adminListening: configuration.adminAddress == nil || adminListening.isSet)
        }
        // Non-zero open connections here were cut off when the grace ran out.
        logger.info(
            "stopped",
            metadata: [
                "connections_cut_off": "\(connections.openConnections)",
                "connections_turned_away": "\(connections.rejectedConnections)",
                "connections_timed_out": "\(connections.timedOutConnections)",
            ])
    }
}

extension ServeRuntime {
    /// A failure before a listener was up is most often a taken port: say which address and which
    /// setting moves it. Otherwise rethrows `error` as it is.
    static func explainListenFailure(
        _ error: any Error, configuration: CastBotConfiguration, interactionsListening: Bool, adminListening: Bool
    ) throws -> Never {
        let interactions = "the interactions server (\(configuration.httpHost):\(configuration.httpPort))"
        let interactionsSettings = "\(ConfigurationKey.httpPort.rawValue) or \(ConfigurationKey.httpHost.rawValue)"
        let admin = "the admin listener (\(configuration.adminAddress?.description ?? ""))"
        let adminSetting = ConfigurationKey.adminAddress.rawValue
        switch (interactionsListening, adminListening) {
        case (true, true): throw error
        case (false, true):
            throw ServeError("the interactions server could not listen on \(configuration.httpHost):\(configuration.httpPort): \(ListenCheck.reason(error)). Set \(interactionsSettings) to a free address")
        case (true, false):
            throw ServeError("\(admin) could not listen: \(ListenCheck.reason(error)). Set \(adminSetting) to a free address")
        case (false, false):
            throw ServeError("\(interactions) or \(admin) could not listen: \(ListenCheck.reason(error)). Set \(interactionsSettings), or \(adminSetting), to a free address")
        }
    }
}

/// `castbot serve` could not start; the description says what to change.
package struct ServeError: Error, Sendable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) {
        self.description = description
    }
}

/// Set once the HTTP server listens, so a failure before that can be reported as a listen failure.
private final class ListeningFlag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
