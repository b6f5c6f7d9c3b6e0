import CastBot
import DiscordSandbox

/// Turns a seed into a damaged body, deterministically from a `FuzzRandom`.
struct FuzzMutator: Sendable {
    /// A seed parsed once, with the paths the structural mutations choose from.
    struct Parsed: Sendable {
        let seed: FuzzSeed
        let json: SandboxJSON
        let paths: [FuzzJSONTree.Path]

        init(_ seed: FuzzSeed) {
            self.init(seed: seed, json: (try? SandboxJSON.parse(seed.body)) ?? .object([:]))
        }

        init(seed: FuzzSeed, json: SandboxJSON) {
            self.seed = seed
            self.json = json
            self.paths = FuzzJSONTree.paths(in: json)
        }

        func pathsMatching(_ predicate: (FuzzJSONTree.Path, SandboxJSON) -> Bool) -> [FuzzJSONTree.Path] {
            paths.filter { path in FuzzJSONTree.value(at: path, in: json).map { predicate(path, $0) } ?? false }
        }
    }

    let corpus: [Parsed]

    init(seeds: [FuzzSeed]) {
        corpus = seeds.map(Parsed.init)
    }

    func mutate(_ parsed: Parsed, with mutation: FuzzMutation, using random: inout FuzzRandom) -> [UInt8] {
        switch mutation {
        case .byteFlip: return flipBytes(parsed.seed.body, using: &random)
        case .truncation: return truncate(parsed.seed.body, using: &random)
        case .typeConfusion: return confuseType(parsed, using: &random)
        case .hugeNumber: return injectHugeNumber(parsed, using: &random)
        case .deepNesting: return nestDeeply(parsed, using: &random)
        case .unicode: return injectUnicode(parsed, using: &random)
        case .missingField: return removeField(parsed, using: &random)
        case .wrongComponentType: return changeComponentType(parsed, using: &random)
        case .oversizedString: return growString(parsed, using: &random)
        case .modalValue: return replaceModalValues(parsed, using: &random)
        case .duplicateKey: return duplicateKey(parsed, using: &random)
        case .splice: return splice(parsed, using: &random)
        case .stacked: return stack(parsed, using: &random)
        }
    }

    // MARK: Bytes

    private func flipBytes(_ body: [UInt8], using random: inout FuzzRandom) -> [UInt8] {
        guard !body.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
        var bytes = body
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let index = Int.random(in: bytes.indices, using: &random)
            if random.chance(1, in: 2) {
                bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
            } else {
                bytes[index] = random.pick(Array("{}[]\":,\\0-e.".utf8)) ?? 0
            }
        }
        return bytes
    }

    private func truncate(_ body: [UInt8], using random: inout FuzzRandom) -> [UInt8] {
        Array(body.prefix(Int.random(in: 0..<max(1, body.count), using: &random)))
    }

    // MARK: Structure

    private func confuseType(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let path = randomPath(parsed, using: &random)
        let current = FuzzJSONTree.value(at: path, in: parsed.json)
        let choices = FuzzValues.typeConfusions.filter { !sameKind($0, current) }
        return FuzzJSONTree.replacing(path, in: parsed.json, with: random.pick(choices) ?? .null).encoded()
    }

    private func injectHugeNumber(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let numbers = parsed.pathsMatching { _, value in value.doubleValue != nil || value.snowflakeValue != nil }
        let path = random.pick(numbers) ?? randomPath(parsed, using: &random)
        return injectRaw(Array((random.pick(FuzzValues.hugeNumberLiterals) ?? "1e309").utf8), at: path, in: parsed.json)
    }

    private func nestDeeply(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let depth = random.pick([64, 256, 512, 513, 1_000, 5_000, 50_000]) ?? 1_000
        let raw: [UInt8] =
            random.chance(1, in: 2)
            ? Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
            : Array(String(repeating: "{\"a\":", count: depth).utf8) + Array("1".utf8)
                + Array(repeating: UInt8(ascii: "}"), count: depth)
        return injectRaw(raw, at: randomPath(parsed, using: &random), in: parsed.json)
    }

    private func injectUnicode(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let strings = parsed.pathsMatching { _, value in value.stringValue != nil }
        let path = random.pick(strings) ?? randomPath(parsed, using: &random)
        if random.chance(1, in: 3) {
            return injectRaw(random.pick(FuzzValues.rawStringLiterals) ?? [], at: path, in: parsed.json)
        }
        let text = SandboxJSON.string(random.pick(FuzzValues.unicodeStrings) ?? "")
        // Sometimes rename the member instead of changing its value.
        if random.chance(1, in: 4), let key = FuzzJSONTree.lastKey(of: path), let value = FuzzJSONTree.value(at: path, in: parsed.json) {
            let renamed = FuzzJSONTree.replacing(path, in: parsed.json, with: nil)
            let sibling = Array(path.dropLast()) + [.key(key + (random.pick(FuzzValues.unicodeStrings) ?? ""))]
            return FuzzJSONTree.replacing(sibling, in: renamed, with: value).encoded()
        }
        return FuzzJSONTree.replacing(path, in: parsed.json, with: text).encoded()
    }

    private func removeField(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let members = parsed.pathsMatching { path, _ in FuzzJSONTree.lastKey(of: path) != nil }
        let important = members.filter { FuzzJSONTree.lastKey(of: $0).map(FuzzValues.importantKeys.contains) ?? false }
        let pool = !important.isEmpty && random.chance(3, in: 4) ? important : members
        guard let path = random.pick(pool) else { return parsed.seed.body }
        return FuzzJSONTree.replacing(path, in: parsed.json, with: nil).encoded()
    }

    private func changeComponentType(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let types = parsed.pathsMatching { path, _ in
            let key = FuzzJSONTree.lastKey(of: path)
            return (key == "type" && path.count > 1) || key == "component_type"
        }
        let path = random.pick(types) ?? [.key("data"), .key("component_type")]
        return FuzzJSONTree.replacing(path, in: parsed.json, with: random.pick(FuzzValues.componentTypes) ?? 0).encoded()
    }

    private func growString(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let strings = parsed.pathsMatching { _, value in value.stringValue != nil }
        let path = random.pick(strings) ?? randomPath(parsed, using: &random)
        let length = random.pick([4_096, 65_536, 500_000, 1_040_000, 1_100_000]) ?? 4_096
        let unit = random.pick(["A", "é", "📦", "\\"]) ?? "A"
        let text = String(repeating: unit, count: max(1, length / unit.utf8.count))
        return FuzzJSONTree.replacing(path, in: parsed.json, with: .string(text)).encoded()
    }

    private func replaceModalValues(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let inputs = parsed.pathsMatching { path, _ in
            let key = FuzzJSONTree.lastKey(of: path)
            return key == "value" || key == "values"
        }
        guard !inputs.isEmpty else { return changeComponentType(parsed, using: &random) }
        var json = parsed.json
        for path in inputs where random.chance(2, in: 3) {
            let replacement: SandboxJSON =
                FuzzJSONTree.lastKey(of: path) == "value"
                ? .string(random.pick(FuzzValues.modalTexts) ?? "")
                : random.pick(FuzzValues.modalValueLists) ?? []
            json = FuzzJSONTree.replacing(path, in: json, with: replacement)
        }
        return json.encoded()
    }

    private func duplicateKey(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        let key = random.pick(["type", "data", "custom_id", "component_type", "guild_id", "value"]) ?? "type"
        let value = random.pick(FuzzValues.typeConfusions) ?? .null
        let body = parsed.seed.body
        guard let brace = body.firstIndex(of: UInt8(ascii: "{")) else { return body }
        let member = Array("\"\(key)\":".utf8) + value.encoded() + Array(",".utf8)
        // Before or after the original member: parsers differ in which one wins.
        if random.chance(1, in: 2) {
            return Array(body[...brace]) + member + Array(body[(brace + 1)...])
        }
        guard let close = body.lastIndex(of: UInt8(ascii: "}")) else { return body }
        return Array(body[..<close]) + Array(",".utf8) + member.dropLast() + Array(body[close...])
    }

    private func splice(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        guard let donor = random.pick(corpus), let donorPath = random.pick(donor.paths),
            let graft = FuzzJSONTree.value(at: donorPath, in: donor.json)
        else { return parsed.seed.body }
        return FuzzJSONTree.replacing(randomPath(parsed, using: &random), in: parsed.json, with: graft).encoded()
    }

    private func stack(_ parsed: Parsed, using random: inout FuzzRandom) -> [UInt8] {
        var current = parsed
        var body = parsed.seed.body
        let single = FuzzMutation.allCases.filter { $0 != .stacked }
        for _ in 0..<Int.random(in: 2...4, using: &random) {
            body = mutate(current, with: random.pick(single) ?? .byteFlip, using: &random)
            guard let json = try? SandboxJSON.parse(body) else {
                // No longer JSON: only byte-level damage applies from here.
                return random.chance(1, in: 2) ? flipBytes(body, using: &random) : truncate(body, using: &random)
            }
            current = Parsed(seed: FuzzSeed(name: parsed.seed.name, body: body), json: json)
        }
        return body
    }

    // MARK: Helpers

    private func randomPath(_ parsed: Parsed, using random: inout FuzzRandom) -> FuzzJSONTree.Path {
        random.pick(parsed.paths) ?? []
    }

    /// Encodes `json` with the node at `path` replaced by raw bytes that no `SandboxJSON` value
    /// can produce (huge literals, deep nesting, invalid UTF-8).
    private func injectRaw(_ raw: [UInt8], at path: FuzzJSONTree.Path, in json: SandboxJSON) -> [UInt8] {
        let marker = "fuzz-raw-marker-5f0c2d"
        let encoded = FuzzJSONTree.replacing(path, in: json, with: .string(marker)).encoded()
        let needle = Array("\"\(marker)\"".utf8)
        guard let start = firstRange(of: needle, in: encoded) else { return raw }
        return Array(encoded[..<start]) + raw + Array(encoded[(start + needle.count)...])
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    private func sameKind(_ a: SandboxJSON, _ b: SandboxJSON?) -> Bool {
        switch (a, b) {
        case (.null, .null?), (.bool, .bool?), (.string, .string?), (.array, .array?), (.object, .object?): true
        case (.int, .int?), (.int, .double?), (.double, .int?), (.double, .double?): true
        default: false
        }
    }
}
