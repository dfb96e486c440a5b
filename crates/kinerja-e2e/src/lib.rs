//! End-to-end tests of the web interface in a real headless Chromium (through chromedriver and
//! fantoccini). The crate has no code: the tests in `tests/peramban.rs` start the server, the
//! browser and the driver themselves. It is a separate crate so that the browser driver and its
//! dependencies are built only for these tests.
