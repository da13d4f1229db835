import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "generate" {
        // `charter-bench generate PATH CLAUSES REVISIONS`: a text history only, to explore by hand.
        var generator = TextGenerator(path: arguments[1], clauses: Int(arguments[2])!, revisions: Int(arguments[3])!, territories: 100)
        let t = Date()
        _ = try generator.generate(snapshotAt: [], log: { print($0) })
        print("generated in \(Date().timeIntervalSince(t)) s")
    } else {
        try Bench.main(arguments)
    }
} catch {
    FileHandle.standardError.write(Data("charter-bench: \(error)\n".utf8))
    exit(2)
}
