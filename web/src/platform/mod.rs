//! The browser around the calculator: its address, its storage, downloads and the messages a
//! widget exchanges with the page that embeds it, and its number reader. Nothing here knows
//! about the model beyond handing it that reader.

pub mod download;
pub mod messages;
pub mod number;
pub mod storage;
pub mod url;
