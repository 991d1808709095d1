//! The registry's long texts on the page: how each figure was derived, why each assumption was
//! made, the sources' full citations. The page's and the widget's bundles go without them; the
//! page asks the scribe worker, whose bundle has them, when a view first shows them.

use hatcalc::texts::Texts;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Something waiting for the texts.
type Waiter = Box<dyn FnOnce(Rc<Texts>)>;

thread_local! {
    /// The texts, once they have come.
    static TEXTS: RefCell<Option<Rc<Texts>>> = const { RefCell::new(None) };
    /// How to ask for them: set by the page ([`set_asker`]); the widget has none.
    static ASKER: Cell<Option<fn() -> bool>> = const { Cell::new(None) };
    /// Whether they have been asked for.
    static ASKED: Cell<bool> = const { Cell::new(false) };
    /// What waits for them.
    static WAITING: RefCell<Vec<Waiter>> = const { RefCell::new(Vec::new()) };
}

/// How this bundle asks for the texts (the page: the scribe worker), saying whether it could
/// ask. Without it they never come.
pub fn set_asker(ask: fn() -> bool) {
    ASKER.set(Some(ask));
}

/// How long the texts are waited for once asked; then they are taken to be unavailable.
const GIVE_UP: std::time::Duration = std::time::Duration::from_secs(10);

/// For a `<details>` note's `ontoggle`: ask for the texts when it is opened.
pub fn want_when_opened() -> Callback<Event> {
    Callback::from(|e: Event| {
        let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
        if el.open() {
            want();
        }
    })
}

/// What a note says where its long text could not come.
pub const NOT_LOADED: &str =
    "This text could not be loaded: the calculator's worker did not answer.";

/// Whether the texts can come to this bundle at all.
pub fn can_come() -> bool {
    ASKER.get().is_some() || TEXTS.with(|t| t.borrow().is_some())
}

/// The texts, if they have come.
pub fn texts() -> Option<Rc<Texts>> {
    TEXTS.with(|t| t.borrow().clone())
}

/// Ask for the texts, once. Where they cannot be asked for, or do not come in time, empty
/// texts come instead ([`Texts::is_complete`] is false), and views say they are unavailable.
pub fn want() {
    if texts().is_some() || ASKED.get() {
        return;
    }
    let Some(ask) = ASKER.get() else {
        return;
    };
    ASKED.set(true);
    if !ask() {
        arrived(Texts::default());
        return;
    }
    yew::platform::spawn_local(async {
        yew::platform::time::sleep(GIVE_UP).await;
        if texts().is_none() {
            arrived(Texts::default());
        }
    });
}

/// Call `then` with the texts when they come (at once if they have), without asking for them.
pub fn on_texts(then: impl FnOnce(Rc<Texts>) + 'static) {
    match texts() {
        Some(t) => then(t),
        None => WAITING.with(|w| w.borrow_mut().push(Box::new(then))),
    }
}

/// The texts have come: keep them and hand them to what waits (the first to come are kept).
pub fn arrived(texts: Texts) {
    if self::texts().is_some_and(|t| t.is_complete()) {
        return;
    }
    let texts = Rc::new(texts);
    TEXTS.with(|t| *t.borrow_mut() = Some(texts.clone()));
    for then in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        then(texts.clone());
    }
}

/// The texts once they have come (re-rendering when they do), without asking for them: a
/// view asks with [`want`] when it first shows them.
#[hook]
pub fn use_texts() -> Option<Rc<Texts>> {
    let texts = use_state(texts);
    {
        let texts = texts.clone();
        use_effect_with((), move |_| {
            if texts.is_none() {
                on_texts(move |t| texts.set(Some(t)));
            }
        });
    }
    (*texts).clone()
}

/// A source's short cite ("Dijkgraaf et al. (2005)"), in every bundle; its id if unknown.
pub fn cite(id: &str) -> &str {
    hatcalc::sources::source(id).map_or(id, |s| s.cite)
}

/// A source in a list: its full citation, where in it the figures are, and a link labelled
/// `link` (the address itself when `None`), once the texts have come; until then its short cite.
pub fn source_item(texts: Option<&Texts>, id: &str, link: Option<&str>) -> Html {
    match texts.and_then(|t| t.source(id)) {
        Some(src) => {
            let label = link.map_or_else(|| src.url.clone(), str::to_string);
            html! {
                <>{ src.citation.clone() }{ " " }<span class="muted">{ src.locator.clone() }</span>{ " " }
                <a href={src.url.clone()} rel="noopener noreferrer" target="_blank">{ label }</a></>
            }
        }
        None => html! { <>{ cite(id) }</> },
    }
}
