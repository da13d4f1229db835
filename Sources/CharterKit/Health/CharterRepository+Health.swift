import Foundation
import GitKit

extension CharterRepository {
    /// The repository's health (`charter doctor`): quarantined records, an interrupted
    /// adoption, stale locks, a shallow or single-branch clone, unreadable caches. With `fix`,
    /// repairs what is mechanical and explainable: completes or undoes the adoption, removes
    /// a stale lock no live process can hold, removes an unreadable derived cache. A quarantined
    /// record is never touched: it is someone's words, and a person decides.
    public func health(fix: Bool = false, lockAge: TimeInterval = 60) throws -> HealthReport {
        var findings: [HealthReport.Finding] = []
        let store = try deliberationStore()
        let gitDirectory = URL(fileURLWithPath: git.gitDirectory)
        let manager = FileManager.default

        // An interrupted adoption, first: completing it may write a record.
        if hasInterruptedAdoption() {
            let intent = try? AdoptionIntent.read(git)
            var finding = HealthReport.Finding(
                kind: .interruptedAdoption, path: ".git/charter/adoption-intent.json",
                message: Message("doctor.adoption", ["amendment": intent.map { Amendment.shortID($0.adoption.amendment) } ?? "?"]),
                fix: "charter doctor --fix", fixable: true, fixed: false)
            if fix { finding.fixed = try recoverInterruptedAdoption() != nil }
            findings.append(finding)
        }

        // Stale locks: git's lock files on the branches charter writes, and the index.
        var locks = ["index.lock", store.referenceLockPath]
        if let branch = try? git.headReferenceName() { locks.append("\(branch).lock") }
        for lock in locks {
            let path = gitDirectory.appendingPathComponent(lock).path
            guard let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate]) as? Date else { continue }
            let age = Date().timeIntervalSince(modified)
            guard age >= 1 else { continue }  // being written right now
            var finding = HealthReport.Finding(kind: .staleLock, path: ".git/\(lock)",
                                               message: Message("doctor.lock", ["path": ".git/\(lock)", "age": String(Int(age))]),
                                               fix: "charter doctor --fix", fixable: age >= lockAge, fixed: false)
            // Removed only when no charter process can hold it and it is old enough that no git command is.
            if fix, finding.fixable, !ProcessLock.isHeld(store.writerLockURL), !ProcessLock.isHeld(AdoptionIntent.lockURL(git)) {
                finding.fixed = (try? manager.removeItem(atPath: path)) != nil
            }
            findings.append(finding)
        }

        // Records that cannot be trusted.
        let deliberation = try store.load()
        for record in deliberation.quarantined {
            findings.append(HealthReport.Finding(
                kind: .quarantinedRecord, path: record.path,
                message: record.message,
                fix: Message("doctor.quarantined.fix", ["branch": store.branch, "path": record.path]).text(in: .en),
                fixable: false, fixed: false))
        }

        // The clone: shallow, or without the deliberation branch.
        if git.isShallow {
            findings.append(HealthReport.Finding(kind: .shallowClone, path: ".git/shallow", message: Message("doctor.shallow"),
                                                 fix: "git fetch --unshallow", fixable: false, fixed: false))
        }
        if try !store.exists() {
            if let command = try singleBranchFetchCommand(branch: store.branch) {
                findings.append(HealthReport.Finding(kind: .singleBranchClone, path: nil,
                                                     message: Message("doctor.single-branch", ["branch": store.branch]),
                                                     fix: command, fixable: false, fixed: false))
            } else {
                findings.append(HealthReport.Finding(kind: .noDeliberation, path: nil,
                                                     message: Message("doctor.no-deliberation", ["branch": store.branch]),
                                                     fix: nil, fixable: false, fixed: false))
            }
        }

        // Derived caches.
        var caches: [HealthReport.Cache] = []
        let folder = cacheDirectory
        for name in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        where name.hasSuffix(".cache") || name.hasSuffix(".idx") {
            let path = folder.appendingPathComponent(name).path
            let size = ((try? manager.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
            caches.append(HealthReport.Cache(path: ".git/charter/\(name)", bytes: size))
            if name.hasPrefix("positions-"), let data = manager.contents(atPath: path), PositionIndex.decode(data) == nil {
                var finding = HealthReport.Finding(kind: .unreadableCache, path: ".git/charter/\(name)",
                                                   message: Message("doctor.cache.unreadable", ["path": ".git/charter/\(name)"]),
                                                   fix: "charter doctor --fix", fixable: true, fixed: false)
                if fix { finding.fixed = (try? manager.removeItem(atPath: path)) != nil }
                findings.append(finding)
            }
        }
        return HealthReport(findings: findings, caches: caches)
    }

    /// For a clone that fetched one branch only (its `remote.<name>.fetch` names no wildcard),
    /// the command that fetches the deliberation branch; nil when the clone fetches every branch.
    public func singleBranchFetchCommand(branch: String) throws -> String? {
        for remote in try git.remoteNames() {
            let refspecs = try git.configValues("remote.\(remote).fetch")
            guard !refspecs.isEmpty, !refspecs.contains(where: { $0.contains("*") || $0.hasSuffix("refs/heads/\(branch)") }) else { continue }
            return "git remote set-branches --add \(remote) \(branch) && git fetch \(remote) \(branch)"
        }
        return nil
    }
}
