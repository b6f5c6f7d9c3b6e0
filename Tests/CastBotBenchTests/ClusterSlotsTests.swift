import CastBotBench
import Foundation
import Testing

/// How `castbot-bench cluster` matches export messages to due slots; no timing is asserted.
@Suite("Cluster bench slots", .timeLimit(.minutes(1)))
struct ClusterSlotsTests {
    /// 2026-12-03 02:00:07.250 UTC: a schedule set at an odd instant, as the modal sets them.
    let anchor = Date(timeIntervalSince1970: 1_796_263_207.25)
    var schedule: ClusterSlots.Schedule { ClusterSlots.Schedule(key: "export:guild:1", gridAnchor: anchor, interval: 60) }

    func at(_ seconds: Double) -> Date { anchor.addingTimeInterval(seconds) }
    func milliseconds(_ seconds: Double) -> Int64 { Int64((at(seconds).timeIntervalSince1970 * 1_000).rounded()) }

    @Test("Slots are the grid points after the window's start and up to its end, in milliseconds")
    func slotsInWindow() {
        // The window starts 30 s after the anchor (the last schedule's creation): slot 0 is out.
        let slots = schedule.slots(after: at(30), through: at(240))
        #expect(slots == [60, 120, 180, 240].map(milliseconds))
        #expect(schedule.slots(after: at(61), through: at(119)).isEmpty)
        // A grid point exactly at the start is not after it.
        #expect(schedule.slots(after: at(60), through: at(120)) == [milliseconds(120)])
    }

    @Test("A slot before the anchor is laid backwards on the same grid")
    func slotBeforeAnchor() {
        #expect(schedule.slot(containing: at(-0.5)) == milliseconds(-60))
        #expect(schedule.slot(containing: at(59.999)) == milliseconds(0))
        #expect(schedule.slot(containing: at(60)) == milliseconds(60))
    }

    @Test("Each slot gets the messages posted in [slot, next slot) and its claim row")
    func outcomes() {
        let postings = [
            // Slot 60: on time. Slot 120: twice. Slot 180: none. Slot 240: 20 s late.
            ClusterSlots.Posting(postedAt: at(61.2), runStartedAt: at(60.1)),
            ClusterSlots.Posting(postedAt: at(121), runStartedAt: at(120.1)),
            ClusterSlots.Posting(postedAt: at(137), runStartedAt: at(135.5)),
            ClusterSlots.Posting(postedAt: at(260), runStartedAt: at(240.2)),
            // The first run, 5 s after the anchor: outside the window.
            ClusterSlots.Posting(postedAt: at(5.5), runStartedAt: at(5)),
        ]
        let claims = [
            claim(dueAt: milliseconds(60), takeovers: 0),
            claim(dueAt: milliseconds(120), takeovers: 1),
            claim(dueAt: milliseconds(240), takeovers: 1),
            ClusterSlots.Claim(
                key: "export:guild:2", dueAt: milliseconds(180), replica: "other", claimedAt: 0, leaseUntil: 0, state: "finished",
                outcome: nil, finishedAt: nil, takeovers: 0),
        ]
        let outcomes = ClusterSlots.outcomes(of: schedule, postings: postings, claims: claims, windowStart: at(30), windowEnd: at(240))
        #expect(outcomes.map(\.slot) == [60, 120, 180, 240].map(milliseconds))
        #expect(outcomes.map(\.postings.count) == [1, 2, 0, 1])
        #expect(outcomes[2].claim == nil, "another schedule's claim is not this one's")
        #expect(outcomes[1].postings.first?.postedAt == at(121))

        let tally = ClusterSlots.Tally(outcomes, lateLimit: 15)
        #expect(tally.expected == 4)
        #expect(tally.delivered == 3)
        #expect(tally.duplicates == 1)
        #expect(tally.missing == 1)
        #expect(tally.late == 1)
        #expect(tally.unclaimed == 1)
        #expect(tally.takenOver == 2)
        #expect(tally.takeoverLateness == [.seconds(1), .seconds(20)])
        #expect(tally.lateness.sorted() == [.seconds(1), .milliseconds(1_200), .seconds(20)])
        #expect(tally.postedAfterTheirSlot == 0)
    }

    @Test("A run that posts after its next slot began counts for that slot, and is flagged by its filename's time")
    func postedAfterItsSlot() {
        let postings = [
            ClusterSlots.Posting(postedAt: at(125), runStartedAt: at(60.2)),
            ClusterSlots.Posting(postedAt: at(126), runStartedAt: at(120.3)),
        ]
        let outcomes = ClusterSlots.outcomes(of: schedule, postings: postings, claims: [], windowStart: at(30), windowEnd: at(120))
        let tally = ClusterSlots.Tally(outcomes, lateLimit: 15)
        #expect(tally.missing == 1)
        #expect(tally.duplicates == 1)
        #expect(tally.postedAfterTheirSlot == 1)
    }

    private func claim(dueAt: Int64, takeovers: Int) -> ClusterSlots.Claim {
        ClusterSlots.Claim(
            key: "export:guild:1", dueAt: dueAt, replica: "host:4242", claimedAt: dueAt, leaseUntil: dueAt + 15_000, state: "finished",
            outcome: "delivered", finishedAt: dueAt + 1_000, takeovers: takeovers)
    }
}
