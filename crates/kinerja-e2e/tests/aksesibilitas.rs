//! Every page of the web interface checked with axe-core in Chromium: no violation of impact
//! "serious" or "critical" (WCAG 2.x A/AA rules and axe's best practices), on the public pages
//! and on every page an operator and a pereviu open; each page has its own title, does not
//! scroll sideways on a 360 px screen, and on a 1024 px window no table scrolls sideways
//! either. The pages are the router's own
//! (`kinerja_web::rute_terdaftar`): a new page is checked without being listed here.
//!
//! axe-core comes from the npm registry (`.ci/run` installs it into `target/axe`; elsewhere
//! `npm install --prefix target/axe axe-core@4.14.1`, or `KINERJA_AXE=/path/axe.min.js`).
//! Without it, or without Chromium, the test says so and skips, except under `KINERJA_CI=1`.

mod bersama;

use bersama::*;
use fantoccini::{Client, Locator};
use serde_json::Value;
use std::path::PathBuf;

/// The axe-core script: `$KINERJA_AXE`, else `<target>/axe/node_modules/axe-core/axe.min.js`.
fn skrip_axe() -> Option<String> {
    let jalur = std::env::var_os("KINERJA_AXE")
        .map(PathBuf::from)
        .or_else(|| {
            let exe = std::env::current_exe().ok()?;
            Some(
                exe.ancestors()
                    .nth(3)?
                    .join("axe/node_modules/axe-core/axe.min.js"),
            )
        })?;
    match std::fs::read_to_string(&jalur) {
        Ok(s) => Some(s),
        Err(e) => {
            let pesan = format!(
                "LEWATI: axe-core tidak ada di {} ({e}); npm install --prefix target/axe axe-core@4.14.1",
                jalur.display()
            );
            if std::env::var("KINERJA_CI").is_ok_and(|v| v == "1") {
                panic!("{pesan} (KINERJA_CI=1: uji aksesibilitas wajib berjalan)");
            }
            eprintln!("{pesan}");
            None
        }
    }
}

/// The pages to check: every GET route that answers with a page, its parameters filled with
/// the example's values. Downloads, the API, the stylesheet and logout are not pages.
fn halaman() -> Vec<String> {
    let mut v: Vec<String> = kinerja_web::rute_terdaftar()
        .into_iter()
        .filter(|(m, j)| {
            *m == "get"
                && !j.starts_with("/api/")
                && !j.starts_with("/static/")
                && !j.starts_with("/panduan/gambar/")
                && ![".pdf", ".docx", ".xlsx", ".toml"]
                    .iter()
                    .any(|a| j.ends_with(a))
        })
        .map(|(_, j)| {
            j.replace(
                "{id}",
                if j.starts_with("/kabupaten") {
                    "jember"
                } else {
                    "mumbulsari"
                },
            )
            .replace("{tahun}", "2020")
            .replace("{periode}", "tw1")
            .replace("{pos}", "A-2020-K-ADM-1")
            .replace("{layanan}", "ktp")
            .replace("{survei}", "skm-2020")
            .replace("{sha256}", &"0".repeat(64))
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

const JALANKAN_AXE: &str = r#"
const selesai = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then(r => selesai(
  r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
)).catch(e => selesai([{ id: 'axe-gagal', impact: 'critical', help: String(e), nodes: [] }]));
"#;

/// The page's width against the screen's, and the first elements past the right edge that are
/// not inside a scroll box of their own (which is where a wide table belongs).
const LEBAR: &str = r#"
const layar = window.innerWidth;
const pelanggar = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  const kanan = r.right;
  if (kanan <= layar + 1 || r.width === 0) continue;
  let p = e.parentElement, gulir = false;
  while (p) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') { gulir = true; break; }
    p = p.parentElement;
  }
  if (!gulir) pelanggar.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
    ' ' + Math.round(kanan));
}
return { isi: document.documentElement.scrollWidth, layar, pelanggar: pelanggar.slice(0, 4) };
"#;

/// The table boxes that scroll sideways: the table's caption (or label) and its widths.
const TABEL_LEBAR: &str = r#"
return Array.from(document.querySelectorAll('.tabel-wadah'))
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => {
    const t = e.querySelector('caption') || e.querySelector('table');
    const nama = (t && (t.textContent || '')).trim().replace(/\s+/g, ' ').slice(0, 60);
    return nama + ' (' + e.scrollWidth + ' px dalam ' + e.clientWidth + ' px)';
  });
"#;

async fn periksa(c: &Client, dasar: &str, axe: &str, jalur: &str, siapa: &str) -> Vec<String> {
    c.goto(&format!("{dasar}{jalur}")).await.unwrap();
    c.wait().for_element(Locator::Css("body")).await.unwrap();
    // A page must say what it is: its own title.
    let judul = c.title().await.unwrap_or_default();
    let mut hasil = Vec::new();
    if judul.trim().is_empty() {
        hasil.push(format!("{siapa} {jalur}: halaman tanpa <title>"));
    }
    c.execute(&format!("{axe}\n;return true;"), vec![])
        .await
        .expect("inject axe-core");
    let v = c
        .execute_async(JALANKAN_AXE, vec![])
        .await
        .unwrap_or_else(|e| panic!("run axe-core on {jalur} as {siapa}: {e}"));
    for x in v.as_array().cloned().unwrap_or_default() {
        let s = |k: &str| x.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        hasil.push(format!(
            "{siapa} {jalur}: [{}] {} {}: {}",
            s("impact"),
            s("id"),
            s("help"),
            x.get("nodes").map(Value::to_string).unwrap_or_default()
        ));
    }
    // On a laptop's window (1024 px: a 1366 px screen at 133 %, or a window beside another)
    // every table fits: entry forms are typed into, and a column out of sight is easy to miss.
    c.set_window_size(1024, 800).await.unwrap();
    let tabel = c.execute(TABEL_LEBAR, vec![]).await.unwrap();
    for t in tabel.as_array().cloned().unwrap_or_default() {
        hasil.push(format!(
            "{siapa} {jalur}: pada layar 1024 px tabel bergulir ke samping: {}",
            t.as_str().unwrap_or_default()
        ));
    }
    // Readable on a phone: at 360 px nothing but a table's own scroll box is wider than the
    // screen (the page itself never scrolls sideways).
    c.set_window_size(360, 800).await.unwrap();
    let lebar = c.execute(LEBAR, vec![]).await.unwrap();
    let png = c.screenshot().await.unwrap();
    c.set_window_size(1366, 900).await.unwrap();
    let angka = |k: &str| lebar.get(k).and_then(Value::as_u64).unwrap_or(0);
    if angka("isi") > angka("layar") {
        let f = folder_tangkapan().join(format!("sempit{}.png", jalur.replace('/', "_")));
        std::fs::write(&f, png).unwrap();
        hasil.push(format!(
            "{siapa} {jalur}: pada layar {} px halaman selebar {} px; melewati tepi: {}",
            angka("layar"),
            angka("isi"),
            lebar
                .get("pelanggar")
                .map(Value::to_string)
                .unwrap_or_default()
        ));
    }
    hasil
}

async fn masuk(c: &Client, dasar: &str, (nama, sandi): (&str, &str)) {
    c.goto(&format!("{dasar}/masuk")).await.unwrap();
    c.find(Locator::Css("input[name=nama_pengguna]"))
        .await
        .unwrap()
        .send_keys(nama)
        .await
        .unwrap();
    c.find(Locator::Css("input[name=kata_sandi]"))
        .await
        .unwrap()
        .send_keys(sandi)
        .await
        .unwrap();
    c.find(Locator::Css("form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css(".akun-nama"))
        .await
        .expect("logged in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_core() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let Some(axe) = skrip_axe() else {
        return;
    };
    // One database is enough: the pages are the same on both (peramban.rs runs both).
    let basis = kinerja_simpan::uji::sqlite();
    let server = Server::mulai(&basis.url).await;
    let dasar = format!("http://{}", server.alamat);
    let halaman = halaman();
    let mut salah = Vec::new();
    let mut diperiksa = 0;
    for (siapa, akun) in [
        ("publik", None),
        ("operator", Some(OPERATOR)),
        ("pereviu", Some(PEREVIU)),
    ] {
        let profil = Profil::baru();
        let c = driver.sesi(&profil.0).await;
        // axe-core on the longest pages (the audit trail) takes more than chromedriver's 30 s
        // on a loaded machine; a timeout is no finding.
        c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(std::time::Duration::from_secs(180)),
            Some(std::time::Duration::from_secs(120)),
            Some(std::time::Duration::ZERO),
        ))
        .await
        .expect("set the script timeout");
        if let Some(a) = akun {
            masuk(&c, &dasar, a).await;
        }
        for j in &halaman {
            salah.extend(periksa(&c, &dasar, &axe, j, siapa).await);
            diperiksa += 1;
        }
        c.close().await.unwrap();
    }
    server.berhenti().await;
    basis.selesai().await;
    eprintln!(
        "axe-core: {diperiksa} halaman diperiksa ({} alamat x 3 peran)",
        halaman.len()
    );
    assert!(
        salah.is_empty(),
        "{} pelanggaran serius/kritis:\n{}",
        salah.len(),
        salah.join("\n")
    );
}

/// The pages that show a reorganisation (`contoh/reorganisasi`: A and B merged into C in
/// 2021): C's dashboard with its predecessors' years, and the kabupaten's roll-up of the year
/// before the merge. Checked as the pereviu, who sees every year.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reorganised_pages_pass_axe_core() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let Some(axe) = skrip_axe() else {
        return;
    };
    let basis = kinerja_simpan::uji::sqlite();
    let server = Server::mulai(&basis.url).await;
    let p = kinerja_simpan::Pelaku {
        pengguna: "uji-e2e".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    for f in ["kec-a.toml", "kec-b.toml", "kec-c.toml"] {
        let d = kinerja_berkas::baca(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../contoh/reorganisasi")
                .join(f),
        )
        .expect("the example reads");
        server
            .toko
            .impor(&d, None, kinerja_simpan::ModeImpor::Gabung, &p)
            .await
            .expect("import the example");
    }
    let dasar = format!("http://{}", server.alamat);
    let profil = Profil::baru();
    let c = driver.sesi(&profil.0).await;
    masuk(&c, &dasar, PEREVIU).await;
    let mut salah = Vec::new();
    for j in [
        "/instansi/kec-c/tahun/2021",
        "/kabupaten/kab-gabung/tahun/2020",
    ] {
        salah.extend(periksa(&c, &dasar, &axe, j, "pereviu").await);
    }
    c.goto(&format!("{dasar}/instansi/kec-c/tahun/2021"))
        .await
        .unwrap();
    let teks = c
        .find(Locator::Css("#h-riwayat"))
        .await
        .expect("the reorganised trend is on the dashboard")
        .text()
        .await
        .unwrap();
    assert_eq!(teks, "Tren indikator sejak sebelum reorganisasi");
    c.close().await.unwrap();
    server.berhenti().await;
    basis.selesai().await;
    assert!(
        salah.is_empty(),
        "{} pelanggaran serius/kritis:\n{}",
        salah.len(),
        salah.join("\n")
    );
}
