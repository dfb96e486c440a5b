//! The plan editors in a real headless Chromium (the set-up as in `peramban.rs`): the operator
//! opens the Renstra editor from the plan page, adds an indicator with its unit, polarity and a
//! target under sasaran 1 (the folded "Tambah" form opened by its summary, no JavaScript of the
//! page), sees an empty required field refused beside the field with the form left open,
//! promises the new indicator in the Perjanjian Kinerja and finds it on the PK page; another
//! instansi's operator is refused the editor. Screenshots of the three editors go to
//! `<target>/e2e-tangkapan/`.

mod bersama;

use bersama::*;
use fantoccini::{Client, Locator};
use serde_json::json;
use std::path::PathBuf;

const RENCANA: &str = "/instansi/mumbulsari/tahun/2020/rencana";
const UBAH: &str = "/instansi/mumbulsari/tahun/2020/rencana/ubah";
const PK: &str = "/instansi/mumbulsari/tahun/2020/pk";
/// The folded form adding an indicator to sasaran 1 (S-1), and the one adding a sasaran to
/// tujuan 1 (T-1).
const BARU_IND: &str = "indikator-baru-sasaran.S-1";
const BARU_SAS: &str = "sasaran-baru-T-1";
const URAIAN_BARU: &str = "Rata-rata hari penyelesaian layanan KTP";
/// S-1 has I-S1-1 (nomor 1): the new one is nomor 2, the first free id of the form "I-S-1-n".
const ID_BARU: &str = "I-S-1-1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_editors_in_a_real_browser() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let tangkapan = folder_tangkapan();
    let basis = kinerja_simpan::uji::sqlite();
    let server = Server::mulai(&basis.url).await;
    let profil = Profil::baru();
    let c = driver.sesi(&profil.0).await;
    let u = Uji {
        c,
        dasar: format!("http://{}", server.alamat),
        tangkapan,
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
    tangkapan: PathBuf,
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
    async fn skenario(&self) {
        self.masuk(OPERATOR).await;
        self.buka(RENCANA).await;
        self.klik(&format!("a[href='{UBAH}']")).await;
        assert_eq!(self.jalur().await, UBAH);
        self.tangkap("sunting-rencana").await;

        // A new indicator under sasaran 1: open the folded form, fill it, add.
        self.buka_lipatan(BARU_IND).await;
        self.ketik(&format!("{BARU_IND}.uraian"), URAIAN_BARU).await;
        self.ketik(&format!("{BARU_IND}.satuan"), "hari").await;
        self.medan(&format!("{BARU_IND}.polaritas"))
            .await
            .select_by_value("negatif")
            .await
            .unwrap();
        self.ketik(&format!("{BARU_IND}.target.2020"), "3").await;
        self.ketik(&format!("{BARU_IND}.target.2021"), "2,5").await;
        self.klik(&format!("form[id='{BARU_IND}'] button[value=simpan]"))
            .await;
        let isi = self.teks("main").await;
        assert!(isi.contains("perubahan disimpan"), "{isi}");
        assert!(
            isi.contains(&format!("Indikator 2: {URAIAN_BARU}")),
            "{isi}"
        );
        let t = self
            .medan(&format!("indikator-{ID_BARU}.target.2021"))
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            t.as_deref(),
            Some("2,5"),
            "the target as typed, the Indonesian way"
        );

        // A sasaran without its wording: refused beside the field, the form left open.
        self.buka_lipatan(BARU_SAS).await;
        self.klik(&format!("form[id='{BARU_SAS}'] button[value=simpan]"))
            .await;
        let galat = self.teks(&format!("[id='{BARU_SAS}.uraian-galat']")).await;
        assert!(galat.contains("wajib diisi"), "{galat}");
        assert!(
            self.c
                .find(Locator::Css(&format!(
                    "[id='{BARU_SAS}.uraian'][aria-invalid=true]"
                )))
                .await
                .is_ok()
        );
        let terbuka = self
            .c
            .execute(
                &format!("return document.getElementById('{BARU_SAS}').closest('details').open;"),
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(terbuka, json!(true), "the posted form stays open");
        self.tangkap("sunting-rencana-galat").await;

        // The plan page shows the new indicator; the PK promises it.
        self.buka(RENCANA).await;
        assert!(self.teks("main").await.contains(URAIAN_BARU));
        self.buka(&format!("{PK}/ubah")).await;
        self.tangkap("sunting-pk").await;
        self.ketik(&format!("pk.target.{ID_BARU}"), "3").await;
        self.klik("form.sunting button[value=simpan]").await;
        assert!(self.teks("main").await.contains("perubahan disimpan"));
        self.buka(PK).await;
        let pk = self.teks("main").await;
        assert!(pk.contains(URAIAN_BARU), "{pk}");
        self.buka("/instansi/mumbulsari/tahun/2020/iku/ubah").await;
        self.tangkap("sunting-iku").await;

        // Another instansi's operator: refused, the page says why.
        self.klik(".akun-keluar button").await;
        self.masuk(OPERATOR_LAIN).await;
        self.buka(UBAH).await;
        let isi = self.teks("main").await;
        assert!(isi.contains("peran Anda tidak mengizinkan"), "{isi}");
    }

    // ----- helpers -----

    /// A PNG of the whole page.
    async fn tangkap(&self, nama: &str) {
        let tinggi = self
            .c
            .execute(
                "return Math.ceil(document.documentElement.scrollHeight);",
                vec![],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap_or(900)
            .clamp(900, 8000);
        self.c
            .set_window_size(1366, tinggi as u32 + 120)
            .await
            .unwrap();
        let png = self.c.screenshot().await.unwrap();
        self.c.set_window_size(1366, 900).await.unwrap();
        std::fs::write(self.tangkapan.join(format!("{nama}.png")), png).unwrap();
    }
}
