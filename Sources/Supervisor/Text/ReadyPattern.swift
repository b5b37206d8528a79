/// The `ready.line` pattern: a regular expression in a subset that is matched in time linear in
/// the line's length (a Thompson NFA, simulated breadth first), so no pattern can make the
/// supervisor spend long on one line and miss a later READY line.
///
/// Supported: literal characters; `.`; classes `[abc]`, `[^a-z]`; `\d \D \w \W \s \S` (also inside
/// classes); escaped punctuation (`\.`, `\(`, …) and `\t \n \r`; anchors `^ $`; word boundaries
/// `\b \B`; groups `( )` and `(?: )`; alternation `|`; quantifiers `* + ? {n} {n,} {n,m}` (a lazy
/// `?` after one is accepted and changes nothing, as only "does the line contain a match" is asked);
/// `(?i)` at the very start for case-insensitive matching. Refused with a config error: back
/// references, look-around, atomic and possessive groups, named groups, and repetition counts above
/// 1000. A pattern without any special character is matched as plain text.
package struct ReadyPattern: Sendable {
    /// Why a pattern was refused: the construct and where.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        package let description: String
    }

    private let program: [Instruction]
    private let literal: [Unicode.Scalar]?
    private let caseInsensitive: Bool

    package init(_ pattern: String) throws(Problem) {
        var scalars = Array(pattern.unicodeScalars)
        caseInsensitive = scalars.starts(with: Array("(?i)".unicodeScalars))
        if caseInsensitive { scalars.removeFirst(4) }
        guard !scalars.isEmpty else { throw Problem(description: "is empty") }
        var parser = Parser(scalars: scalars)
        let node = try parser.parseAll()
        literal = caseInsensitive ? nil : node.literalText
        var compiler = Compiler()
        try compiler.emit(node)
        compiler.program.append(.match)
        program = compiler.program
    }

    /// Whether some part of `line` matches.
    package func matches(_ line: String) -> Bool {
        let text = Array(line.unicodeScalars)
        if let literal { return literal.isEmpty || text.firstRange(of: literal) != nil }
        var current = ThreadList(size: program.count)
        var next = ThreadList(size: program.count)
        for position in 0...text.count {
            add(0, at: position, in: text, to: &current)
            if current.contains(match: program) { return true }
            guard position < text.count else { break }
            next.clear()
            for pc in current.pcs {
                if case .scalar(let test) = program[pc], test.accepts(text[position], caseInsensitive: caseInsensitive) {
                    add(pc + 1, at: position + 1, in: text, to: &next)
                }
            }
            swap(&current, &next)
            if current.contains(match: program) { return true }
        }
        return false
    }

    /// Follows jumps, splits and assertions from `pc` at `position`, adding the threads reached.
    private func add(_ pc: Int, at position: Int, in text: [Unicode.Scalar], to list: inout ThreadList) {
        var stack = [pc]
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second): stack.append(second); stack.append(first)
            case .assert(let assertion):
                if assertion.holds(at: position, in: text) { stack.append(pc + 1) }
            case .scalar, .match: break
            }
        }
    }
}

// MARK: - Program

private enum Instruction: Sendable {
    case scalar(ScalarTest)
    case split(Int, Int)
    case jump(Int)
    case assert(Assertion)
    case match
}

private enum Assertion: Sendable {
    case lineStart, lineEnd, wordBoundary, notWordBoundary

    package func holds(at position: Int, in text: [Unicode.Scalar]) -> Bool {
        switch self {
        case .lineStart: return position == 0
        case .lineEnd: return position == text.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && ScalarTest.isWord(text[position - 1])
            let after = position < text.count && ScalarTest.isWord(text[position])
            return (before != after) == (self == .wordBoundary)
        }
    }
}

/// One character position: a set of scalar ranges, possibly negated.
private struct ScalarTest: Sendable {
    package var ranges: [ClosedRange<UInt32>]
    package var negated = false

    package static let any = ScalarTest(ranges: [0...0x9, 0xB...0x10FFFF])
    package static let digit = ScalarTest(ranges: [0x30...0x39])
    package static let word = ScalarTest(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    package static let space = ScalarTest(ranges: [0x9...0xD, 0x20...0x20])

    package static func single(_ scalar: Unicode.Scalar) -> ScalarTest { ScalarTest(ranges: [scalar.value...scalar.value]) }

    package static func isWord(_ scalar: Unicode.Scalar) -> Bool { word.contains(scalar.value) }

    package func contains(_ value: UInt32) -> Bool { ranges.contains { $0.contains(value) } }

    package func accepts(_ scalar: Unicode.Scalar, caseInsensitive: Bool) -> Bool {
        var hit = contains(scalar.value)
        if !hit, caseInsensitive {
            hit = [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping].contains { mapped in
                mapped.unicodeScalars.count == 1 && contains(mapped.unicodeScalars.first!.value)
            }
        }
        return hit != negated
    }
}

// MARK: - Syntax

private indirect enum Node {
    case scalar(ScalarTest, literal: Unicode.Scalar?)
    case concat([Node])
    case alternation([Node])
    case repetition(Node, min: Int, max: Int?)
    case assertion(Assertion)

    /// The text this node matches when it is nothing but literal characters.
    package var literalText: [Unicode.Scalar]? {
        switch self {
        case .scalar(_, let literal?): return [literal]
        case .concat(let parts):
            var text: [Unicode.Scalar] = []
            for part in parts {
                guard let piece = part.literalText else { return nil }
                text += piece
            }
            return text
        default: return nil
        }
    }
}

private struct Parser {
    package let scalars: [Unicode.Scalar]
    package var index = 0

    package mutating func parseAll() throws(ReadyPattern.Problem) -> Node {
        let node = try parseAlternation()
        if index < scalars.count { throw problem("unbalanced ')'") }
        return node
    }

    private func problem(_ text: String) -> ReadyPattern.Problem {
        ReadyPattern.Problem(description: "\(text) at character \(index + 1)")
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() throws(ReadyPattern.Problem) -> Node {
        var branches = [try parseConcat()]
        while peek == "|" {
            index += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws(ReadyPattern.Problem) -> Node {
        var parts: [Node] = []
        while let next = peek, next != "|", next != ")" {
            var atom = try parseAtom()
            while let quantifier = peek, "*+?{".unicodeScalars.contains(quantifier) {
                if case .assertion = atom { throw problem("a quantifier after an anchor") }
                atom = try parseQuantifier(atom)
            }
            parts.append(atom)
        }
        return parts.count == 1 ? parts[0] : .concat(parts)
    }

    private mutating func parseQuantifier(_ atom: Node) throws(ReadyPattern.Problem) -> Node {
        let symbol = scalars[index]
        index += 1
        var result: Node
        switch symbol {
        case "*": result = .repetition(atom, min: 0, max: nil)
        case "+": result = .repetition(atom, min: 1, max: nil)
        case "?": result = .repetition(atom, min: 0, max: 1)
        default:
            let low = try number()
            var high: Int? = low
            if peek == "," {
                index += 1
                high = peek == "}" ? nil : try number()
            }
            guard peek == "}" else { throw problem("an unclosed '{'") }
            index += 1
            guard low <= 1000, (high ?? 0) <= 1000, high.map({ $0 >= low }) ?? true else {
                throw problem("a repetition count above 1000 or reversed")
            }
            result = .repetition(atom, min: low, max: high)
        }
        if peek == "?" { index += 1 }
        if peek == "+" { throw problem("a possessive quantifier") }
        return result
    }

    private mutating func number() throws(ReadyPattern.Problem) -> Int {
        var digits = ""
        while let next = peek, ("0"..."9").contains(next), digits.count < 5 {
            digits.unicodeScalars.append(next)
            index += 1
        }
        guard let value = Int(digits) else { throw problem("a '{' without a count") }
        return value
    }

    private mutating func parseAtom() throws(ReadyPattern.Problem) -> Node {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case ".": return .scalar(.any, literal: nil)
        case "^": return .assertion(.lineStart)
        case "$": return .assertion(.lineEnd)
        case "[": return .scalar(try parseClass(), literal: nil)
        case "(":
            if peek == "?" {
                guard index + 1 < scalars.count, scalars[index + 1] == ":" else {
                    throw problem("a group of the form '(?…)' other than '(?:' (look-around, atomic and named groups are not supported)")
                }
                index += 2
            }
            let inner = try parseAlternation()
            guard peek == ")" else { throw problem("an unclosed '('") }
            index += 1
            return inner
        case "*", "+", "?", "{": throw problem("a quantifier with nothing to repeat")
        case "\\": return try parseEscape(inClass: false)
        default: return .scalar(.single(scalar), literal: scalar)
        }
    }

    private mutating func parseEscape(inClass: Bool) throws(ReadyPattern.Problem) -> Node {
        guard let escaped = peek else { throw problem("a pattern ending in '\\'") }
        index += 1
        switch escaped {
        case "d": return .scalar(.digit, literal: nil)
        case "D": return .scalar(ScalarTest(ranges: ScalarTest.digit.ranges, negated: true), literal: nil)
        case "w": return .scalar(.word, literal: nil)
        case "W": return .scalar(ScalarTest(ranges: ScalarTest.word.ranges, negated: true), literal: nil)
        case "s": return .scalar(.space, literal: nil)
        case "S": return .scalar(ScalarTest(ranges: ScalarTest.space.ranges, negated: true), literal: nil)
        case "t": return .scalar(.single("\t"), literal: "\t")
        case "n": return .scalar(.single("\n"), literal: "\n")
        case "r": return .scalar(.single("\r"), literal: "\r")
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        default:
            if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) {
                throw problem("the escape '\\\(escaped)' (back references and other escapes are not supported)")
            }
            return .scalar(.single(escaped), literal: escaped)
        }
    }

    private mutating func parseClass() throws(ReadyPattern.Problem) -> ScalarTest {
        var test = ScalarTest(ranges: [])
        if peek == "^" {
            test.negated = true
            index += 1
        }
        var first = true
        while let next = peek, next != "]" || first {
            first = false
            index += 1
            var low: UInt32
            if next == "\\" {
                guard case .scalar(let escaped, let literal) = try parseEscape(inClass: true) else { throw problem("an anchor in a class") }
                guard let literal else {
                    test.ranges += escaped.negated ? complement(escaped.ranges) : escaped.ranges
                    continue
                }
                low = literal.value
            } else {
                low = next.value
            }
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                var high = scalars[index].value
                index += 1
                if high == 0x5C {  // "\\"
                    guard case .scalar(_, let literal?) = try parseEscape(inClass: true) else { throw problem("a class range ending in a class") }
                    high = literal.value
                }
                guard low <= high else { throw problem("a reversed class range") }
                test.ranges.append(low...high)
            } else {
                test.ranges.append(low...low)
            }
        }
        guard peek == "]" else { throw problem("an unclosed '['") }
        index += 1
        return test
    }

    private func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var start: UInt32 = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > start { result.append(start...(range.lowerBound - 1)) }
            start = max(start, range.upperBound + 1)
        }
        if start <= 0x10FFFF { result.append(start...0x10FFFF) }
        return result
    }
}

private struct Compiler {
    package var program: [Instruction] = []
    package static let maxInstructions = 20_000

    package mutating func emit(_ node: Node) throws(ReadyPattern.Problem) {
        guard program.count < Self.maxInstructions else {
            throw ReadyPattern.Problem(description: "is too large once its repetitions are expanded (keep counts small)")
        }
        switch node {
        case .scalar(let test, _):
            program.append(.scalar(test))
        case .assertion(let assertion):
            program.append(.assert(assertion))
        case .concat(let parts):
            for part in parts { try emit(part) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(0, 0))
                    try emit(inner)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}

/// The threads of one step of the simulation: each instruction at most once.
private struct ThreadList {
    private(set) var pcs: [Int] = []
    private var seen: [Bool]

    package init(size: Int) { seen = Array(repeating: false, count: size) }

    /// Adds `pc`; false when it was there already.
    package mutating func insert(_ pc: Int) -> Bool {
        guard !seen[pc] else { return false }
        seen[pc] = true
        pcs.append(pc)
        return true
    }

    package mutating func clear() {
        for pc in pcs { seen[pc] = false }
        pcs.removeAll(keepingCapacity: true)
    }

    package func contains(match program: [Instruction]) -> Bool {
        pcs.contains { if case .match = program[$0] { true } else { false } }
    }
}
