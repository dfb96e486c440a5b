//! The Evaluasi AKIP in a real headless Chromium (set-up as in `peramban.rs`), on the worked
//! example's answers (contoh/evaluasi/mumbulsari-2020.toml: evaluator 61,25 B, OPD 71,25 BB,
//! computed by hand in crates/kinerja/tests/evaluasi.rs): the OPD's operator answers 1.a.3 on
//! its page and submits; the pereviu sees the data's proposal beside 2.b.4 (E: no realisasi
//! per triwulan), lowers 4.c.2, overrides the proposal and sees the grade change, then marks
//! the year evaluated and finalises it; a further change is refused (409) and no form is left.
//! Figures by hand from the bundled 88/2021 worksheet:
//! - 1.a: 30 x 20 % = 6 points over 6 criteria = 1 each; the OPD's 1.a.3 A (90) -> AA (100):
//!   71,25 + 0,10 = 71,35;
//! - 4.c: 25 x 50 % = 12,5 over 5 = 2,5 each; 4.c.2 C (50 %) -> E: 61,25 - 1,25 = 60,00: CC
//!   (60 belongs to the grade below);
//! - 2.b: 30 x 30 % = 9 over 7 = 9/7 each; 2.b.4 CC (60 %) -> BB (80 %): + 9/7 x 0,2 =
//!   0,257142...: 60,257142... -> 60,26: B.

mod bersama;

use bersama::*;
use fantoccini::{Client, Locator};
use kinerja_core::id::InstansiId;
use std::path::Path;

const DASAR: &str = "/instansi/mumbulsari/tahun/2020/evaluasi";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opd_submits_and_the_evaluator_overrides_a_proposal_in_a_real_browser() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let basis = kinerja_simpan::uji::sqlite();
    let server = Server::mulai(&basis.url).await;
    let jawaban = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/evaluasi/mumbulsari-2020.toml"),
    )
    .unwrap()
    .jawaban_evaluasi;
    let p = kinerja_simpan::Pelaku {
        pengguna: "uji-e2e".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    server
        .toko
        .ubah_data(&InstansiId::new("mumbulsari").unwrap(), &p, |d| {
            let mut d = d.clone();
            d.jawaban_evaluasi = jawaban;
            Ok::<_, ()>(d)
        })
        .await
        .map_err(|_| "the worked example's answers")
        .unwrap();
    let profil = Profil::baru();
    let c = driver.sesi(&profil.0).await;
    let u = Uji {
        c,
        dasar: format!("http://{}", server.alamat),
    };
    u.skenario().await;
    u.c.close().await.expect("close the browser session");
    server.berhenti().await;
    drop(profil);
    basis.selesai().await;
}

struct Uji {
    c: Client,
    dasar: String,
}

impl Peramban for Uji {
    fn klien(&self) -> &Client {
        &self.c
    }
    fn dasar(&self) -> &str {
        &self.dasar
    }
    fn nama(&self) -> &str {
        "sqlite"
    }
}

impl Uji {
    /// Picks `kode` in criterion `k`'s answer and saves that criterion's form.
    async fn jawab(&self, k: &str, kode: &str) {
        self.medan(&format!("{k}.jawaban"))
            .await
            .select_by_value(kode)
            .await
            .unwrap();
        self.klik(&format!("[id='kriteria-{k}'] button[value='simpan']"))
            .await;
        assert!(
            self.teks(".pesan-sukses").await.contains("disimpan"),
            "{k}: saved"
        );
    }

    async fn skenario(&self) {
        self.masuk(OPERATOR).await;
        self.buka(DASAR).await;
        assert_eq!(self.teks("#total-opd").await, "71,25");
        self.jawab("1.a.3", "AA").await;
        assert_eq!(self.teks("#total-opd").await, "71,35");
        self.klik(&format!("form[action='{DASAR}/ajukan'] button"))
            .await;
        assert_eq!(
            self.teks("#tahap-evaluasi").await,
            "Diajukan OPD (dinilai evaluator)"
        );
        // The OPD's forms are closed once submitted.
        assert_eq!(self.hitung("form[enctype='multipart/form-data']").await, 0);
        self.klik("form.akun-keluar button").await;

        self.masuk(PEREVIU).await;
        // One component at a time: 2.b.4 is on component 2's page, 4.c.2 on 4's.
        let k2 = format!("{DASAR}/evaluator?komponen=2");
        self.buka(&k2).await;
        assert_eq!(self.teks("#total-evaluator").await, "61,25");
        assert_eq!(self.teks("#predikat-evaluator").await, "B (Baik)");
        // The proposal beside 2.b.4, with its reason.
        let usulan = self.teks("[id='kriteria-2.b.4'] .usulan-jawaban").await;
        assert_eq!(usulan, "E");
        self.buka(&format!("{DASAR}/evaluator?komponen=4")).await;
        self.jawab("4.c.2", "E").await;
        assert_eq!(self.teks("#total-evaluator").await, "60,00");
        assert_eq!(self.teks("#predikat-evaluator").await, "CC (Cukup)");
        self.buka(&k2).await;
        self.jawab("2.b.4", "BB").await;
        assert_eq!(self.teks("#total-evaluator").await, "60,26");
        assert_eq!(self.teks("#predikat-evaluator").await, "B (Baik)");
        assert!(
            self.teks("[id='kriteria-2.b.4'] .ringkas-jawaban")
                .await
                .contains("mengganti usulan E")
        );
        self.klik(&format!("form[action='{DASAR}/selesai'] button"))
            .await;
        self.klik(&format!("form[action='{DASAR}/finalkan'] button"))
            .await;
        assert_eq!(self.teks("#tahap-evaluasi").await, "Final (terkunci)");
        assert_eq!(self.hitung("form[enctype='multipart/form-data']").await, 0);
        // A further change, posted as the page's form was (a form put in by the test, as the
        // page has none left): refused by the lock with the error page (409).
        let kirim = self.c.execute(
            "const f = document.createElement('form');
             f.method = 'post'; f.enctype = 'multipart/form-data'; f.action = arguments[0];
             for (const [k, v] of [['csrf', document.querySelector('input[name=csrf]').value],
                                   ['kriteria', '2.b.4'], ['jawaban', 'AA']]) {
               const i = document.createElement('input');
               i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
             }
             document.body.appendChild(f); f.submit();",
            vec![serde_json::json!(format!("{DASAR}/evaluator"))],
        );
        self.pindah(async {
            kirim.await.unwrap();
        })
        .await;
        let body = self.teks("main").await;
        assert!(body.contains("409"), "{body}");
        assert!(body.contains("tidak dapat disimpan"), "{body}");
        self.buka(&k2).await;
        assert_eq!(self.teks("#total-evaluator").await, "60,26");
        assert!(
            self.c
                .find(Locator::Css("button[value='usulan']"))
                .await
                .is_err()
        );
    }
}
