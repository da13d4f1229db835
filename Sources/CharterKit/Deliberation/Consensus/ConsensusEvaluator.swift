/// Applies the manifest's consensus rule to the positions of the territories
/// in scope. Pure.
///
/// - `consent`: no objection among current positions and the quorum met;
///   reservations make it `consensus-with-reservations`.
/// - `unanimity`: every territory in scope has a current position and none
///   objects; reservations make it `consensus-with-reservations`.
/// - `majority`: the quorum met and supports (reservations included) at least
///   `threshold` of the current positions; without a threshold, strictly more
///   than half (so a tie is not a majority). Reservations or a minority's
///   objections make it `consensus-with-reservations`; otherwise `objection`
///   when someone objects, else `open`.
///
/// The quorum (default 1) counts territories with a current position. When no
/// position counts but some exist on older text, the status is `stale`.
public enum ConsensusEvaluator {
    public static func status(of cells: [PositionCell], scope: [String], rule: ConsensusRule) -> ClauseStatus {
        let inScope = Set(scope)
        let relevant = cells.filter { inScope.contains($0.territory) }
        let current = relevant.filter { $0.currency.counts }
        if current.isEmpty { return relevant.isEmpty ? .open : .stale }
        let quorum = max(rule.quorum ?? 1, 1)
        let objections = current.filter { $0.position == .objection }.count
        let reservations = current.filter { $0.position == .reservation }.count
        let supports = current.count - objections
        switch rule.kind {
        case .consent:
            if objections > 0 { return .objection }
            if current.count < quorum { return .open }
            return reservations > 0 ? .consensusWithReservations : .consensus
        case .unanimity:
            if objections > 0 { return .objection }
            if Set(current.map(\.territory)) != inScope || current.count < quorum { return .open }
            return reservations > 0 ? .consensusWithReservations : .consensus
        case .majority:
            if current.count < quorum { return objections > 0 ? .objection : .open }
            let reached: Bool
            if let threshold = rule.threshold {
                // A share exactly at the threshold reaches it: 14 of 25 at 0.56 must not fail
                // because 0.56 * 25 is 14.000000000000002 in binary floating point.
                reached = Double(supports) >= threshold * Double(current.count) - 1e-9
            } else {
                reached = 2 * supports > current.count
            }
            if reached { return reservations + objections > 0 ? .consensusWithReservations : .consensus }
            return objections > 0 ? .objection : .open
        }
    }
}
