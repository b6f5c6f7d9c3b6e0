import Foundation

/// The arithmetic of `castbot-bench cluster`, apart from any process or socket so it can be
/// tested: which due slots a schedule had in the measured window, which export messages belong
/// to each, and what the run claims say about them.
package enum ClusterSlots {
    /// One schedule as the database holds it.
    package struct Schedule: Sendable, Hashable {
        package let key: String
        package let gridAnchor: Date
        package let interval: TimeInterval

        package init(key: String, gridAnchor: Date, interval: TimeInterval) {
            self.key = key
            self.gridAnchor = gridAnchor
            self.interval = interval
        }

        /// Grid points `gridAnchor + k·interval` with `after < slot ≤ through`, in milliseconds
        /// since 1970 (as `run_claims.due_at` stores them).
        package func slots(after start: Date, through end: Date) -> [Int64] {
            let anchor = Self.milliseconds(gridAnchor)
            let step = Int64((interval * 1_000).rounded())
            guard step > 0 else { return [] }
            let first = Self.floorDivide(Self.milliseconds(start) - anchor, step) + 1
            let last = Self.floorDivide(Self.milliseconds(end) - anchor, step)
            guard first <= last else { return [] }
            return (first...last).map { anchor + $0 * step }
        }

        /// The slot `[slot, slot + interval)` holding `date`, in milliseconds since 1970.
        package func slot(containing date: Date) -> Int64 {
            let anchor = Self.milliseconds(gridAnchor)
            let step = max(1, Int64((interval * 1_000).rounded()))
            return anchor + Self.floorDivide(Self.milliseconds(date) - anchor, step) * step
        }

        static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1_000).rounded()) }

        private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
            let quotient = value / divisor
            return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
        }
    }

    /// One export message in a schedule's channel.
    package struct Posting: Sendable, Hashable {
        /// When the sandbox stored it.
        package let postedAt: Date
        /// The run's start, from the export's filename; nil when it has none.
        package let runStartedAt: Date?

        package init(postedAt: Date, runStartedAt: Date?) {
            self.postedAt = postedAt
            self.runStartedAt = runStartedAt
        }
    }

    /// One `run_claims` row.
    package struct Claim: Sendable, Hashable {
        package let key: String
        package let dueAt: Int64
        package let replica: String
        package let claimedAt: Int64
        package let leaseUntil: Int64
        package let state: String
        package let outcome: String?
        package let finishedAt: Int64?
        package let takeovers: Int

        package init(
            key: String, dueAt: Int64, replica: String, claimedAt: Int64, leaseUntil: Int64, state: String, outcome: String?,
            finishedAt: Int64?, takeovers: Int
        ) {
            self.key = key
            self.dueAt = dueAt
            self.replica = replica
            self.claimedAt = claimedAt
            self.leaseUntil = leaseUntil
            self.state = state
            self.outcome = outcome
            self.finishedAt = finishedAt
            self.takeovers = takeovers
        }
    }

    /// One due slot of one schedule and what happened to it.
    package struct SlotOutcome: Sendable, Hashable {
        package let key: String
        /// Milliseconds since 1970.
        package let slot: Int64
        /// Messages posted in `[slot, slot + interval)`, oldest first.
        package let postings: [Posting]
        /// The claim row for this slot, if any.
        package let claim: Claim?

        /// First message minus the slot; nil when nothing was posted.
        package var lateness: TimeInterval? {
            postings.first.map { $0.postedAt.timeIntervalSince1970 - Double(slot) / 1_000 }
        }
    }

    /// Every slot of `schedule` in `(windowStart, windowEnd]`, with the messages posted in it and
    /// its claim. `postings` may hold messages of other slots; they are left out.
    package static func outcomes(
        of schedule: Schedule, postings: [Posting], claims: [Claim], windowStart: Date, windowEnd: Date
    ) -> [SlotOutcome] {
        var bySlot: [Int64: [Posting]] = [:]
        for posting in postings { bySlot[schedule.slot(containing: posting.postedAt), default: []].append(posting) }
        var claimBySlot: [Int64: Claim] = [:]
        for claim in claims where claim.key == schedule.key { claimBySlot[claim.dueAt] = claim }
        return schedule.slots(after: windowStart, through: windowEnd).map { slot in
            SlotOutcome(
                key: schedule.key, slot: slot, postings: (bySlot[slot] ?? []).sorted { $0.postedAt < $1.postedAt },
                claim: claimBySlot[slot])
        }
    }

    /// The counts the report prints, over every schedule's slots.
    package struct Tally: Sendable, Equatable {
        package var expected = 0
        /// Slots with at least one message.
        package var delivered = 0
        /// Slots with two or more messages.
        package var duplicates = 0
        /// Slots with no message.
        package var missing = 0
        /// First message minus slot, for every delivered slot.
        package var lateness: [Duration] = []
        /// Delivered slots whose first message came more than `lateLimit` after the slot.
        package var late = 0
        /// Slots whose claim was taken over from another replica.
        package var takenOver = 0
        /// Their lateness (delivered ones only).
        package var takeoverLateness: [Duration] = []
        /// Slots with no claim row at all.
        package var unclaimed = 0
        /// Messages whose run started in an earlier slot than the one they were posted in (by the
        /// filename's run time): a run that finished after its next slot began.
        package var postedAfterTheirSlot = 0

        package init(_ outcomes: [SlotOutcome], lateLimit: TimeInterval) {
            for outcome in outcomes {
                expected += 1
                if outcome.claim == nil { unclaimed += 1 }
                let takeover = (outcome.claim?.takeovers ?? 0) > 0
                if takeover { takenOver += 1 }
                if outcome.postings.count >= 2 { duplicates += 1 }
                guard let lateness = outcome.lateness else {
                    missing += 1
                    continue
                }
                delivered += 1
                let duration = Duration.milliseconds(Int64((lateness * 1_000).rounded()))
                self.lateness.append(duration)
                if takeover { takeoverLateness.append(duration) }
                if lateness > lateLimit { late += 1 }
                for posting in outcome.postings {
                    if let started = posting.runStartedAt, started.timeIntervalSince1970 * 1_000 < Double(outcome.slot) - 1_000 {
                        postedAfterTheirSlot += 1
                    }
                }
            }
        }
    }
}
