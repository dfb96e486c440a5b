//! The web interface driven in a real headless Chromium through chromedriver: answer the
//! hosted survey as the public (a second send of the same form refused), log in, enter a
//! realisasi and see the capaian change on the dashboard, the approval lock and its lifting, a
//! refusal when editing another instansi's data, the Tw1 workflow and its audit trail, the
//! analysis written on the Laporan Kinerja page and read back from the downloaded PDF with
//! `pdftotext`, a pereviu's acceptance leaving the open count, logout.
//! Every check reads what the page shows (the DOM), not status codes. Screenshots of the main
//! pages go to `<target>/e2e-tangkapan/`.
//!
//! The test starts everything itself: the server in-process on a fresh database (SQLite, and
//! PostgreSQL when `kinerja_simpan::uji` finds one), chromedriver as a child process, and
//! Chromium with a fresh profile. Without Chromium it is skipped with a message, except under
//! `KINERJA_CI=1`, where it fails.

#[path = "../bersama/mod.rs"]
mod bersama;
mod survei_laporan_reviu;

use bersama::*;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Instant;

/// The realisasi field of the second indicator of sasaran 2 ("Desa yang sudah menyusun dokumen
/// perencanaan, penganggaran dengan benar dan tepat waktu"), annual and Tw1.
const MEDAN_TAHUNAN: &str = "r.I-S2-2.tahunan";
const MEDAN_TW1: &str = "r.I-S2-2.tw1";
const URAIAN_I_S2_2: &str = "Desa yang sudah menyusun dokumen perencanaan";
const URAIAN_S2: &str = "Meningkatnya Koordinasi Pemerintahan";

// The figures, by hand, from contoh/mumbulsari/pengukuran-2020.toml (Tabel 3.1 targets):
// I-S2-1: target 100 %, realisasi 86,90 % -> capaian 86,90 %.
// I-S2-2: target 100 %, realisasi 90 %    -> capaian 90,00 %.
// Sasaran 2 is the mean of its measured indicators: (86,90 + 90,00) / 2 = 88,45 %.
// After the operator enters 95 for I-S2-2: capaian 95 / 100 = 95,00 %,
// and sasaran 2: (86,90 + 95,00) / 2 = 90,95 %.
const CAPAIAN_LAMA: &str = "90,00 %";
const SASARAN_LAMA: &str = "88,45 %";
const REALISASI_BARU: &str = "95";
const CAPAIAN_BARU: &str = "95,00 %";
const SASARAN_BARU: &str = "90,95 %";
/// Written on the Laporan Kinerja page, then looked for in the downloaded PDF.
const ANALISIS_BARU: &str = "Capaian desa tertib perencanaan naik berkat pendampingan";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interface_in_a_real_browser() {
    let mulai = Instant::now();
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let tangkapan = folder_tangkapan();
    for (i, basis) in kinerja_simpan::uji::semua_basis()
        .await
        .into_iter()
        .enumerate()
    {
        let t0 = Instant::now();
        let server = Server::mulai(&basis.url).await;
        let profil = Profil::baru();
        let c = driver.sesi(&profil.0).await;
        let u = Uji {
            c,
            dasar: format!("http://{}", server.alamat),
            // Screenshots of the first database's run only: the pages are the same.
            tangkapan: (i == 0).then(|| tangkapan.clone()),
            basis: basis.nama,
        };
        u.jalankan().await;
        u.c.close().await.expect("close the browser session");
        server.berhenti().await;
        drop(profil);
        eprintln!(
            "{}: semua skenario lulus dalam {:.1?}",
            basis.nama,
            t0.elapsed()
        );
        basis.selesai().await;
    }
    eprintln!(
        "tangkapan layar di {} (total {:.1?})",
        tangkapan.display(),
        mulai.elapsed()
    );
}

struct Uji {
    c: Client,
    dasar: String,
    tangkapan: Option<PathBuf>,
    basis: &'static str,
}

impl Peramban for Uji {
    fn klien(&self) -> &Client {
        &self.c
    }
    fn dasar(&self) -> &str {
        &self.dasar
    }
    fn nama(&self) -> &str {
        self.basis
    }
}

impl Uji {
    async fn jalankan(&self) {
        self.survei_publik().await;
        self.masuk_dan_halaman_utama().await;
        self.tolak_instansi_lain().await;
        self.isi_realisasi_dan_kunci().await;
        self.alur_tw1_dan_jejak().await;
        self.laporan_pdf().await;
        self.reviu_diterima().await;
        self.keluar().await;
    }

    /// Scenario 1: the login form (a wrong password, then the right one), the dashboard, and
    /// the other pages of the instansi as its operator.
    async fn masuk_dan_halaman_utama(&self) {
        self.buka("/").await;
        self.tangkap("beranda").await;
        assert!(
            self.teks("main").await.contains("Mumbulsari"),
            "{}: the home page lists the published example",
            self.basis
        );

        self.buka("/masuk").await;
        self.tangkap("masuk").await;
        self.isi_masuk(OPERATOR.0, "bukan-sandinya").await;
        let galat = self.tunggu(Locator::Css("#masuk-galat")).await;
        assert!(
            galat
                .text()
                .await
                .unwrap()
                .contains("nama pengguna atau kata sandi salah"),
            "{}: a wrong password shows the error on the login page",
            self.basis
        );
        assert_eq!(self.jalur().await, "/masuk");
        assert!(self.c.find(Locator::Css(".akun-nama")).await.is_err());
        self.tangkap("masuk-galat").await;

        self.masuk(OPERATOR).await;
        assert_eq!(
            self.jalur().await,
            "/instansi/mumbulsari/tahun/2020",
            "{}: the operator lands on the dashboard of the instansi's latest year",
            self.basis
        );
        assert_eq!(self.teks("h1").await, "Dasbor kinerja tahun 2020");
        assert_eq!(self.teks(".akun-nama").await, OPERATOR.0);
        assert_eq!(self.teks(".akun-peran").await, "Operator");
        assert_eq!(self.capaian_indikator(URAIAN_I_S2_2).await, CAPAIAN_LAMA);
        assert_eq!(self.capaian_sasaran(URAIAN_S2).await, SASARAN_LAMA);
        self.tangkap("dasbor").await;

        // The other pages, reached through the side navigation.
        for (teks, h1, nama) in [
            ("Rencana kinerja", "Rencana kinerja", "rencana"),
            ("Perjanjian Kinerja", "Perjanjian Kinerja tahun 2020", "pk"),
            ("Indikator Kinerja Utama", "Indikator Kinerja Utama", "iku"),
            (
                "Isian anggaran",
                "Isian realisasi anggaran tahun 2020",
                "anggaran",
            ),
        ] {
            let tautan = self
                .c
                .find(Locator::XPath(&format!(
                    "//nav[@class='samping']//a[normalize-space()='{teks}']"
                )))
                .await
                .unwrap_or_else(|_| panic!("{}: no navigation link {teks}", self.basis));
            self.pindah(async { tautan.click().await.unwrap() }).await;
            let judul = self.teks("h1").await;
            assert_eq!(judul, h1, "{}: {teks}: the page's heading", self.basis);
            self.tangkap(nama).await;
        }
    }

    /// Scenario 3: the operator of another instansi sees Mumbulsari's published data read-only
    /// and a forged save (the form submitted with its inputs made writable) gets the 403 page.
    async fn tolak_instansi_lain(&self) {
        self.keluar_sesi().await;
        self.masuk(OPERATOR_LAIN).await;
        assert_eq!(self.teks(".akun-nama").await, OPERATOR_LAIN.0);
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        let n_isian = self.hitung("form.form-isian input.isian").await;
        let n_baca = self.hitung("form.form-isian input.isian[readonly]").await;
        assert!(
            n_isian > 0,
            "{}: the entry page shows the fields",
            self.basis
        );
        assert_eq!(
            n_isian, n_baca,
            "{}: every field is read-only for another instansi's operator",
            self.basis
        );
        assert_eq!(
            self.hitung("form.form-isian button[type=submit]").await,
            0,
            "{}: no save button",
            self.basis
        );
        assert!(
            self.teks("form.form-isian")
                .await
                .contains("Anda hanya dapat melihat isian ini")
        );
        assert_eq!(
            self.hitung(".kol-aksi button").await,
            0,
            "{}: no workflow buttons",
            self.basis
        );
        // A forged request from this page: the field made writable, the form submitted.
        self.pindah(async {
            self.c
                .execute(
                    "const i = document.getElementById(arguments[0]);
                 i.removeAttribute('readonly'); i.value = '1';
                 document.querySelector('form.form-isian').submit();",
                    vec![json!(MEDAN_TAHUNAN)],
                )
                .await
                .unwrap();
        })
        .await;
        self.harap_galat(403, "peran Anda tidak mengizinkan tindakan ini")
            .await;
        self.tangkap("403").await;
        // The same for a workflow step on the other instansi.
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        self.kirim_palsu("/instansi/mumbulsari/tahun/2020/ajukan/tw1", &[], false)
            .await;
        self.harap_galat(403, "peran Anda tidak mengizinkan tindakan ini")
            .await;
        // The published report reads, without its form; the reviu is not this operator's.
        self.buka("/instansi/mumbulsari/tahun/2020/laporan").await;
        assert_eq!(self.teks("h1").await, "Laporan Kinerja tahun 2020");
        assert_eq!(self.hitung("form.form-naskah").await, 0, "{}", self.basis);
        self.buka("/instansi/mumbulsari/tahun/2020/reviu").await;
        self.harap_galat(403, "peran Anda tidak mengizinkan").await;
        // Its own audit trail only.
        self.buka("/instansi/mumbulsari/jejak").await;
        self.harap_galat(403, "peran Anda tidak mengizinkan").await;
        // The error page has no logout button (it is rendered without the session).
        self.buka("/").await;
        self.keluar_sesi().await;
    }

    /// Scenario 2: an invalid value, the locked (published) annual period refusing a change,
    /// the pimpinan lifting the lock, the operator's change going through and the dashboard
    /// showing the new capaian.
    async fn isi_realisasi_dan_kunci(&self) {
        self.masuk(OPERATOR).await;
        // The refused forgery of scenario 3 changed nothing.
        assert_eq!(self.capaian_indikator(URAIAN_I_S2_2).await, CAPAIAN_LAMA);

        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        assert_eq!(self.status_periode("Tahunan").await, "Disetujui");
        let tahunan = self.medan(MEDAN_TAHUNAN).await;
        assert_eq!(tahunan.prop("value").await.unwrap().unwrap(), "90 %");
        assert!(
            tahunan.attr("readonly").await.unwrap().is_some(),
            "{}: the approved annual period is read-only",
            self.basis
        );
        assert!(
            self.medan(MEDAN_TW1)
                .await
                .attr("readonly")
                .await
                .unwrap()
                .is_none(),
            "{}: Tw1 is a draft, open for entry",
            self.basis
        );

        // An invalid value: the error next to the field, in the summary, and nothing saved.
        let tw1 = self.medan(MEDAN_TW1).await;
        tw1.send_keys("12.5.0").await.unwrap();
        self.simpan_realisasi().await;
        let ringkas = self.tunggu(Locator::Css(".ringkas-galat")).await;
        assert!(
            ringkas
                .text()
                .await
                .unwrap()
                .contains("Ada 1 isian yang perlu diperbaiki"),
            "{}: the error summary",
            self.basis
        );
        let galat_medan = self
            .c
            .find(Locator::Css(&format!("[id='{MEDAN_TW1}-galat']")))
            .await
            .unwrap_or_else(|_| panic!("{}: no error next to the field", self.basis));
        let pesan_medan = galat_medan.text().await.unwrap();
        assert!(!pesan_medan.trim().is_empty());
        let sel: Value = self
            .c
            .execute(
                "const e = document.getElementById(arguments[0]);
                 return {invalid: e.getAttribute('aria-invalid'), nilai: e.value,
                         sel_salah: e.closest('td').classList.contains('sel-salah'),
                         sebelah: e.closest('td').contains(document.getElementById(arguments[0] + '-galat'))};",
                vec![json!(MEDAN_TW1)],
            )
            .await
            .unwrap();
        assert_eq!(
            sel,
            json!({"invalid": "true", "nilai": "12.5.0", "sel_salah": true, "sebelah": true}),
            "{}: the field keeps what was typed, marked invalid, its message in its cell",
            self.basis
        );
        self.tangkap("realisasi-galat").await;
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        assert_eq!(
            self.medan(MEDAN_TW1)
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap(),
            "",
            "{}: the invalid value was not saved",
            self.basis
        );

        // The locked period: a stale or forged form (the read-only field made writable) is
        // refused by the server with a clear message.
        self.c
            .execute(
                "document.getElementById(arguments[0]).removeAttribute('readonly');",
                vec![json!(MEDAN_TAHUNAN)],
            )
            .await
            .unwrap();
        let tahunan = self.medan(MEDAN_TAHUNAN).await;
        tahunan.clear().await.unwrap();
        tahunan.send_keys(REALISASI_BARU).await.unwrap();
        self.simpan_realisasi().await;
        let pesan = self.teks(".pesan-galat").await;
        assert!(
            pesan.contains("tidak disimpan")
                && pesan.contains("terkunci")
                && pesan.contains("buka kunci dahulu"),
            "{}: a locked period refuses the change: {pesan:?}",
            self.basis
        );
        self.tangkap("realisasi-terkunci").await;
        self.buka("/instansi/mumbulsari/tahun/2020").await;
        assert_eq!(self.capaian_indikator(URAIAN_I_S2_2).await, CAPAIAN_LAMA);
        assert_eq!(self.capaian_sasaran(URAIAN_S2).await, SASARAN_LAMA);
        self.keluar_sesi().await;

        // The pimpinan lifts the lock; the pimpinan may not enter data.
        self.masuk(PIMPINAN).await;
        assert_eq!(self.teks(".akun-peran").await, "Pimpinan");
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        assert_eq!(
            self.hitung("form.form-isian button[type=submit]").await,
            0,
            "{}: the pimpinan approves, does not enter",
            self.basis
        );
        self.langkah("buka", "tahunan").await;
        self.harap_sukses("periode berhasil dibuka kembali").await;
        assert_eq!(self.status_periode("Tahunan").await, "Draf");
        self.keluar_sesi().await;

        // Now the operator's change goes through.
        self.masuk(OPERATOR).await;
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        let tahunan = self.medan(MEDAN_TAHUNAN).await;
        assert!(tahunan.attr("readonly").await.unwrap().is_none());
        tahunan.clear().await.unwrap();
        tahunan.send_keys(REALISASI_BARU).await.unwrap();
        self.simpan_realisasi().await;
        self.harap_sukses("1 perubahan disimpan dan tercatat di jejak audit")
            .await;
        assert_eq!(
            self.medan(MEDAN_TAHUNAN)
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap(),
            REALISASI_BARU
        );
        self.buka("/instansi/mumbulsari/tahun/2020").await;
        assert_eq!(
            self.capaian_indikator(URAIAN_I_S2_2).await,
            CAPAIAN_BARU,
            "{}: the dashboard shows the new capaian",
            self.basis
        );
        assert_eq!(
            self.capaian_sasaran(URAIAN_S2).await,
            SASARAN_BARU,
            "{}: and the new sasaran mean",
            self.basis
        );
        self.tangkap("dasbor-sesudah").await;
    }

    /// Scenario 4: the operator submits Tw1 (and the year), the pimpinan approves, Tw1 is then
    /// read-only, and the audit trail shows the steps and the change.
    async fn alur_tw1_dan_jejak(&self) {
        // Still the operator.
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        assert_eq!(
            self.hitung("form[action$='/setujui/tw1'] button").await,
            0,
            "{}: an operator does not approve",
            self.basis
        );
        self.langkah("ajukan", "tw1").await;
        self.harap_sukses("periode berhasil diajukan").await;
        assert_eq!(self.status_periode("Triwulan I").await, "Diajukan");
        self.langkah("ajukan", "tahunan").await;
        self.harap_sukses("periode berhasil diajukan").await;
        self.keluar_sesi().await;

        self.masuk(PIMPINAN).await;
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        self.langkah("setujui", "tw1").await;
        self.harap_sukses("periode berhasil disetujui").await;
        assert_eq!(self.status_periode("Triwulan I").await, "Disetujui");
        // The year published again, for the kabupaten view.
        self.langkah("setujui", "tahunan").await;
        self.harap_sukses("periode berhasil disetujui").await;
        self.keluar_sesi().await;

        self.masuk(OPERATOR).await;
        self.buka("/instansi/mumbulsari/tahun/2020/realisasi").await;
        let n_tw1 = self.hitung("input.isian[name$='.tw1']").await;
        assert!(n_tw1 > 0);
        assert_eq!(
            self.hitung("input.isian[name$='.tw1'][readonly]").await,
            n_tw1,
            "{}: every Tw1 field is read-only once approved",
            self.basis
        );
        assert_eq!(
            self.hitung("input.isian[name$='.tw2'][readonly]").await,
            0,
            "{}: Tw2 stays open",
            self.basis
        );

        self.buka("/instansi/mumbulsari/jejak").await;
        assert!(self.teks("h1").await.contains("Jejak audit"));
        let baris: Vec<String> = serde_json::from_value(
            self.c
                .execute(
                    "return Array.from(document.querySelectorAll('table.tabel-jejak > tbody > tr'))
                        .map(tr => Array.from(tr.children).slice(1).map(c => c.innerText.replace(/\\s+/g, ' ').trim()).join(' | '));",
                    vec![],
                )
                .await
                .unwrap(),
        )
        .unwrap();
        let ada = |semua: &[&str]| baris.iter().any(|b| semua.iter().all(|s| b.contains(s)));
        for (siapa, dari, ke) in [
            (OPERATOR.0, "draf", "diajukan"),
            (PIMPINAN.0, "diajukan", "disetujui"),
        ] {
            assert!(
                ada(&[siapa, "status_periode", "2020|tw1", dari, ke]),
                "{}: the audit trail shows {siapa}: Tw1 {dari} -> {ke}:\n{}",
                self.basis,
                baris.join("\n")
            );
        }
        assert!(
            ada(&[PIMPINAN.0, "2020|tahunan", "disetujui", "draf"]),
            "{}: the lifted lock is in the audit trail:\n{}",
            self.basis,
            baris.join("\n")
        );
        assert!(
            ada(&[OPERATOR.0, "I-S2-2", "90 %", REALISASI_BARU]),
            "{}: the realisasi change is in the audit trail:\n{}",
            self.basis,
            baris.join("\n")
        );
        self.tangkap("jejak").await;

        self.buka("/kabupaten/jember/tahun/2020").await;
        assert!(
            self.teks("main").await.contains("Mumbulsari"),
            "{}: the kabupaten view lists Mumbulsari",
            self.basis
        );
        self.tangkap("kabupaten").await;
    }

    /// Scenario 5: logging out ends the session.
    async fn keluar(&self) {
        self.keluar_sesi().await;
        assert_eq!(self.jalur().await, "/");
        assert!(self.c.find(Locator::Css(".akun-nama")).await.is_err());
        assert_eq!(self.teks(".akun a.tombol-kepala").await, "Masuk");
        self.buka("/instansi/mumbulsari/jejak").await;
        self.harap_galat(403, "silakan masuk").await;
        self.tangkap("403-publik").await;
        // Published data stays public.
        self.buka("/instansi/mumbulsari/tahun/2020").await;
        assert_eq!(self.capaian_indikator(URAIAN_I_S2_2).await, CAPAIAN_BARU);
    }

    /// Opens `alamat` and takes its screenshot.
    async fn tangkap_halaman(&self, alamat: &str, nama: &str) {
        self.buka(alamat).await;
        self.tangkap(nama).await;
    }

    async fn simpan_realisasi(&self) {
        self.klik("form.form-isian button[type=submit]").await;
    }

    /// Clicks a workflow button ("Ajukan", "Setujui", "Buka kunci") of a period.
    async fn langkah(&self, langkah: &str, periode: &str) {
        self.klik(&format!("form[action$='/{langkah}/{periode}'] button"))
            .await;
    }

    async fn status_periode(&self, label: &str) -> String {
        let el = self
            .tunggu(Locator::XPath(&format!(
                "//section[@aria-labelledby='h-alur']//tr[th[normalize-space()='{label}']]//span[contains(@class,'status')]"
            )))
            .await;
        el.text().await.unwrap().trim().to_string()
    }

    /// A PNG of the whole page: the window is stretched to the page's height, then restored.
    async fn tangkap(&self, nama: &str) {
        let Some(folder) = &self.tangkapan else {
            return;
        };
        let ukur = |js: &'static str| async move {
            self.c
                .execute(js, vec![])
                .await
                .unwrap()
                .as_u64()
                .unwrap_or(900)
        };
        let halaman = ukur("return Math.ceil(document.documentElement.scrollHeight);").await;
        // The window is taller than its viewport by the (invisible) browser frame.
        self.c.set_window_size(1366, 900).await.unwrap();
        let bingkai = 900u64.saturating_sub(ukur("return window.innerHeight;").await);
        let tinggi = (halaman + bingkai).clamp(900, 8000);
        self.c.set_window_size(1366, tinggi as u32).await.unwrap();
        let png = self.c.screenshot().await.unwrap();
        self.c.set_window_size(1366, 900).await.unwrap();
        let berkas = folder.join(format!("{nama}.png"));
        std::fs::write(&berkas, png)
            .unwrap_or_else(|e| panic!("writing {}: {e}", berkas.display()));
    }
}
