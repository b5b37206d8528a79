// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "invoker-supervisor",
    products: [
        .executable(name: "invoker-supervisor", targets: ["SupervisorCLI"]),
        .executable(name: "invoker-supervisor-dispatch", targets: ["DispatchTool"]),
        .library(name: "ProcessProbe", targets: ["ProcessProbe"]),
    ],
    targets: [
        .target(name: "ProcessProbe"),
        .target(name: "SafeText"),
        .target(name: "SupervisorPlatform", dependencies: ["ProcessProbe", "SafeText"]),
        .target(name: "CommentDispatch", dependencies: ["SafeText"]),
        .target(name: "Supervisor", dependencies: ["ProcessProbe", "SupervisorPlatform", "SafeText"]),
        .executableTarget(name: "SupervisorCLI", dependencies: ["Supervisor", "SupervisorPlatform", "ProcessProbe", "SafeText"]),
        .executableTarget(name: "DispatchTool", dependencies: ["CommentDispatch", "SafeText"]),
        .executableTarget(name: "fake-invoker", path: "Tests/FakeInvoker"),
        .testTarget(name: "ProcessProbeTests", dependencies: ["ProcessProbe"]),
        .testTarget(name: "CommentDispatchTests", dependencies: ["CommentDispatch", "DispatchTool", "SafeText"]),
        .testTarget(name: "SupervisorTests", dependencies: ["Supervisor", "SupervisorPlatform", "ProcessProbe", "SafeText", "fake-invoker"]),
    ]
)
