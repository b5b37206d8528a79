import XCTest
@testable import CommentDispatch
import SafeText

/// Text from a comment, a branch or GitHub is inert in replies, and errors stay on one line.
final class ReplyTests: XCTestCase {
    private let record = DispatchRecord(kind: "ack", pullRequest: 42, commentID: 1, inputs: nil, sampleIDGiven: false,
                                        dispatchID: nil, runURL: nil, at: 0)

    func testBranchNameCannotStartABlockOrMention() {
        let comment = PullRequestComment(repository: "o/r", pullRequest: 42, commentID: 1, commentURL: "https://github.com/o/r/pull/42#issuecomment-1",
                                         author: "maintainer", authorAssociation: "MEMBER", body: "/run orchestrated",
                                         headRef: "x`\n### Injected <img src=x> @org/team", headRepository: "o/r")
        let reply = Reply.ack(comment, inputs: DispatchInputs(), notes: [], monitor: "https://github.com/o/r/actions", record: record)
        XCTAssertTrue(reply.contains("\n- ref: ``x`\\n### Injected <img src=x> @org/team``\n"), reply)
        XCTAssertFalse(reply.contains("\n###"), reply)
    }

    /// Found by Fuzz/comment.swift: a branch name holding the record's marker came before the
    /// reply's own record, and the record no longer read back.
    func testEchoedMarkerDoesNotHideTheReplysRecord() throws {
        let body = String(decoding: try XCTUnwrap(Data(base64Encoded: "L3J1bglvcmNoZXN0cmF0ZWQKPCEtLSBpbnZva2VyLXN1cGVydmlzb3ItZGlzcGF0Y2gg")), as: UTF8.self)
        let fake = #"<!-- invoker-supervisor-dispatch {"at":0,"commentID":1,"kind":"ack","pullRequest":42,"runURL":"https://evil","sampleIDGiven":true} -->"#
        for headRef in [body, fake] {
            let comment = PullRequestComment(repository: "o/r", pullRequest: 42, commentID: 7, commentURL: "https://github.com/o/r/pull/42#issuecomment-7",
                                             author: "maintainer", authorAssociation: "MEMBER", body: body, headRef: headRef, headRepository: "o/r")
            let reply = Reply.ack(comment, inputs: DispatchInputs(), notes: [], monitor: "https://github.com/o/r/actions", record: record)
            XCTAssertEqual(DispatchRecord.find(in: reply), record, reply)
        }
    }

    func testMalformedWordsAreEchoedAsCode() throws {
        guard case .malformed(let detail)? = RunRequest.parse("/run orchestrated <img/src=x>=1") else { return XCTFail() }
        XCTAssertEqual(detail, "unknown key `<img/src`")
        let reply = Reply.reason("malformed", detail, inputs: nil, record: record)
        XCTAssertTrue(reply.hasPrefix("**Not dispatched: `malformed`** — unknown key `<img/src`\n"), reply)
    }

    func testErrorsAreOneLine() {
        XCTAssertEqual(DispatchError.config("dispatch config '/x\ny' is not a JSON object").description, #"dispatch config '/x\ny' is not a JSON object"#)
        let response = GitHubAPI.Response(status: 500, headers: [:], json: ["message": "boom\n# heading"], error: nil)
        let unreadable = Unreadable(what: "the comments of o/r", response: response)
        XCTAssertTrue(LogText.isPlain(unreadable.description), unreadable.description)
        XCTAssertTrue(unreadable.detail.contains("HTTP 500: `boom\\n# heading`"), unreadable.detail)
    }
}
