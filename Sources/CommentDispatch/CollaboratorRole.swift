/// A collaborator's role as `GET /repos/{o}/{r}/collaborators/{user}/permission` reports it.
/// `permission` is the legacy base role (maintain shows as `write`, triage as `read`); `role_name`
/// is the assigned one, so it decides when it is a base role. A custom role falls back to
/// `user.permissions`, then to `permission`.
struct CollaboratorRole: Equatable {
    /// `read`, `triage`, `write`, `maintain` or `admin`.
    var name: String
    /// The answer's field that decided: `role_name`, `user.permissions` or `permission`.
    var field: String

    static let baseRoles = ["read", "triage", "write", "maintain", "admin"]

    init?(_ answer: [String: Any]) {
        if let role = answer["role_name"] as? String, Self.baseRoles.contains(role) {
            self.init(name: role, field: "role_name")
        } else if let flags = (answer["user"] as? [String: Any])?["permissions"] as? [String: Bool],
                  let highest = [("admin", "admin"), ("maintain", "maintain"), ("push", "write"), ("triage", "triage"), ("pull", "read")]
                      .first(where: { flags[$0.0] == true }) {
            self.init(name: highest.1, field: "user.permissions")
        } else if let permission = answer["permission"] as? String {
            self.init(name: permission, field: "permission")
        } else {
            return nil
        }
    }

    init(name: String, field: String) {
        self.name = name
        self.field = field
    }
}
