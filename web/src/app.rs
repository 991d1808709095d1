//! The root: the full calculator, or the compact widget another site embeds.

use crate::page::Page;
use crate::widget::Widget;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Show the compact widget for another site instead of the full page.
    #[prop_or(false)]
    pub embed: bool,
}

/// The whole calculator, or its compact widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    if props.embed {
        html! { <Widget /> }
    } else {
        html! { <Page /> }
    }
}
