import Foundation
import ZIPFoundation

/// Builds a workbook's zip archive in memory, members in the order added, with a fixed date so
/// the same sheet always gives the same bytes.
struct WorkbookZip {
    private let archive: Archive
    private static let date = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    init() throws {
        archive = try Archive(data: Data(), accessMode: .create)
    }

    /// Adds a member; `stored` keeps it uncompressed (an .ods's `mimetype` must be).
    func add(_ path: String, _ text: String, stored: Bool = false) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: WorkbookZip.date,
                             compressionMethod: stored ? .none : .deflate) { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }
    }

    func bytes() -> [UInt8] { Array(archive.data ?? Data()) }
}
