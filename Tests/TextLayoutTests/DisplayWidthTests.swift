import Foundation
import Glibc
import Testing
@testable import TextLayout

/// libc `wcwidth`, looked up at run time because Swift's Glibc module does not import it
/// (glibc declares it only under _XOPEN_SOURCE).
private let wcwidthFunction: @convention(c) (Int32) -> Int32 = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else {
        fatalError("libc has no wcwidth")
    }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

/// libc's own answer, the reference our tables must equal.
private func libcWidth(_ scalar: Unicode.Scalar) -> Int? {
    let width = Int(wcwidthFunction(Int32(bitPattern: scalar.value)))
    return width < 0 ? nil : width
}

/// Switches libc to the only UTF-8 locale a fresh machine is sure to have.
private func useUTF8Locale() {
    let name = setlocale(LC_ALL, "C.UTF-8")
    precondition(name != nil, "C.UTF-8 locale missing")
}

/// The repository root, found from this file so the test runs from any working directory.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct DisplayWidthTests {
    init() { useUTF8Locale() }

    @Test func everyCharacterInLocalesAndRulesMatchesLibc() throws {
        var checkedFiles = 0
        var mismatches: [String] = []
        for folder in ["locales", "rules"] {
            let base = repositoryRoot.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                continue  // the folder is filled by another part of the project; absent is fine
            }
            for case let file as URL in files where !file.hasDirectoryPath {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                checkedFiles += 1
                for scalar in Set(text.unicodeScalars) where scalarWidth(scalar) != libcWidth(scalar) {
                    mismatches.append("\(file.path): U+\(String(scalar.value, radix: 16, uppercase: true))")
                }
            }
        }
        #expect(mismatches.isEmpty, "widths differ from wcwidth: \(mismatches.prefix(20))")
        print("checked \(checkedFiles) files under locales/ and rules/")
    }

    @Test func everyCodePointMatchesLibc() {
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalarWidth(scalar) != libcWidth(scalar) {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, first: \(mismatches.prefix(20))")
    }

    @Test func hangulSyllablesAndCompatibilityJamoAreTwoColumns() {
        for value in UInt32(0xAC00)...0xD7A3 {
            let scalar = Unicode.Scalar(value)!
            #expect(scalarWidth(scalar) == 2)
            #expect(libcWidth(scalar) == 2)
        }
        for value in UInt32(0x3131)...0x318E {
            let scalar = Unicode.Scalar(value)!
            #expect(scalarWidth(scalar) == 2, "U+\(String(value, radix: 16))")
            #expect(libcWidth(scalar) == 2)
        }
    }

    @Test(arguments: [
        ("가", 2), ("a", 1), ("ㄱ", 2), ("😀", 2), ("🙂", 2), ("中", 2), ("ế", 1),
        ("e\u{301}", 1), ("\u{1100}\u{1161}\u{11A8}", 2), ("·", 1), ("※", 1), ("○", 1),
        ("●", 1), ("→", 1), ("─", 1), ("\u{200B}", 0), ("\u{301}", 0), ("Ａ", 2),
        ("👨‍👩‍👧", 6), ("🇰🇷", 2), ("\u{00AD}", 1),
    ])
    func samples(text: String, expected: Int) {
        #expect(displayWidth(of: text) == expected)
        let libcSum = text.unicodeScalars.reduce(0) { $0 + (libcWidth($1) ?? 0) }
        #expect(libcSum == expected, "libc disagrees about \(text)")
    }

    @Test func ambiguousSamplesAreOneColumnButFlagged() {
        for character in "·※○●→─│…•" {
            let scalar = character.unicodeScalars.first!
            #expect(isEastAsianAmbiguous(scalar), "\(character)")
            #expect(scalarWidth(scalar) == 1)
        }
    }

    @Test func chromeIsNarrowAndUnambiguous() {
        for character in UIChrome.all {
            #expect(character.unicodeScalars.count == 1)
            let scalar = character.unicodeScalars.first!
            #expect(!isEastAsianAmbiguous(scalar), "\(character) is Ambiguous")
            #expect(scalarWidth(scalar) == 1)
            #expect(libcWidth(scalar) == 1, "libc says \(character) is not narrow")
        }
    }

    @Test func chromeSafetyCheck() {
        #expect(UIChrome.isSafe("▸ 다음 ›"))
        #expect(!UIChrome.isSafe("※ 안내"))
        #expect(!UIChrome.isSafe("─"))
        #expect(!UIChrome.isSafe("a\u{7}"))
    }

    @Test func controlsCountAsZeroInText() {
        #expect(displayWidth(of: "a\tb") == 2)
        #expect(scalarWidth("\n") == nil)
    }
}
