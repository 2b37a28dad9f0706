import Settings
import Terminal
import TextLayout

/// The mode's settings page: voice on or off, rate, volume, low position, unlimited time,
/// and turning the mode off. Each choice names its current value, so the voice reads it.
enum AccessibilityPages {
    static func settings(_ context: PageContext, mode: AccessibilityMode) -> Page {
        func state(_ on: Bool) -> String { context.text(on ? "a11y.on" : "a11y.off") }
        let choices = [
            Choice(label: context.text("a11y.close"), action: .accessibility(.close)),
            Choice(label: context.text("a11y.voice", ["state": state(mode.voice)]), action: .accessibility(.toggleVoice)),
            Choice(label: context.text("a11y.faster", ["rate": String(mode.rate)]), action: .accessibility(.faster)),
            Choice(label: context.text("a11y.slower", ["rate": String(mode.rate)]), action: .accessibility(.slower)),
            Choice(label: context.text("a11y.louder", ["volume": String(mode.volume)]), action: .accessibility(.louder)),
            Choice(label: context.text("a11y.quieter", ["volume": String(mode.volume)]), action: .accessibility(.quieter)),
            Choice(label: context.text("a11y.low_position", ["state": state(mode.lowPosition)]), action: .accessibility(.toggleLowPosition)),
            Choice(label: context.text("a11y.more_time", ["state": state(mode.extendWithoutLimit)]), action: .accessibility(.toggleExtendWithoutLimit)),
            Choice(label: context.text("a11y.turn_off"), action: .accessibility(.turnOff)),
        ]
        return Page(
            title: context.text("a11y.title"),
            items: [
                .text(context.text("a11y.body")),
                .choices(choices),
            ],
            hints: context.hints(scrolls: true))
    }
}
