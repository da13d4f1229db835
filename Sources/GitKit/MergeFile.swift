import CLibGit2
import Foundation

/// How `mergeFile` merges and marks conflicts (`git merge-file`'s options).
public struct MergeFileOptions: Sendable, Hashable {
    /// How a conflicting region is written out.
    public enum Style: Sendable, Hashable {
        /// `<<<<<<< ours` / `=======` / `>>>>>>> theirs`.
        case merge
        /// As `merge`, plus the ancestor's lines after `||||||| base`.
        case diff3
        /// As `diff3`, with lines common to both sides moved out of the conflict.
        case zdiff3
    }

    /// Which side wins a conflicting region instead of writing markers.
    public enum Favor: Sendable, Hashable {
        /// Write conflict markers (the default).
        case none
        case ours
        case theirs
        /// Both sides' lines, ours first.
        case union
    }

    public var style: Style
    public var favor: Favor
    /// Labels written after the markers (`<<<<<<< ours`); nil writes none.
    public var ancestorLabel: String?
    public var ourLabel: String?
    public var theirLabel: String?
    /// Length of the marker runs (git's default is 7). A longer run keeps text that itself
    /// contains lines such as `=======` (a Markdown heading underline) from being read as a marker.
    public var markerSize: Int
    /// Ignore changes in the amount of whitespace when matching lines.
    public var ignoreWhitespaceChange: Bool

    public init(style: Style = .merge, favor: Favor = .none, ancestorLabel: String? = nil, ourLabel: String? = nil,
                theirLabel: String? = nil, markerSize: Int = 7, ignoreWhitespaceChange: Bool = false) {
        self.style = style
        self.favor = favor
        self.ancestorLabel = ancestorLabel
        self.ourLabel = ourLabel
        self.theirLabel = theirLabel
        self.markerSize = markerSize
        self.ignoreWhitespaceChange = ignoreWhitespaceChange
    }
}

/// What `mergeFile` produced: the merged text, with conflict markers where both sides changed
/// the same lines differently.
public struct MergeFileResult: Sendable, Hashable {
    /// One run of the merged text: merged cleanly, or a conflict between the two sides.
    public enum Hunk: Sendable, Hashable {
        case clean(Data)
        /// `base` is set only with the `diff3`/`zdiff3` styles.
        case conflict(ours: Data, base: Data?, theirs: Data)
    }

    /// True when no region conflicted: `content` is the merged text, without markers.
    public var isClean: Bool
    /// The merged text; with conflicts, including the markers.
    public var content: Data
    /// The marker length used, to read the conflicts back.
    public var markerSize: Int

    public init(isClean: Bool, content: Data, markerSize: Int = 7) {
        self.isClean = isClean
        self.content = content
        self.markerSize = markerSize
    }

    /// The merged text cut into clean runs and conflicts, read back from the markers.
    /// Concatenating the clean runs and either side of each conflict rebuilds a text.
    public var hunks: [Hunk] {
        let lt = UInt8(ascii: "<"), pipe = UInt8(ascii: "|"), eq = UInt8(ascii: "="), gt = UInt8(ascii: ">")
        let size = markerSize
        func isMarker(_ line: ArraySlice<UInt8>, _ byte: UInt8) -> Bool {
            guard line.count >= size, line.prefix(size).allSatisfy({ $0 == byte }) else { return false }
            let rest = line.dropFirst(size)
            return rest.isEmpty || rest.first == UInt8(ascii: " ") || rest.first == UInt8(ascii: "\n")
                || rest.first == UInt8(ascii: "\r")
        }
        let bytes = [UInt8](content)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }

        enum Part { case clean, ours, base, theirs }
        var hunks: [Hunk] = []
        var clean = Data(), ours = Data(), base = Data(), theirs = Data()
        var sawBase = false
        var part = Part.clean
        for line in lines {
            switch part {
            case .clean:
                if isMarker(line, lt) {
                    if !clean.isEmpty { hunks.append(.clean(clean)) }
                    clean = Data(); ours = Data(); base = Data(); theirs = Data(); sawBase = false
                    part = .ours
                } else {
                    clean.append(contentsOf: line)
                }
            case .ours, .base:
                if part == .ours, isMarker(line, pipe) {
                    part = .base
                    sawBase = true
                } else if isMarker(line, eq) {
                    part = .theirs
                } else if part == .ours {
                    ours.append(contentsOf: line)
                } else {
                    base.append(contentsOf: line)
                }
            case .theirs:
                if isMarker(line, gt) {
                    hunks.append(.conflict(ours: ours, base: sawBase ? base : nil, theirs: theirs))
                    part = .clean
                } else {
                    theirs.append(contentsOf: line)
                }
            }
        }
        if !clean.isEmpty { hunks.append(.clean(clean)) }
        return hunks
    }
}

/// Three-way merges two versions of a text that both started from `base`, as
/// `git merge-file` does (line by line), with no repository involved. Regions changed on one
/// side only are taken from that side; regions changed identically on both are taken once;
/// regions changed differently on both are conflicts, written with markers.
///
/// Throws only when libgit2 itself fails (e.g. out of memory); conflicts are reported by
/// `MergeFileResult.isClean`. Binary input (a NUL byte) is refused by libgit2's merge as a
/// conflict with no merged text.
public func mergeFile(base: Data, ours: Data, theirs: Data, options: MergeFileOptions = MergeFileOptions()) throws -> MergeFileResult {
    try LibGit2.ensureInitialised()
    let operation = "merge three versions of a file (\(base.count), \(ours.count) and \(theirs.count) bytes)"
    var raw = git_merge_file_options()
    try check(git_merge_file_options_init(&raw, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)), operation)
    switch options.style {
    case .merge: raw.flags = GIT_MERGE_FILE_STYLE_MERGE.rawValue
    case .diff3: raw.flags = GIT_MERGE_FILE_STYLE_DIFF3.rawValue
    case .zdiff3: raw.flags = GIT_MERGE_FILE_STYLE_ZDIFF3.rawValue
    }
    if options.ignoreWhitespaceChange { raw.flags |= GIT_MERGE_FILE_IGNORE_WHITESPACE_CHANGE.rawValue }
    switch options.favor {
    case .none: raw.favor = GIT_MERGE_FILE_FAVOR_NORMAL
    case .ours: raw.favor = GIT_MERGE_FILE_FAVOR_OURS
    case .theirs: raw.favor = GIT_MERGE_FILE_FAVOR_THEIRS
    case .union: raw.favor = GIT_MERGE_FILE_FAVOR_UNION
    }
    let markerSize = min(max(options.markerSize, 1), Int(UInt16.max))
    raw.marker_size = UInt16(markerSize)

    // Labels and contents are lent to libgit2 for the duration of the call only.
    let labels = [options.ancestorLabel, options.ourLabel, options.theirLabel].map { $0.flatMap { strdup($0) } }
    defer { for label in labels { free(label) } }
    raw.ancestor_label = UnsafePointer(labels[0])
    raw.our_label = UnsafePointer(labels[1])
    raw.their_label = UnsafePointer(labels[2])

    func input(_ data: Data, _ body: (inout git_merge_file_input) throws -> MergeFileResult) throws -> MergeFileResult {
        var file = git_merge_file_input()
        try check(git_merge_file_input_init(&file, UInt32(GIT_MERGE_FILE_INPUT_VERSION)), operation)
        return try data.withUnsafeBytes { buffer in
            var empty: CChar = 0
            return try withUnsafeMutablePointer(to: &empty) { emptyPointer in
                file.ptr = buffer.baseAddress.map { UnsafePointer($0.assumingMemoryBound(to: CChar.self)) } ?? UnsafePointer(emptyPointer)
                file.size = buffer.count
                return try body(&file)
            }
        }
    }

    return try input(base) { ancestor in
        try input(ours) { ourFile in
            try input(theirs) { theirFile in
                var result = git_merge_file_result()
                try check(git_merge_file(&result, &ancestor, &ourFile, &theirFile, &raw), operation)
                defer { git_merge_file_result_free(&result) }
                let content = result.ptr.map { Data(bytes: $0, count: result.len) } ?? Data()
                return MergeFileResult(isClean: result.automergeable != 0, content: content, markerSize: markerSize)
            }
        }
    }
}
