import Synchronization

/// A counter that moves on every save the console makes, so a page open elsewhere (the
/// projection view) learns within a fraction of a second that it is out of date.
final class ChangeSignal: Sendable {
    private let generation = Atomic<Int>(0)

    func signal() { generation.add(1, ordering: .sequentiallyConsistent) }

    var current: Int { generation.load(ordering: .sequentiallyConsistent) }
}
