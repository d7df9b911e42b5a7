//! Addresses of this deployment, for the share and embed dialogs and the widget's
//! link to the full explorer. Everything is relative to the folder the page was
//! loaded from, so the site works from any static host and sub-folder.

use squeeze_link::{encode, encode_shared, View};
use squeeze_model::Outcome;

/// The folder the page was loaded from, e.g. `https://example.org/squeeze/`.
pub fn base_folder() -> String {
    let href = gloo_utils::window().location().href().unwrap_or_default();
    let page = href.split(['#', '?']).next().unwrap_or_default();
    match page.rfind('/') {
        Some(slash) => page[..=slash].to_string(),
        None => page.to_string(),
    }
}

fn with_fragment(address: String, view: &View) -> String {
    let fragment = encode(view);
    if fragment.is_empty() {
        address
    } else {
        format!("{address}#{fragment}")
    }
}

/// The full explorer showing `view`.
pub fn explorer_url(view: &View) -> String {
    with_fragment(base_folder(), view)
}

/// The link the share dialog gives: the explorer on `view`, stamped with the model
/// version, the data's date and the headline figures of `outcome`, so that opened
/// after an update it can show what it showed then beside today's figures.
pub fn share_url(view: &View, outcome: &Outcome) -> String {
    format!("{}#{}", base_folder(), encode_shared(view, outcome))
}

/// The copy-paste snippet for an article: the iframe (on the widget showing `view`,
/// stamped like [`share_url`]) and the optional resize script.
pub fn embed_snippet(view: &View, outcome: &Outcome, title: &str) -> String {
    let title = title.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"620\" loading=\"lazy\" \
         sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\" \
         style=\"border:0;max-width:720px;min-width:300px\" data-squeeze-widget></iframe>\n\
         <script src=\"{}squeeze-embed.js\" async></script>",
        format!("{}embed.html#{}", base_folder(), encode_shared(view, outcome)).replace('&', "&amp;"),
        base_folder()
    )
}
