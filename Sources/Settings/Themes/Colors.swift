import Foundation

/// A colour as a terminal shows it, for computing contrast.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Relative luminance as WCAG 2.x defines it (sRGB channels linearised, then weighted).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio between two colours, from 1 (same) to 21 (black and white).
    public func contrastRatio(with other: RGB) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// An index into xterm's 256-colour palette.
public struct XtermColor: Sendable, Hashable {
    public let index: UInt8

    public init(_ index: UInt8) { self.index = index }

    /// The colour xterm shows for this index by default.
    ///
    /// 0–15 are xterm's system colours; 16–231 a 6×6×6 cube over the levels 0, 95, 135, 175,
    /// 215, 255; 232–255 greys from 8 in steps of 10.
    public var rgb: RGB {
        let i = Int(index)
        switch i {
        case 0..<16:
            return Self.system[i]
        case 16..<232:
            let n = i - 16
            return RGB(Self.cubeLevels[n / 36], Self.cubeLevels[(n / 6) % 6], Self.cubeLevels[n % 6])
        default:
            let grey = UInt8(8 + 10 * (i - 232))
            return RGB(grey, grey, grey)
        }
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
    private static let system: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]
}

/// One of the eight ANSI colours of an 8-colour terminal; the raw value is its colour number.
public enum ANSIColor: Int, CaseIterable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white

    /// The name a theme file writes.
    public var name: String { String(describing: self) }

    /// The colour as xterm shows it by default (its system colours 0–7), for contrast maths.
    public var rgb: RGB { XtermColor(UInt8(rawValue)).rgb }
}
