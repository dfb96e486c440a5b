//! Progress bars for long work (importing many data sets): the rate and the time left on
//! standard error when it is a terminal; nothing when it is not (piped or redirected: indicatif
//! hides a bar whose target is not a terminal) or under `--diam`. Standard output keeps the
//! command's result alone, so a bar never mixes into what a script reads.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

/// A bar over `n` items of kind `apa` ("data").
pub fn batang(n: usize, apa: &str, diam: bool) -> ProgressBar {
    if diam {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(n as u64);
    let gaya = ProgressStyle::with_template(&format!(
        "[{{bar:30}}] {{pos}}/{{len}} {apa}, {{laju}}/detik, sisa {{eta}} {{msg}}"
    ))
    .expect("a valid template")
    // The rate in Indonesian style (`2,5`), like every number the tool prints.
    .with_key("laju", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
        let laju = Decimal::from_f64(s.per_sec()).unwrap_or_default();
        let _ = w.write_str(&kinerja_core::angka::format_angka(laju, 1));
    })
    .progress_chars("=> ");
    b.set_style(gaya);
    b
}
