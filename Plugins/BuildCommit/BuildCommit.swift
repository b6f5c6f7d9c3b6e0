import Foundation
import PackagePlugin

/// Stamps the commit the tool is built from into it (`castbot --version`): before each build,
/// writes `BuildCommit.swift` with `CASTBOT_BUILD_COMMIT` when the build's environment sets it (a
/// container build has no `.git`), else `git rev-parse` of the package's checkout, `-dirty` when
/// tracked files differ from it, `unknown` without either. The file is rewritten only when its
/// text changes, so an unchanged commit costs no recompilation.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let package = context.package.directoryURL.path
        let script = """
            if [ -n "$3" ]; then
              commit=$(printf '%s' "$3" | tr -cd 'A-Za-z0-9._-')
            else
              commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
              if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                commit="$commit-dirty"
              fi
            fi
            mkdir -p "$2"
            text="/// The commit this binary was built from (written by the BuildCommit plugin).
            let buildCommit = \\"$commit\\""
            if [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" != "$text" ]; then printf '%s\\n' "$text" > "$2/BuildCommit.swift"; fi
            """
        return [
            .prebuildCommand(
                displayName: "Stamping the build's commit into \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    "-c", script, "build-commit", package, output.path,
                    ProcessInfo.processInfo.environment["CASTBOT_BUILD_COMMIT"] ?? "",
                ],
                outputFilesDirectory: output)
        ]
    }
}
