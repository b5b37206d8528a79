import Foundation

/// The RFC 8288 `Link` header GitHub paginates with: `<url>; rel="next", <url>; rel="last"`.
enum LinkHeader {
    /// The URL with relation `rel` (`next`, `last`, …), if the header has one.
    static func url(_ header: String?, rel: String) -> String? {
        for part in (header ?? "").split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = fields.first, target.hasPrefix("<"), target.hasSuffix(">"),
                  fields.dropFirst().contains(where: { $0 == "rel=\"\(rel)\"" || $0 == "rel=\(rel)" }) else { continue }
            return String(target.dropFirst().dropLast())
        }
        return nil
    }
}
