extension DeliberationStore {
    /// The deliberation branch's tip as hex, nil before anything is recorded: it changes with
    /// every record, whoever makes it (the console, the CLI, a sync), so a view can tell it is behind.
    public func version() throws -> String? { try tip().oid?.hex }
}
