import CastBotTestSupport
import Foundation
import Scheduling
import Testing

@Suite("Many schedules, one loop", .timeLimit(.minutes(2)))
struct ScaleTests {
    @Test("1,200 schedules: no task until a run starts, one task per running run, one loop")
    func onlyRunningRunsHaveTasks() async throws {
        // No cap on runs at once here: this test counts tasks (the cap has its own test).
        let harness = SchedulerHarness(configuration: SchedulerConfiguration(maxConcurrentRuns: 10_000))
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

    @Test("At most maxConcurrentRuns run at once; the rest start in deadline order as slots free, and timeouts still fire")
    func concurrentRunsAreCapped() async throws {
        let harness = SchedulerHarness(configuration: SchedulerConfiguration(maxConcurrentRuns: 3))
        let job = FakeJob(thenAlways: .hold)
        // Ten schedules due together in the same second, in a known deadline order; the first one
        // has a short timeout, so it must time out while every slot is taken.
        for index in 0..<10 {
            let firstRun = harness.startDate.addingTimeInterval(10 + Double(index) * 0.01)
            let timeout: Duration = index == 0 ? .seconds(30) : .seconds(600)
            try harness.scheduler.start(
                try testSettings(ScheduleKey("s-\(index)"), every: 60, runTimeout: timeout), firstRun: .at(firstRun), job: job.job)
        }
        await harness.advance(to: .seconds(11))
        #expect(await eventually { job.heldCount == 3 })
        var diagnostics = harness.scheduler.diagnostics()
        #expect(diagnostics.runningRuns == 3)
        #expect(diagnostics.runsWaitingForSlot == 7)
        #expect(job.contexts.map(\.key) == ["s-0", "s-1", "s-2"])

        // s-0 times out at 40 s although seven runs wait: its slot goes to the next in line.
        await harness.advance(to: .seconds(41))
        #expect(harness.scheduler.status("s-0")?.lastRun?.result.kind == .timedOut)
        #expect(await eventually { job.callCount == 4 })
        #expect(job.contexts.map(\.key).last == "s-3")

        // s-0's task ignores cancellation and is still held: releasing it frees no slot.
        job.release()
        await harness.settle()
        #expect(job.callCount == 4)

        // Freeing the slots lets the others start, one per slot, in deadline order.
        for _ in 0..<6 {
            let before = job.callCount
            job.release()
            await harness.settle()
            #expect(await eventually { job.callCount == before + 1 })
        }
        #expect(job.contexts.map(\.key) == (0..<10).map { ScheduleKey("s-\($0)") })
        diagnostics = harness.scheduler.diagnostics()
        #expect(diagnostics.runsWaitingForSlot == 0)
        #expect(diagnostics.runningRuns == 3)
        // A run that waited for a slot started late, and its status says when it was due.
        let last = job.contexts[9]
        #expect(last.scheduledAt == harness.startDate.addingTimeInterval(10.09))
        #expect(last.startedAt > last.scheduledAt)
        job.releaseAll()
        await harness.stop()
    }
}
