/// Removes from model output everything that could act on the terminal instead of being read.
///
/// A model streaming random or hostile text can emit ESC sequences (move the cursor, change
/// the title, rewrite the screen), C0/C1 controls, bidi overrides that reorder what the
/// citizen sees, and invisible characters that hide text. Only printable text, spaces and
/// newlines pass. The filter keeps state across chunks because an escape sequence can be split
/// between two deltas.
public struct TerminalSafetyFilter: Sendable {
    private enum State: Sendable { case text, escape, csi, osc, oscEscape }
    private var state = State.text

    public init() {}

    public mutating func feed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            switch state {
            case .escape:
                // ESC [ starts CSI, ESC ] starts OSC (titles, hyperlinks); any other byte ends it.
                state = v == 0x5B ? .csi : (v == 0x5D || v == 0x50 || v == 0x5F || v == 0x5E ? .osc : .text)
                continue
            case .csi:
                if (0x40...0x7E).contains(v) { state = .text }
                continue
            case .osc:
                if v == 0x07 { state = .text } else if v == 0x1B { state = .oscEscape }
                continue
            case .oscEscape:
                state = v == 0x5C ? .text : .osc
                continue
            case .text:
                break
            }
            if v == 0x1B { state = .escape; continue }
            if v == 0x9B { state = .csi; continue }
            if v == 0x9D { state = .osc; continue }
            if v == 0x0A { out.append(s); continue }
            if v == 0x09 { out.append(" "); continue }
            if Self.isUnsafe(s) { continue }
            out.append(s)
        }
        return String(out)
    }

    /// Controls, format characters (bidi marks and overrides, zero-width joiners, soft hyphen,
    /// tags), private-use and unassigned code points, and lone combining marks' carriers.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator:
            return true
        default:
            // Hangul filler characters render as blanks of unpredictable width.
            return [0x115F, 0x1160, 0x3164, 0xFFA0, 0xFFFC, 0xFFFD].contains(s.value)
        }
    }
}
