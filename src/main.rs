//! Browser entry point: mount the explorer into the page.

fn main() {
    squeeze_app::start();
}
