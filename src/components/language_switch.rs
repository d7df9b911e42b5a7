//! English or Italian, as two toggle buttons in a labelled group.

use crate::i18n::{strings, Lang};
use yew::prelude::*;

/// What the switch needs.
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The page language.
    pub lang: Lang,
    /// Called with the language the reader picks.
    pub on_change: Callback<Lang>,
}

/// `English | Italiano`, each button named in its own language.
#[function_component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let button = |lang: Lang, name: &'static str| {
        let onclick = props.on_change.reform(move |_: MouseEvent| lang);
        html! {
            <button type="button" class="lang__button" lang={lang.code()}
                aria-pressed={(props.lang == lang).to_string()} {onclick}>{ name }</button>
        }
    };
    html! {
        <div class="lang" role="group" aria-label={strings(props.lang).language}>
            { button(Lang::En, "English") }
            { button(Lang::It, "Italiano") }
        </div>
    }
}
