//! Text measurement for the charts without touching the page's layout.
//!
//! In the browser, plotters measures a label by appending a styled `<span>` to the body and
//! reading its size, which forces a layout of the whole page for every label: profiled over a
//! slider drag, that was a quarter of each input's main-thread work, and it is the only
//! reason the page's Content-Security-Policy would need inline style attributes. [`Measured`]
//! wraps a drawing backend, answers plotters' "how big is this text" from a canvas 2D
//! context's `measureText` (no layout), and remembers each answer. Natively (tests) it
//! defers to the wrapped backend.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::cell::RefCell;
use std::collections::HashMap;

/// Answers kept before the cache starts again (labels repeat; this bounds memory).
const CACHE_LIMIT: usize = 4096;

thread_local! {
    static SIZES: RefCell<HashMap<String, (u32, u32)>> = RefCell::new(HashMap::new());
}

/// A backend whose text sizes come from [`text_size`].
pub struct Measured<B>(pub B);

/// The CSS font of a text style, as a canvas context and a span both read it.
fn css_font<S: BackendTextStyle>(style: &S) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// Width and height of `text` in `font`, from a canvas context that is never attached to the
/// page; `None` outside a browser.
#[cfg(target_arch = "wasm32")]
fn measure(font: &str, size: f64, text: &str) -> Option<(u32, u32)> {
    use wasm_bindgen::JsCast;
    thread_local! {
        static CONTEXT: Option<web_sys::CanvasRenderingContext2d> = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into().ok());
    }
    CONTEXT.with(|ctx| {
        let ctx = ctx.as_ref()?;
        ctx.set_font(font);
        let m = ctx.measure_text(text).ok()?;
        // The line box a span of this font would have: the font's ascent and descent.
        let line = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        let height = if line.is_finite() && line > 0.0 {
            line
        } else {
            size * 1.2
        };
        Some((m.width().ceil() as u32, height.ceil() as u32))
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn measure(_font: &str, _size: f64, _text: &str) -> Option<(u32, u32)> {
    None
}

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = css_font(style);
        let key = format!("{font}\u{0}{text}");
        if let Some(size) = SIZES.with(|c| c.borrow().get(&key).copied()) {
            return Ok(size);
        }
        let size = match measure(&font, style.size(), text) {
            Some(size) => size,
            None => self.0.estimate_text_size(text, style)?,
        };
        SIZES.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            c.insert(key, size);
        });
        Ok(size)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}
