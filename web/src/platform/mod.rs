//! The browser around the calculator: its address, its storage, downloads and the messages a
//! widget exchanges with the page that embeds it. Nothing here knows about the model.

pub mod download;
pub mod messages;
pub mod storage;
pub mod url;
