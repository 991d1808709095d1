//! The root of the full calculator (the compact widget mounts without yew: `widget::mount`).

use crate::page::Page;
use yew::prelude::*;

/// The whole calculator.
#[function_component(App)]
pub fn app() -> Html {
    html! { <Page /> }
}
