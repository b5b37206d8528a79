import Foundation

/// The `### Run Links` block: each job of a run mapped to its log URL.
public enum RunLinks {
    /// Reads the run's jobs, every page (`GET /repos/{o}/{r}/actions/runs/{id}/jobs`), and renders the block.
    public static func markdown(repository: String, runID: String, api: GitHubAPI, serverURL: String) throws -> String {
        let jobs: [[String: Any]]
        do {
            jobs = try api.list("/repos/\(repository)/actions/runs/\(runID)/jobs", key: "jobs").items(reading: "the jobs of run \(runID)")
        } catch {
            throw DispatchError.usage("cannot list the jobs of run \(runID) (HTTP \(error.response.status): \(error.response.message)); the token needs actions: read")
        }
        var lines = ["### Run Links", ""]
        for job in jobs {
            guard let name = job["name"] as? String, let id = (job["id"] as? NSNumber)?.intValue else { continue }
            lines.append("- \(name): \(serverURL)/\(repository)/actions/runs/\(runID)/job/\(id)")
        }
        if jobs.isEmpty { lines.append("- No jobs reported for run \(runID).") }
        return lines.joined(separator: "\n") + "\n\n"
    }
}
