//! This browser's local storage, where there is one (private modes may refuse it).

/// The local storage, if the browser offers it.
pub fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}
