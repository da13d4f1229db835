import CharterKit
import Foundation

/// Where a sheet (CSV text or a workbook's bytes) goes: a file, or standard output when it is
/// not a terminal (a workbook on a terminal would be noise).
enum SheetOutput {
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            let isText = !bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])  // workbooks are zip archives
            if !isText && isatty(STDOUT_FILENO) == 1 {
                throw CharterError(.badInput, Message("sheet.output.terminal"), hint: Message("sheet.output.terminal.hint"))
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CharterError(.badInput, file: path, Message("sheet.output.unwritable", ["file": path, "cause": error.localizedDescription]),
                               hint: Message("sheet.output.unwritable.hint"))
        }
    }
}
