/// `charter check --gate release`: what blocks publishing the checked text.
///
/// A finding for each clause whose status is `objection`, each amendment
/// still open, and each clause not discussed at any workshop since its text
/// last changed (no comment or position that still applies to this text).
public struct ReleaseGate: DeliberationGate {
    public let name = "release"

    public let descriptor = RuleDescriptor(
        id: "gate/release",
        summary: "Before a release, no clause is under objection, no amendment is open, and every clause has been discussed since its last change.",
        defaultSeverity: .error, scope: .charter)

    public init() {}

    public func evaluate(_ request: DeliberationGateRequest) throws -> [CheckFinding] {
        let repository = request.repository
        let revision = request.revision ?? "HEAD"
        let matrix = try repository.status(at: revision)
        let discussed = Set(try repository.comments(CommentFilter(includeRetracted: false), against: revision)
            .filter { $0.currency.counts }.map(\.comment.comment.clause))
        var findings: [CheckFinding] = []
        func finding(_ clause: ClauseID?, _ message: String) -> CheckFinding {
            let file = clause.map { request.files.clausePath("\($0).md") } ?? request.files.manifestPath
            return CheckFinding(rule: descriptor.id, severity: .error, file: file, line: 1, message: message, clause: clause?.rawValue)
        }
        for row in matrix.rows {
            if row.status == .objection {
                let objecting = row.cells.values.filter { $0.position == .objection && $0.currency.counts }.map(\.territory).sorted()
                findings.append(finding(row.clause, "clause \(row.number) is under objection from \(objecting.joined(separator: ", ")): settle it before releasing"))
            }
            if !discussed.contains(row.clause) {
                findings.append(finding(row.clause, "clause \(row.number) has not been discussed at any workshop since its text last changed"))
            }
        }
        for view in try repository.amendments(AmendmentFilter(status: "open")) {
            findings.append(finding(view.amendment.change.clause,
                                    "amendment \(view.shortID) (\(view.amendment.change.summary)) is still open: adopt, reject or withdraw it"))
        }
        return findings
    }
}
