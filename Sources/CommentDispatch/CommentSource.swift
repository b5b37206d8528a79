import Foundation

/// Where comments come from: the `issue_comment` event payload of a workflow run.
public enum CommentSource {
    /// The comment in an `issue_comment` payload, with its PR's head branch and repository looked
    /// up (`GET /repos/{o}/{r}/pulls/{n}`); nil when the comment is not on a pull request.
    public static func comment(fromPayload payload: [String: Any], api: GitHubAPI) throws -> PullRequestComment? {
        try comment(fromPayload: payload).map { try $0.on(PullRequestHead.fetch(repository: $0.repository, number: $0.pullRequest, api: api)) }
    }

    /// The comment in an `issue_comment` payload, its PR's head not yet known (empty); nil when the
    /// comment is not on a pull request.
    public static func comment(fromPayload payload: [String: Any]) throws -> PullRequestComment? {
        guard let issue = payload["issue"] as? [String: Any], issue["pull_request"] != nil,
              let number = (issue["number"] as? NSNumber)?.intValue else { return nil }
        guard let comment = payload["comment"] as? [String: Any], let id = (comment["id"] as? NSNumber)?.intValue,
              let repository = (payload["repository"] as? [String: Any])?["full_name"] as? String else {
            throw DispatchError.usage("the event payload has no comment or repository; run 'dispatch event' from an issue_comment workflow")
        }
        return PullRequestComment(
            repository: repository, pullRequest: number, commentID: id, commentURL: comment["html_url"] as? String ?? "",
            author: (comment["user"] as? [String: Any])?["login"] as? String ?? "", authorAssociation: comment["author_association"] as? String ?? "NONE",
            body: comment["body"] as? String ?? "", headRef: "", headRepository: "")
    }
}
