import Foundation

/// libFuzzer's entry point for `make fuzz`: the target named by `CHARTER_FUZZ_TARGET`
/// (Tests/CharterKitTests/Fuzzing/FuzzTargets.swift). An outcome that breaks a property traps,
/// so libFuzzer keeps the input as a crash.
private let target = ProcessInfo.processInfo.environment["CHARTER_FUZZ_TARGET"] ?? "manifest"

@_cdecl("LLVMFuzzerTestOneInput")
public func charterFuzzOne(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let outcome = FuzzTargets.run(target, Data(bytes: bytes, count: size))
    switch outcome {
    case .broken(let why):
        fatalError("\(target): \(why)")
    case .refused(let error) where error.file == nil && target != "check-clause":
        fatalError("\(target): an error names no file: \(error)")
    default:
        return 0
    }
}
