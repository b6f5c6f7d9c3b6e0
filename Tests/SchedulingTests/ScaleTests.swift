import CastBotTestSupport
import Foundation
import Scheduling
import Testing

@Suite("Many schedules, one loop", .timeLimit(.minutes(2)))
struct ScaleTests {
    @Test("1,200 schedules: no task until a run starts, one task per running run, one loop")
    func onlyRunningRunsHaveTasks() async throws {
        let harness = SchedulerHarness()
        let quick = FakeJob()
        let slow = FakeJob(thenAlways: .hold)
        let keys = (0..<1_200).map { ScheduleKey("guild-\($0)") }
        for (index, key) in keys.enumerated() {
            try harness.scheduler.start(try testSettings(key, every: 60), job: (index.isMultiple(of: 2) ? quick : slow).job)
        }
        await harness.settle()
        var diagnostics = harness.scheduler.diagnostics()
        #expect(diagnostics.activeSchedules == 1_200)
        #expect(diagnostics.runningRuns == 0, "idle schedules hold no task")
        #expect(diagnostics.pendingDeadlines == 1_200, "one heap entry per schedule")
        #expect(diagnostics.loopRunning)

        // A second loop refuses to start: the single loop serves every schedule.
        await harness.scheduler.run()

        await harness.advance(to: .seconds(5))
        for _ in 0..<600 {
            _ = await harness.events.next { event in
                if case .runSucceeded = event.kind { return true }
                return false
            }
        }
        diagnostics = harness.scheduler.diagnostics()
        #expect(diagnostics.runningRuns == 600, "exactly the runs still going have tasks")
        #expect(await eventually { slow.heldCount == 600 })
        #expect(harness.scheduler.statuses().allSatisfy { $0.runCount == 1 })

        slow.releaseAll()
        for _ in 0..<600 {
            _ = await harness.events.next { event in
                if case .runSucceeded = event.kind { return true }
                return false
            }
        }
        await harness.settle()
        diagnostics = harness.scheduler.diagnostics()
        #expect(diagnostics.runningRuns == 0)
        #expect(harness.scheduler.statuses().allSatisfy { $0.nextRunAt == harness.date(.seconds(3_600)) })
        await harness.stop()
    }

    @Test("1,000 schedules with staggered deadlines each start exactly at their own deadline")
    func staggeredDeadlinesFireExactly() async throws {
        let harness = SchedulerHarness()
        let job = FakeJob()
        for index in 0..<1_000 {
            let firstRun = harness.startDate.addingTimeInterval(10 + Double(index) * 0.25)
            try harness.scheduler.start(try testSettings(ScheduleKey("s-\(index)"), every: 60), firstRun: .at(firstRun), job: job.job)
        }
        await harness.advance(to: .seconds(10 + 250))
        for _ in 0..<1_000 {
            _ = await harness.events.next { event in
                if case .runSucceeded = event.kind { return true }
                return false
            }
        }
        let contexts = job.contexts
        #expect(contexts.count == 1_000)
        #expect(contexts.allSatisfy { $0.startedAt == $0.scheduledAt })
        #expect(Set(contexts.map(\.scheduledAt)).count == 1_000)
        await harness.stop()
    }
}
