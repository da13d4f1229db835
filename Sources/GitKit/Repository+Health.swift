import CLibGit2
import Foundation

extension Repository {
    /// Whether the repository is a shallow clone (`.git/shallow`): its history stops at the
    /// commits listed there, so walking past them finds no parent.
    public var isShallow: Bool {
        (try? withRepository { git_repository_is_shallow($0) == 1 }) ?? false
    }

    /// Every value of a multi-valued config key (e.g. `remote.origin.fetch`), in order; empty
    /// when unset.
    public func configValues(_ key: String) throws -> [String] {
        let operation = "read config '\(key)'"
        return try withRepository { repository in
            let config = try make(operation) { git_repository_config(&$0, repository) }
            defer { git_config_free(config) }
            var iterator: OpaquePointer?
            let rc = git_config_multivar_iterator_new(&iterator, config, key, nil)
            if rc == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return []
            }
            try check(rc, operation)
            defer { git_config_iterator_free(iterator) }
            var values: [String] = []
            var entry: UnsafeMutablePointer<git_config_entry>?
            while true {
                let next = git_config_next(&entry, iterator)
                if next == GIT_ITEROVER.rawValue { git_error_clear(); break }
                try check(next, operation)
                if let value = entry?.pointee.value { values.append(String(cString: value)) }
            }
            return values
        }
    }
}
