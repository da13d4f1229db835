/// A three-way merge over sequences of units (sentences, lines). Pure.
///
/// Each side's change from the base is a list of hunks (a range of base units replaced by
/// new units). Hunks of the two sides collide when their base ranges overlap, when both
/// insert at one place, or when one inserts strictly inside the range the other replaces;
/// hunks that only touch (one ends where the other starts) merge. Identical hunks are taken
/// once. So the merge never depends on the order of its sides, and a side that changed
/// nothing leaves the other side as it is.
public enum UnitMerge {
    /// One side's change of the base: `range` of base units replaced by `units`.
    public struct Hunk: Hashable, Sendable {
        public var range: Range<Int>
        public var units: [String]
    }

    /// A place where both sides changed the same units differently.
    public struct Collision: Hashable, Sendable {
        public var base: [String]
        public var ours: [String]
        public var theirs: [String]
    }

    public enum Outcome: Hashable, Sendable {
        case merged([String])
        case collided([Collision])
    }

    /// The hunks that turn `base` into `side` (Myers, through the standard library's difference).
    public static func hunks(from base: [String], to side: [String]) -> [Hunk] {
        let difference = side.difference(from: base)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var hunks: [Hunk] = []
        var i = 0, j = 0
        while i < base.count || j < side.count {
            if i < base.count, j < side.count, !removed.contains(i), !inserted.contains(j) {
                i += 1
                j += 1
                continue
            }
            let start = i, sideStart = j
            while i < base.count, removed.contains(i) { i += 1 }
            while j < side.count, inserted.contains(j) { j += 1 }
            hunks.append(Hunk(range: start..<i, units: Array(side[sideStart..<j])))
        }
        return hunks
    }

    /// Merges the two sides' changes of `base`.
    public static func merge(base: [String], ours: [String], theirs: [String]) -> Outcome {
        if ours == base { return .merged(theirs) }
        if theirs == base || ours == theirs { return .merged(ours) }
        enum Side { case ours, theirs }
        let events = (hunks(from: base, to: ours).map { ($0, Side.ours) } + hunks(from: base, to: theirs).map { ($0, Side.theirs) })
            .sorted { a, b in
                if a.0.range.lowerBound != b.0.range.lowerBound { return a.0.range.lowerBound < b.0.range.lowerBound }
                if a.0.range.isEmpty != b.0.range.isEmpty { return a.0.range.isEmpty }
                return a.1 == .ours && b.1 == .theirs
            }
        var merged: [String] = []
        var collisions: [Collision] = []
        var position = 0
        var index = 0
        while index < events.count {
            var group = [events[index]]
            var low = events[index].0.range.lowerBound, high = events[index].0.range.upperBound
            var next = index + 1
            while next < events.count {
                let range = events[next].0.range
                let overlaps = range.lowerBound < high || (range.lowerBound == high && low == high && range.isEmpty)
                guard overlaps else { break }
                group.append(events[next])
                high = max(high, range.upperBound)
                next += 1
            }
            index = next
            merged += base[position..<low]
            position = high
            if group.count == 1 || (group.count == 2 && group[0].0 == group[1].0) {
                merged += group[0].0.units
                continue
            }
            // Both sides changed these base units: each side's version of them.
            func version(_ side: Side) -> [String] {
                var units: [String] = []
                var at = low
                for (hunk, owner) in group where owner == side {
                    units += base[at..<hunk.range.lowerBound]
                    units += hunk.units
                    at = hunk.range.upperBound
                }
                return units + base[at..<high]
            }
            let mine = version(.ours), yours = version(.theirs)
            if mine == yours {
                merged += mine
            } else {
                collisions.append(Collision(base: Array(base[low..<high]), ours: mine, theirs: yours))
            }
        }
        merged += base[position...]
        return collisions.isEmpty ? .merged(merged) : .collided(collisions)
    }
}
