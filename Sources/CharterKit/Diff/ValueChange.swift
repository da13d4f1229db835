/// A value before and after a change (a title, a language, the structure…).
public struct ValueChange<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }
}
