import Foundation
import SafeText
@testable import CommentDispatch

/// PR comment bodies through the `/run` grammar: a request echoes as a `/run` line that parses back
/// to the same request, its hidden record reads back unchanged, and replies keep their shape
/// whatever the comment or its branch name holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func commentFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = String(decoding: FuzzCheck.bytes(data, size), as: UTF8.self)
    let request = RunRequest.parse(body)
    let comment = PullRequestComment(repository: "o/r", pullRequest: 42, commentID: 7, commentURL: "https://github.com/o/r/pull/42#issuecomment-7",
                                     author: "maintainer", authorAssociation: "MEMBER", body: body, headRef: body, headRepository: "o/r")
    let headings = { (reply: String) in reply.split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("<") } }
    switch request {
    case .orchestrated(let inputs)?:
        FuzzCheck.require(RunRequest.parse(inputs.commandLine) == request, "\(inputs.commandLine) does not parse back to \(inputs)")
        let record = DispatchRecord(kind: "ack", pullRequest: 42, commentID: 7, inputs: inputs, sampleIDGiven: inputs.sampleID != nil,
                                    dispatchID: "d1", runURL: body, at: Double(size) / 7)
        let reply = Reply.ack(comment, inputs: inputs, notes: [], monitor: "https://github.com/o/r/actions", record: record)
        FuzzCheck.require(DispatchRecord.find(in: reply) == record, "the hidden record does not read back from: \(reply)")
        FuzzCheck.require(headings(reply) == [Substring(record.hidden)], "the branch name changed the reply's shape: \(reply)")
    case .malformed(let detail)?:
        let record = DispatchRecord(kind: "malformed", pullRequest: 42, commentID: 7, inputs: nil, sampleIDGiven: true,
                                    dispatchID: nil, runURL: nil, at: 0)
        let reply = Reply.reason("malformed", detail, inputs: nil, record: record)
        FuzzCheck.require(reply.split(separator: "\n", omittingEmptySubsequences: false).count == 6 && LogText.isPlain(detail),
                          "the echoed comment changed the reply's shape: \(reply)")
        FuzzCheck.require(DispatchRecord.find(in: reply) == record, "the hidden record does not read back from: \(reply)")
    case .status?, .rerun?, nil:
        break
    }
    return 0
}
