import Terminal

/// How much room a screen has, which decides how it is laid out.
///
/// The default layout is for 80x24 and up; a large-text kiosk (200% of 80x24) has 40x12, where
/// every screen drops to one column. Below 40x12 nothing can be laid out honestly, so a
/// notice asks for a larger window instead.
public enum ScreenGeometry {
    /// The smallest screen a layout is drawn for.
    public static let minimum = Size(width: 40, height: 12)

    public enum Layout: Sendable, Equatable {
        /// 80x24 and larger: touch targets three rows tall.
        case regular
        /// Down to 40x12: one column, one-row targets, optional lines dropped.
        case compact
        /// Smaller than `minimum`.
        case tooSmall
    }

    public static func layout(for size: Size) -> Layout {
        if size.width < minimum.width || size.height < minimum.height { return .tooSmall }
        if size.width < 60 || size.height < 20 { return .compact }
        return .regular
    }
}
