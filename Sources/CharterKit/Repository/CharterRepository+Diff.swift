extension CharterRepository {
    /// The clause-aware difference between two sources (revisions or the working tree).
    public func diff(_ old: CharterSource, _ new: CharterSource) throws -> CharterDiff {
        CharterDiff.between(try charter(old), try charter(new), fromLabel: label(old), toLabel: label(new))
    }

    /// `HEAD~2 (1a2b3c4)`, or `working tree`.
    func label(_ source: CharterSource) -> String {
        guard case .revision(let spec) = source, let oid = try? resolveOID(spec) else { return source.description }
        return spec.count >= 40 ? oid.short() : "\(spec) (\(oid.short()))"
    }
}
