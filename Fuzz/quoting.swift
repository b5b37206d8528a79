import SupervisorPlatform

/// Argument vectors (NUL-separated input, the first the program) through `WindowsCommandLine.join`
/// and back through the unit tests' model of `CommandLineToArgvW`
/// (Tests/SupervisorTests/Support/CommandLineToArgvModel.swift): the same vector, or a refused
/// program name that holds a quote.
@_cdecl("LLVMFuzzerTestOneInput")
public func quotingFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let pieces = FuzzCheck.bytes(data, size).split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let program = pieces[0]
    let arguments = Array(pieces.dropFirst())
    do {
        let line = try WindowsCommandLine.join(program: program, arguments: arguments)
        FuzzCheck.require(!program.unicodeScalars.contains("\""), "a program name with a quote was accepted: \(line)")
        let back = CommandLineToArgvModel.parse(line)
        FuzzCheck.require(back == [program] + arguments, "\(pieces) came back as \(back) from \(line)")
    } catch {
        FuzzCheck.require(program.unicodeScalars.contains("\""), "refused without a quote in the program name: \(error)")
        FuzzCheck.require(!error.description.contains("\n"), "a two-line error: \(error.description)")
    }
    return 0
}
