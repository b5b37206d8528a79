import Foundation

/// Where comments come from: the `issue_comment` event payload of a workflow run.
public enum CommentSource {
    /// The comment in an `issue_comment` payload, its PR's head not yet known (empty); nil when the
    /// comment is not on a pull request.
    public static func comment(fromPayload payload: [String: Any]) throws -> PullRequestComment? {
        guard let issue = payload["issue"] as? [String: Any], issue["pull_request"] != nil,
              let number = (issue["number"] as? NSNumber)?.intValue else { return nil }
        guard let item = payload["comment"] as? [String: Any], let repository = (payload["repository"] as? [String: Any])?["full_name"] as? String,
              let comment = PullRequestComment(repository: repository, pullRequest: number, comment: item) else {
            throw DispatchError.usage("the event payload has no comment or repository; run 'dispatch event' from an issue_comment workflow")
        }
        return comment
    }
}
