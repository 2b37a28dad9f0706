import Explainer
import Foundation
import Settings

extension Explainer {
    /// An explainer that talks to `settings.endpoint` over HTTP when it is set, and uses the
    /// templates alone when it is not.
    public static func connecting(settings: ExplainerSettings, locales: LocaleBundle) -> Explainer {
        let client = settings.endpoint.map { OpenAIChatClient(baseURL: $0, connectTimeout: settings.connectTimeout) }
        return Explainer(settings: settings, locales: locales, client: client)
    }
}
