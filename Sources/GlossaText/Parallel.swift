import Dispatch
import Foundation

/// Maps `items` with `transform` on up to `jobs` threads; results come back in input order,
/// so output is identical to a single-threaded run.
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @escaping @Sendable (T) -> R) -> [R] {
    if jobs <= 1 || items.count <= 1 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, transform(items[index]))
    }
    return results.values()
}

/// Result slots filled from several threads under a lock.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    func values() -> [R] { slots.map { $0! } }
}

/// A pool of per-thread resources (such as tokenizers, which own ICU handles and must not be
/// shared between threads): `withResource` lends one, creating it when none is free.
public final class ResourcePool<Resource>: @unchecked Sendable {
    private var free: [Resource] = []
    private let lock = NSLock()
    private let make: () throws -> Resource

    public init(_ make: @escaping () throws -> Resource) { self.make = make }

    public func withResource<R>(_ body: (Resource) throws -> R) throws -> R {
        lock.lock()
        let resource = free.popLast()
        lock.unlock()
        let lent = try resource ?? make()
        defer {
            lock.lock()
            free.append(lent)
            lock.unlock()
        }
        return try body(lent)
    }

    /// Takes a resource out of the pool (creating one when none is free), for a caller that
    /// hands it on and gives it back later with `giveBack`.
    public func take() throws -> Resource {
        lock.lock()
        let resource = free.popLast()
        lock.unlock()
        return try resource ?? make()
    }

    /// Puts a resource (back) into the pool.
    public func giveBack(_ resource: Resource) {
        lock.lock()
        free.append(resource)
        lock.unlock()
    }
}
