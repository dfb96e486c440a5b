//! The Panduan's screenshots, taken by the browser tests so that the guide never shows a page
//! that no longer looks that way. Each is one element of a page (a form, a table), captured at
//! a fixed window width, and stored in `crates/kinerja-tampilan/panduan/NAME.png`, which the
//! binary embeds (`kinerja_tampilan::panduan::GAMBAR`). Beside them, `sidik.txt` holds per
//! image the SHA-256 of what it shows: the element's markup (CSRF and preview tokens left out),
//! the values in its fields, and the stylesheet. A run whose element differs from its
//! fingerprint fails and names the images to regenerate with
//! `KINERJA_PERBARUI_PANDUAN=1 cargo test -p kinerja-e2e --test siklus`, which rewrites the
//! PNGs and `sidik.txt` (then look at them before committing). Fingerprints, not PNG bytes,
//! are compared: a PNG differs with the machine's fonts and Chromium's version, the page it
//! shows does not.

use super::Peramban;
use fantoccini::Locator;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

/// The window width of every capture: a laptop screen, wide enough for the entry table.
const LEBAR: u32 = 1280;

const CSS: &[u8] = include_bytes!("../../../kinerja-tampilan/templates/kinerja.css");

/// The element's markup without its tokens, and the current values of its fields (typed text
/// is not in the markup).
const ISI: &str = r#"
const e = document.querySelector(arguments[0]);
if (!e) return null;
const k = e.cloneNode(true);
k.querySelectorAll('input[name=csrf], input[name=token]').forEach(i => i.removeAttribute('value'));
const medan = Array.from(e.querySelectorAll('input, textarea, select'))
  .filter(i => i.name !== 'csrf' && i.name !== 'token')
  .map(i => i.name + '=' + (i.type === 'checkbox' ? i.checked : i.value));
const r = e.getBoundingClientRect();
return { isi: k.outerHTML + '\n' + medan.join('\n'),
         bawah: Math.ceil(r.bottom + window.scrollY) };
"#;

pub fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../kinerja-tampilan/panduan")
}

/// `sidik.txt`: `NAME SHA256` per line.
pub fn baca_sidik() -> BTreeMap<String, String> {
    std::fs::read_to_string(folder().join("sidik.txt"))
        .unwrap_or_default()
        .lines()
        .filter_map(|b| b.split_once(' '))
        .map(|(n, s)| (n.to_string(), s.trim().to_string()))
        .collect()
}

pub struct Panduan {
    perbarui: bool,
    tersimpan: BTreeMap<String, String>,
    diambil: Mutex<BTreeMap<String, String>>,
    berbeda: Mutex<Vec<String>>,
}

impl Panduan {
    pub fn baru() -> Panduan {
        Panduan {
            perbarui: std::env::var("KINERJA_PERBARUI_PANDUAN").is_ok_and(|v| v == "1"),
            tersimpan: baca_sidik(),
            diambil: Mutex::new(BTreeMap::new()),
            berbeda: Mutex::new(Vec::new()),
        }
    }

    /// Captures the element `css` of the current page as the image `nama`.
    pub async fn tangkap<P: Peramban>(&self, p: &P, nama: &str, css: &str) {
        self.tangkap_sebagian(p, nama, css, "").await;
    }

    /// As `tangkap`, with the elements `sembunyi` (inside it) hidden in the image, so that a
    /// long page shows the part the guide explains; the fingerprint is still the whole
    /// element's. The page is reloaded by the caller's next step.
    pub async fn tangkap_sebagian<P: Peramban>(
        &self,
        p: &P,
        nama: &str,
        css: &str,
        sembunyi: &str,
    ) {
        let c = p.klien();
        c.set_window_size(LEBAR, 900).await.unwrap();
        let v = c.execute(ISI, vec![json!(css)]).await.unwrap();
        assert!(!v.is_null(), "{}: no element {css} for {nama}", p.nama());
        let isi = v["isi"].as_str().unwrap_or_default();
        let mut h = Sha256::new();
        h.update(isi.as_bytes());
        h.update(CSS);
        let sidik: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let v = if sembunyi.is_empty() {
            v
        } else {
            c.execute(
                "document.querySelectorAll(arguments[1]).forEach(e => e.style.display = 'none');
                 const r = document.querySelector(arguments[0]).getBoundingClientRect();
                 return { bawah: Math.ceil(r.bottom + window.scrollY) };",
                vec![json!(css), json!(sembunyi)],
            )
            .await
            .unwrap()
        };
        // The whole element inside the window: stretch the window to it.
        let bawah = v["bawah"].as_u64().unwrap_or(900);
        let bingkai = 900u64.saturating_sub(
            c.execute("return window.innerHeight;", vec![])
                .await
                .unwrap()
                .as_u64()
                .unwrap_or(900),
        );
        let tinggi = (bawah + bingkai + 16).clamp(900, 6000);
        c.set_window_size(LEBAR, tinggi as u32).await.unwrap();
        let png = c
            .find(Locator::Css(css))
            .await
            .unwrap()
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("{}: screenshot of {css}: {e}", p.nama()));
        c.set_window_size(1366, 900).await.unwrap();
        // Always kept where the other screenshots are, to be looked at.
        let f = super::folder_tangkapan().join(format!("panduan-{nama}.png"));
        std::fs::write(&f, &png).unwrap();
        if self.perbarui {
            let f = folder().join(format!("{nama}.png"));
            std::fs::create_dir_all(folder()).unwrap();
            std::fs::write(&f, &png).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        } else if self.tersimpan.get(nama) != Some(&sidik) {
            self.berbeda.lock().unwrap().push(nama.to_string());
        }
        self.diambil.lock().unwrap().insert(nama.to_string(), sidik);
    }

    /// Writes `sidik.txt` when regenerating; otherwise fails when an image is out of date
    /// or the guide has an image no test takes.
    pub fn selesai(&self) {
        let diambil = self.diambil.lock().unwrap().clone();
        if self.perbarui {
            let teks: String = diambil.iter().map(|(n, s)| format!("{n} {s}\n")).collect();
            std::fs::write(folder().join("sidik.txt"), teks).unwrap();
            eprintln!(
                "gambar panduan diperbarui di {}: lihat dahulu sebelum commit",
                folder().display()
            );
            return;
        }
        let berbeda = self.berbeda.lock().unwrap().clone();
        let yatim: Vec<&String> = self
            .tersimpan
            .keys()
            .filter(|n| !diambil.contains_key(*n))
            .collect();
        assert!(
            berbeda.is_empty() && yatim.is_empty(),
            "gambar panduan usang: {berbeda:?} (halamannya berubah), tanpa uji: {yatim:?}; \
             buat ulang dengan KINERJA_PERBARUI_PANDUAN=1 cargo test -p kinerja-e2e --test \
             siklus, lalu lihat gambarnya di crates/kinerja-tampilan/panduan/"
        );
    }
}
