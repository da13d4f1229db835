import Foundation
import ZIPFoundation

/// The zip archive a workbook is (.xlsx and .ods alike), read from memory.
struct WorkbookArchive {
    let archive: Archive
    let file: String

    init(_ data: Data, file: String) throws {
        self.file = file
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw CharterError(.badInput, file: file, Message("sheet.workbook.unreadable", ["cause": "\(error)"]),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of one member; nil when the archive has no such member.
    func member(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw CharterError(.badInput, file: file, Message("sheet.workbook.unreadable", ["cause": "\(path): \(error)"]),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
        return data
    }

    /// A member that must be there.
    func required(_ path: String) throws -> Data {
        guard let data = try member(path) else {
            throw CharterError(.badInput, file: file, Message("sheet.workbook.missingPart", ["part": path]),
                               hint: Message("sheet.workbook.unreadable.hint"))
        }
        return data
    }
}
